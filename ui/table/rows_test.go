package table

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func selectedID(t *testing.T, m Model) string {
	t.Helper()
	r, ok := m.SelectedRow()
	if !ok {
		return ""
	}
	return r.ID
}

// shownIDs lists the IDs of every filtered row, in order.
func shownIDs(m Model) []string {
	ids := make([]string, m.VisibleLen())
	for pos := range ids {
		ids[pos] = m.rows[m.rowIndex(pos)].ID
	}
	return ids
}

func TestFilterThenClearKeepsSelection(t *testing.T) {
	t.Parallel()
	m := newCustomers(100, 80, 11)
	if !m.SelectID("cus_00000041") { // 41 % 8 == 1: 株式会社サンプル
		t.Fatal("SelectID(cus_00000041) = false")
	}
	m.SetFilter("株式")
	if got := selectedID(t, m); got != "cus_00000041" {
		t.Fatalf("after filter selected %q, want cus_00000041", got)
	}
	if m.VisibleLen() != 13 || m.Cursor() != 5 {
		t.Errorf("VisibleLen, Cursor = %d, %d, want 13, 5", m.VisibleLen(), m.Cursor())
	}
	m = press(t, m, runes("j")) // cus_00000049
	m.SetFilter("")
	if got := selectedID(t, m); got != "cus_00000049" {
		t.Errorf("after clearing selected %q, want cus_00000049", got)
	}
	if m.VisibleLen() != 100 || m.Filter() != "" {
		t.Errorf("VisibleLen, Filter = %d, %q after clearing", m.VisibleLen(), m.Filter())
	}
	if !m.cursorShown() {
		t.Error("cursor outside the viewport after clearing")
	}
}

func TestFilterMatching(t *testing.T) {
	t.Parallel()
	rows := []Row{
		{ID: "a", Cells: []Cell{{Text: "Acme Corp"}, {Text: "ACTIVE"}}},
		{ID: "b", Cells: []Cell{{Text: "Crème Brûlée"}, {Text: "past_due"}}},
		{ID: "c", Cells: []Cell{{Text: "株式会社サンプル"}, {Text: "active"}}},
		{ID: "d", Cells: []Cell{{Text: "ÜNÏCÖDÉ GmbH"}, {Text: "cancelled"}}},
		{ID: "e", Cells: []Cell{{Text: "Line\nbreak"}, {Text: "x"}}},
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"a", "b", "c", "d", "e"}},
		{"ACME", []string{"a"}},
		{"active", []string{"a", "c"}},
		{"crème", []string{"b"}},
		{"BRÛLÉE", []string{"b"}},
		{"ünïcödé", []string{"d"}},
		{"サンプル", []string{"c"}},
		{"e c", []string{"a"}}, // inside a cell
		{"corp active", nil},   // never across two cells
		{"corpactive", nil},
		{"line break", []string{"e"}},          // control characters match as spaces
		{"\x00", []string{"a", "b", "d", "e"}}, // a control character is a space
		{"zzz", nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.query), func(t *testing.T) {
			t.Parallel()
			m := New([]Column{{Title: "Name", Width: 10}, {Title: "Status", Width: 8}})
			m.SetSize(40, 10)
			m.SetRows(rows)
			m.SetFilter(tt.query)
			if got := shownIDs(m); !slices.Equal(got, tt.want) && len(got)+len(tt.want) > 0 {
				t.Errorf("SetFilter(%q) shows %v, want %v", tt.query, got, tt.want)
			}
			checkFrame(t, m.View(), 40, 10)
		})
	}
}

// TestFilterIncremental types a query letter by letter, deletes it, and
// types another, checking every step against a filter from scratch.
func TestFilterIncremental(t *testing.T) {
	t.Parallel()
	m := newCustomers(2000, 80, 24)
	m.SelectID("cus_00000777")
	steps := []string{"b", "bi", "bil", "bill", "billing+7", "billing+77", "billing+7", "bil", "", "2024-0", "2024-03", "JPY", "jpy 2", "", "株", "株式会社"}
	for _, q := range steps {
		m.SetFilter(q)
		fresh := newCustomers(2000, 80, 24)
		fresh.SetFilter(q)
		if got, want := shownIDs(m), shownIDs(fresh); !slices.Equal(got, want) {
			t.Fatalf("after typing to %q: %d rows shown, a fresh filter shows %d", q, len(got), len(want))
		}
		if !m.cursorShown() {
			t.Fatalf("after %q the cursor %d is outside the viewport at %d", q, m.cursor, m.offset)
		}
	}
}

func TestFilterHidingSelectionMovesToNextMatch(t *testing.T) {
	t.Parallel()
	m := newCustomers(100, 80, 11)
	m.SelectID("cus_00000042") // Crème Brûlée SARL
	m.SetFilter("acme")        // rows 0, 8, 16, ...: 48 is the next after 42
	if got := selectedID(t, m); got != "cus_00000048" {
		t.Errorf("selected %q, want cus_00000048", got)
	}
	m.SelectID("cus_00000096")
	m.SetFilter("acme corp 9") // nothing matches after 96; clamp to the last match
	if got := selectedID(t, m); got != "" {
		t.Errorf("no match: selected %q, want none", got)
	}
	if m.NearEnd(0) != true {
		t.Error("NearEnd(0) = false with no rows shown")
	}
	checkFrame(t, m.View(), 80, 11)
}

