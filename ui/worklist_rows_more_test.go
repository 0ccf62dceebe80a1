package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// TestWorklistRowsPageOnDemand: a company with more than a page of a
// worklist grows page by page as the cursor reaches the end of the rows
// held, each key press asking at most worklistMorePages pages; the
// header says how many of how many each company shows, and the rows stay
// sorted, without a row twice.
func TestWorklistRowsPageOnDemand(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40, withSimulator(simulator.Config{})).start()
	h.key("w")
	h.key("down")
	before := h.simData().requests()
	h.key("enter") // Late over 30 days: Nordwind holds 220, Globex 3,128
	if got := h.simData().requests() - before; got != 3 {
		t.Fatalf("%d requests to open the rows, want 3 (one per company)", got)
	}
	h.requireView("Nordwind Software GmbH 50 of 220", "Globex Cloud Inc. 50 of 3,128", "(rows shown)")
	press := func(k string) int {
		before := h.simData().requests()
		h.key(k)
		return h.simData().requests() - before
	}
	if got := press("down"); got != 0 {
		t.Fatalf("a move far from the end asked %d pages", got)
	}
	if got := press("G"); got != 2 {
		t.Fatalf("the end asked %d pages, want 2 (the two companies that hold more)", got)
	}
	h.requireView("Nordwind Software GmbH 100 of 220", "Globex Cloud Inc. 100 of 3,128")
	presses, asked := 1, 2
	for !strings.Contains(h.view(), "Nordwind Software GmbH 220 ") {
		n := press("G")
		if n == 0 || n > worklistMorePages {
			t.Fatalf("press %d asked %d pages, want 1 to %d", presses+1, n, worklistMorePages)
		}
		presses, asked = presses+1, asked+n
		if presses > 10 {
			t.Fatalf("Nordwind not whole after %d presses:\n%s", presses, h.view())
		}
	}
	m := h.app.top().(*worklistRowsModel)
	globex := m.states[2]
	if globex.shown != worklistRowsTake*(presses+1) || !globex.more {
		t.Fatalf("Globex shows %d after %d presses, want %d and more", globex.shown, presses, worklistRowsTake*(presses+1))
	}
	h.requireView(fmt.Sprintf("Globex Cloud Inc. %s of 3,128", formatCount(globex.shown)), "(rows shown)")
	seen, per := map[string]bool{}, map[string]int{}
	for i, r := range m.rows {
		if seen[rowID(r)] {
			t.Fatalf("row %s twice", rowID(r))
		}
		seen[rowID(r)], per[r.Company.ID] = true, per[r.Company.ID]+1
		if i > 0 {
			a := m.rows[i-1]
			if r.Currency < a.Currency || r.Currency == a.Currency && r.Amount > a.Amount {
				t.Fatalf("rows %d and %d out of order by amount", i-1, i)
			}
		}
	}
	for ci, co := range m.companies {
		if per[co.ID] != m.states[ci].shown || m.table.Len() != len(m.rows) {
			t.Fatalf("%s: %d rows held, header says %d", co.Name, per[co.ID], m.states[ci].shown)
		}
	}
	t.Logf("Nordwind whole (220) and Globex at %d after %d presses of G: %d page requests, at most %d a press",
		globex.shown, presses, asked, worklistMorePages)
}

// aliasSource reads companies under other ids: many companies with more
// than a page, from the simulator's three.
type aliasSource struct {
	d    *simData
	real map[string]string
}

func (a aliasSource) Customers(ctx context.Context, id string, o hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error) {
	return a.d.Customers(ctx, a.real[id], o)
}

func (a aliasSource) Subscriptions(ctx context.Context, id string, o hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error) {
	return a.d.Subscriptions(ctx, a.real[id], o)
}

func (a aliasSource) Invoices(ctx context.Context, id string, o hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error) {
	return a.d.Invoices(ctx, a.real[id], o)
}

// TestWorklistRowsPagesBounded: with six companies that hold more, the
// end of the rows asks three pages, and no more while they are on their
// way (input is never held: the key returns at once); once they came,
// the next press asks the companies that hold the fewest rows. A page
// of a reload's earlier round is dropped.
func TestWorklistRowsPagesBounded(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40, withSimulator(simulator.Config{})).start()
	d := h.simData()
	src := aliasSource{d: d, real: map[string]string{}}
	var cos []wlCompany
	for i := range 6 {
		real := d.companies[1+i%2] // Nordwind and Globex: more than a page late
		co := hyperline.Company{ID: fmt.Sprintf("%s_%d", real.ID, i), Name: fmt.Sprintf("%s %d", real.Name, i)}
		src.real[co.ID] = real.ID
		cos = append(cos, wlCompany{Company: co, src: src})
	}
	list := worklist.Builtins()[1]
	q, _ := list.Query(h.app.c.now, h.app.c.fmt.loc)
	m, cmd := newWorklistRows(h.app.c, list, q, cos)
	m.resize(120, 38)
	for _, msg := range runCmd(cmd) {
		m, _ = m.update(msg)
	}
	loading := func() (n int) {
		for _, s := range m.states {
			if s.loading {
				n++
			}
		}
		return n
	}
	before := d.requests()
	m, cmd = m.update(keyMsg("G"))
	if loading() != worklistMorePages || d.requests() != before {
		t.Fatalf("%d pages on their way after G (%d requests already), want %d, none made yet",
			loading(), d.requests()-before, worklistMorePages)
	}
	var second tea.Cmd
	m, second = m.update(keyMsg("up"))
	m, _ = m.update(keyMsg("G"))
	if loading() != worklistMorePages {
		t.Fatalf("%d pages on their way after more presses, want %d", loading(), worklistMorePages)
	}
	for _, msg := range append(runCmd(cmd), runCmd(second)...) {
		m, _ = m.update(msg)
	}
	if got := d.requests() - before; got != worklistMorePages {
		t.Fatalf("%d requests for three presses, want %d", got, worklistMorePages)
	}
	m, cmd = m.update(keyMsg("G"))
	for ci, s := range m.states {
		if want := ci >= worklistMorePages; s.loading != want {
			t.Fatalf("company %d loading %v, want %v (the fewest rows first)", ci, s.loading, want)
		}
	}
	stale := runCmd(cmd)
	m, _ = m.update(keyMsg("r"))
	held := len(m.rows)
	for _, msg := range stale {
		m, _ = m.update(msg)
	}
	if len(m.rows) != held {
		t.Fatal("a page of the round before the reload was shown")
	}
}
