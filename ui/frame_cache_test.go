package ui

import (
	"strings"
	"testing"
)

// A cursor key through the whole app, and the frame after it, stays under
// 20 allocations whatever the rows held: the status bar, the help line and
// the header are drawn again only when what they show changes.
func TestCursorKeyAllocations(t *testing.T) {
	h := newHarness(t, 200, 50).start()
	fillCustomers(h, 10_000)
	h.app.View()
	down, up := keyMsg("down"), keyMsg("up")
	i := 0
	allocs := testing.AllocsPerRun(200, func() {
		k := down
		if i++; i%40 >= 20 {
			k = up
		}
		h.app.Update(k)
		_ = h.app.View()
	})
	if allocs >= 20 {
		t.Fatalf("%.0f allocations per cursor key and frame, want under 20", allocs)
	}
}

// The cached parts follow what they show: the counts and the help line
// change with the filter, the status bar with the company.
func TestCachedFramePartsFollowChanges(t *testing.T) {
	h := newHarness(t, 120, 30).start()
	fillCustomers(h, 1000)
	before := h.app.View()
	if !strings.Contains(before, "1,000/1,000") {
		t.Fatalf("no counts in the header:\n%s", before)
	}
	h.key("/")
	h.typeText("cobalt labs 1")
	after := h.app.View()
	if !strings.Contains(after, "match · 1,000/1,000") || strings.Contains(after, "\n 1,000/1,000") {
		t.Fatalf("the header's counts did not follow the filter:\n%s", after)
	}
	if lastLine(before) == "" || lastLine(after) != lastLine(before) {
		t.Fatalf("the status bar changed with the filter:\n%q\n%q", lastLine(before), lastLine(after))
	}
	if helpLine(before) == helpLine(after) {
		t.Fatalf("the help line did not follow the filter's keys: %q", helpLine(after))
	}
	h.app.scope.company.Name = "Globex Renamed"
	if !strings.Contains(lastLine(h.app.View()), "Globex Renamed") {
		t.Fatal("the status bar did not follow the company")
	}
}

func lastLine(frame string) string { return frame[strings.LastIndexByte(frame, '\n')+1:] }

func helpLine(frame string) string {
	lines := strings.Split(frame, "\n")
	return lines[len(lines)-2]
}