func TestAppendWhileFiltered(t *testing.T) {
	t.Parallel()
	m := newCustomers(16, 80, 11)
	m.SetFilter("initech") // rows 6, 14
	m.SelectID("cus_00000014")
	m.AppendRows(customerRows(16, 16)) // adds 22, 30
	if got, want := shownIDs(m), []string{"cus_00000006", "cus_00000014", "cus_00000022", "cus_00000030"}; !slices.Equal(got, want) {
		t.Errorf("shown %v, want %v", got, want)
	}
	if got := selectedID(t, m); got != "cus_00000014" {
		t.Errorf("selected %q, want cus_00000014", got)
	}
	m.SetFilter("")
	if m.VisibleLen() != 32 || selectedID(t, m) != "cus_00000014" {
		t.Errorf("after clearing: %d rows, selected %q", m.VisibleLen(), selectedID(t, m))
	}
}

func TestSetRowsKeepsSelectedID(t *testing.T) {
	t.Parallel()
	m := newCustomers(100, 80, 11)
	m = press(t, m, repeat(runes("j"), 30)...) // cus_00000030 on screen line 9
	line := m.Cursor() - m.offset

	// A reload with newer rows on top: the same customer, lower down.
	reloaded := append(customerRows(1000, 5), customerRows(0, 100)...)
	m.SetRows(reloaded)
	if got := selectedID(t, m); got != "cus_00000030" {
		t.Fatalf("selected %q after reload, want cus_00000030", got)
	}
	if m.Cursor() != 35 || m.Cursor()-m.offset != line {
		t.Errorf("cursor %d on line %d, want 35 on line %d", m.Cursor(), m.Cursor()-m.offset, line)
	}

	// The selected row is gone: the cursor stays at its position.
	m.SetRows(append(customerRows(1000, 5), customerRows(31, 20)...))
	if m.Cursor() != 24 || selectedID(t, m) != "cus_00000050" {
		t.Errorf("cursor %d on %q, want 24 on cus_00000050", m.Cursor(), selectedID(t, m))
	}

	// Fewer rows than the cursor: clamp.
	m.SetRows(customerRows(0, 3))
	if m.Cursor() != 2 || m.offset != 0 {
		t.Errorf("cursor, offset = %d, %d, want 2, 0", m.Cursor(), m.offset)
	}

	// SetRows copies: changing the caller's slice does not reach the table.
	rows := customerRows(0, 3)
	m.SetRows(rows)
	rows[0] = Row{ID: "changed"}
	if m.rows[0].ID != "cus_00000000" {
		t.Error("SetRows kept the caller's slice")
	}
}

func TestSelection(t *testing.T) {
	t.Parallel()
	m := New(customerColumns())
	m.SetSize(80, 11)
	if _, ok := m.SelectedRow(); ok {
		t.Error("SelectedRow on an empty table returned a row")
	}
	if m.SelectID("nope") {
		t.Error("SelectID on an empty table = true")
	}
	if !m.NearEnd(3) {
		t.Error("NearEnd on an empty table = false")
	}
	m.SetRows(customerRows(0, 30))
	if !m.SelectID("cus_00000025") || m.Cursor() != 25 || !m.cursorShown() {
		t.Errorf("SelectID(cus_00000025): cursor %d, offset %d", m.Cursor(), m.offset)
	}
	if m.SelectID("nope") || m.Cursor() != 25 {
		t.Error("SelectID of a missing id moved the cursor")
	}
	for _, tt := range []struct{ set, want int }{{-5, 0}, {10, 10}, {99, 29}} {
		m.SetCursor(tt.set)
		if m.Cursor() != tt.want || !m.cursorShown() {
			t.Errorf("SetCursor(%d): cursor %d, offset %d", tt.set, m.Cursor(), m.offset)
		}
	}
	for _, tt := range []struct {
		n    int
		want bool
	}{{0, false}, {1, true}, {5, true}} {
		if got := m.NearEnd(tt.n); got != tt.want {
			t.Errorf("NearEnd(%d) on the last row = %v, want %v", tt.n, got, tt.want)
		}
	}
	m.SetCursor(20)
	if m.NearEnd(9) || !m.NearEnd(10) {
		t.Errorf("NearEnd(9), NearEnd(10) at row 20 of 30 = %v, %v, want false, true", m.NearEnd(9), m.NearEnd(10))
	}
}

// TestFilterLargeMatchesNaive checks every search path (masks, the buffer
// scan, candidates, the split across CPUs) against a plain loop, on enough
// rows for the work to be split.
func TestFilterLargeMatchesNaive(t *testing.T) {
	t.Parallel()
	const n = 3*parallelChunk + 123
	rows := customerRows(0, n)
	m := New(customerColumns())
	m.SetSize(80, 24)
	m.SetRows(rows[:n-500])
	m.AppendRows(rows[n-500:])
	naive := func(q string) []string {
		var ids []string
		for _, r := range rows {
			for _, c := range r.Cells {
				if strings.Contains(strings.ToLower(c.Text), q) {
					ids = append(ids, r.ID)
					break
				}
			}
		}
		return ids
	}
	for _, q := range []string{"e", "ex", "exa", "@", "9", "99", "cus_0000999", "株", "株式会", "brûlée", "q", "2024-1", "past_due", "sarl"} {
		m.SetFilter(q)
		if got, want := shownIDs(m), naive(q); !slices.Equal(got, want) {
			t.Errorf("SetFilter(%q): %d rows, want %d", q, len(got), len(want))
		}
	}
}
