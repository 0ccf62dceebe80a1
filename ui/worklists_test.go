package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// TestWorklistsGolden pins the worklists screen and a worklist's rows on
// the simulator's three companies (their first pages, and more after G),
// at 80x24 and 120x40.
func TestWorklistsGolden(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, screen := range []string{"counts", "rows", "rows_by_due", "rows_customers", "partial", "rows_more"} {
			t.Run(fmt.Sprintf("%s_%dx%d", screen, size[0], size[1]), func(t *testing.T) {
				t.Parallel()
				h := newHarness(t, size[0], size[1], withSimulator(simulator.Config{})).start()
				switch screen {
				case "counts":
					h.key("w")
				case "rows":
					h.key("w")
					h.key("down")
					h.key("enter")
				case "rows_customers":
					h.key("w")
					h.key("down")
					h.key("down")
					h.key("enter")
				case "rows_more":
					// The end of the rows asked for the next pages.
					h.key("w")
					h.key("down")
					h.key("enter")
					h.key("G")
				case "rows_by_due":
					h.key("w")
					h.key("down")
					h.key("enter")
					h.key("s")
				case "partial":
					h.simData().fail = h.app.c.account.Companies[1].ID
					// The counts of the last company are still on their way.
					m, cmd := newWorklists(h.app.c)
					for _, msg := range runCmd(cmd) {
						if c, ok := msg.(worklistCountMsg); ok && c.company == 2 {
							continue
						}
						m, _ = m.update(msg)
					}
					h.app.push(&m)
				}
				h.app.bodyValid = false
				golden.RequireEqual(t, []byte(h.view()))
			})
		}
	}
}

// runCmd runs cmd and every batch in it, returning their messages.
func runCmd(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			out = append(out, msg)
		}
	}
	return out
}

// TestWorklistsCountEveryCompany: w counts each worklist in each company
// with one request, and shows the totals.
func TestWorklistsCountEveryCompany(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40, withSimulator(simulator.Config{})).start()
	before := h.simData().requests()
	h.key("w")
	lists, cos := len(worklist.Builtins()), len(h.app.c.account.Companies)
	if got := h.simData().requests() - before; got != worklist.Requests(lists, cos) {
		t.Fatalf("%d requests for the counts, want %d", got, worklist.Requests(lists, cos))
	}
	h.requireView("Worklists", "15/15 counted", "Payment failed", "Late over 30 days",
		"Payment method errored", "Payment method missing", "Subscriptions errored")
	m := h.app.top().(*worklistsModel)
	for li := range m.lists {
		if total, loading, failed := m.tally(li); total == 0 || loading+failed > 0 {
			t.Errorf("%s: %d, %d loading, %d failed", m.lists[li].Name, total, loading, failed)
		}
	}
	// An answer of an earlier round is dropped.
	stale := m.gen
	h.key("r")
	h.send(worklistCountMsg{gen: stale, list: 0, company: 0, total: 999})
	if m := h.app.top().(*worklistsModel); m.cells[0][0].total == 999 {
		t.Fatal("a count of an earlier round was shown")
	}
}

// TestWorklistRowsOpenInTheirCompany: enter on a worklist merges its
// rows across companies, each labelled; enter on a row of another
// company switches to it and opens the object there.
func TestWorklistRowsOpenInTheirCompany(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40, withSimulator(simulator.Config{})).start()
	h.key("w")
	before := h.simData().requests()
	h.key("enter") // Payment failed
	cos := h.app.c.account.Companies
	if got := h.simData().requests() - before; got != len(cos) {
		t.Fatalf("%d requests for the rows, want one per company (%d)", got, len(cos))
	}
	rows := h.app.top().(*worklistRowsModel)
	seen := map[string]bool{}
	for _, r := range rows.rows {
		seen[r.Company.ID] = true
		if r.Status != "error" {
			t.Fatalf("row %s of %s is %s", r.ID, r.Company.Name, r.Status)
		}
	}
	if len(seen) != len(cos) {
		t.Fatalf("rows of %d companies, want %d", len(seen), len(cos))
	}
	for i := 1; i < len(rows.rows); i++ {
		a, b := rows.rows[i-1], rows.rows[i]
		if b.Currency < a.Currency || b.Currency == a.Currency && b.Amount > a.Amount {
			t.Fatal("the rows are not sorted by amount")
		}
	}
	// Find a row in another company than the one open.
	current := h.app.scope.company.ID
	for i := 0; ; i++ {
		r, ok := h.app.top().(*worklistRowsModel).selectedRow()
		if !ok || i > len(rows.rows) {
			t.Fatal("no row of another company")
		}
		if r.Company.ID != current {
			h.key("enter")
			if h.app.scope.company.ID != r.Company.ID || !h.app.topIs(screenDetail) {
				t.Fatalf("company %s, top %v; want %s and the detail", h.app.scope.company.ID, h.app.top().screenKind(), r.Company.ID)
			}
			if h.app.indexOf(screenWorklistRows) >= 0 || h.app.indexOf(screenWorklists) >= 0 {
				t.Fatal("the worklists stayed open over another company")
			}
			h.requireView(r.Title)
			break
		}
		h.key("down")
	}
}

// TestWorklistsHostileNames: company names made to take over a terminal
// reach it escaped, on both screens.
func TestWorklistsHostileNames(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40, withSimulator(simulator.Config{Hostile: true})).start()
	raw := func(v string) bool {
		return strings.ContainsAny(v, "\a\u009b\u202e") || strings.Contains(v, "\x1b]") || strings.Contains(v, "\x1bP")
	}
	h.key("w")
	if v := h.app.View(); raw(v) {
		t.Fatalf("a control sequence reached the screen: %q", v)
	}
	h.key("enter")
	if v := h.app.View(); raw(v) {
		t.Fatalf("a control sequence reached the screen: %q", v)
	}
}
