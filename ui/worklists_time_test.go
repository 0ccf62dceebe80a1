package ui

import (
	"bytes"
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// TestWorklistsTimeToCounts measures, in a real Bubble Tea program, the
// time and the requests from `w` to every count of the demo's three
// companies, the simulator answering each request after 20 ms: the
// counts go out together, so the grid takes about the slowest request,
// not the sum of them.
func TestWorklistsTimeToCounts(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	session := newFakeSession()
	data := newSimData(t, simulator.Config{Latency: 20 * time.Millisecond}, newFakeData(nil))
	session.account.Companies, session.account.CompanyID = data.companies, data.companies[0].ID
	deps := Deps{Context: ctx, Session: session, Data: data, Now: func() time.Time { return testNow },
		Location: time.UTC, Env: EnvironmentFor("https://sandbox.api.hyperline.co", false),
		Clipboard: func(string) error { return nil }}
	tm := teatest.NewTestModel(t, New(deps), teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "[1 Customers]")
	cells := worklist.Requests(len(worklist.Builtins()), len(data.companies))
	// w, then r (count again): the first round also builds the
	// simulator's indexes of the companies not browsed yet.
	for round, k := range []rune{'w', 'r'} {
		before := data.requests()
		start := time.Now()
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{k}})
		want := []byte(formatCount(cells) + "/" + formatCount(cells) + " counted")
		var seen []byte
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			seen = append(seen, b...)
			return bytes.Contains(seen, want)
		}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(time.Millisecond))
		took := time.Since(start)
		if got := data.requests() - before; got != cells {
			t.Fatalf("round %d: %d requests from %c to the counts, want %d", round, got, k, cells)
		}
		t.Logf("%c → %d counts of %d companies at 20 ms a request: %d requests in %v",
			k, cells, len(data.companies), cells, took.Round(time.Millisecond))
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'q'}})
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
}
