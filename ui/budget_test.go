package ui

import (
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
)

// screenBudgets are the most requests each screen may send when it
// opens, whatever the company's size, at 120x40; the README's "Request
// budgets" states them. The overview: the analytics, a total and one
// count per status and view (countRequests), one page per month of the
// chart, and up to cheapPages more when they make every month exact. The
// subscriptions tab: a page, and the name of each customer on screen
// (subscriptions carry only the customer's ID). A customer's details: its
// ticket (issue 21), the object, subscriptions, invoices, outstanding and
// late invoices, payment methods, wallets, portal and audit log, all sent
// at once.
func screenBudgets() map[string]int {
	return map[string]int{
		"overview":             1 + countRequests() + 12 + cheapPages,
		"subscriptions tab":    1 + 40,
		"invoices tab":         1,
		"customer search":      1,
		"a customer's details": ticket.Requests(),
	}
}

// TestScreenRequestBudgets opens each screen on a small company and on a
// large one (100,000 customers) and counts the requests it sends: the
// same on both, and within its budget. Before the budgets, the overview
// read every invoice of the last twelve months: 15,293 pages at a million
// customers.
func TestScreenRequestBudgets(t *testing.T) {
	t.Parallel()
	counts := map[string][2]int{}
	for size, customers := range []int{800, 100_000} {
		h, env := simHarness(t, simulator.Config{LargeCustomers: customers, Scale: 1}, 2, 120, 40)
		measure := func(screen string, act func()) {
			t.Helper()
			env.sim.ResetRequests()
			act()
			c := counts[screen]
			c[size] = len(env.sim.Requests())
			counts[screen] = c
		}
		measure("overview", func() { h.key("0") })
		h.key("esc")
		measure("subscriptions tab", func() { h.key("2") })
		measure("invoices tab", func() { h.key("3") })
		h.key("1")
		measure("customer search", func() { h.filterLine("nord") })
		h.key("esc")
		h.key("esc")
		measure("a customer's details", func() { h.key("enter") })
	}
	for screen, budget := range screenBudgets() {
		c := counts[screen]
		t.Logf("%-22s %d requests at 800 customers, %d at 100,000 (budget %d)", screen, c[0], c[1], budget)
		if c[0] > budget || c[1] > budget {
			t.Errorf("%s: %d requests at 800 customers, %d at 100,000; budget %d", screen, c[0], c[1], budget)
		}
	}
	// On the large company no month is cheap: the overview sends its
	// fixed part only.
	if got, want := counts["overview"][1], 1+countRequests()+12; got != want {
		t.Errorf("overview at 100,000 customers: %d requests, want %d", got, want)
	}
}
