package ui

import (
	"context"
	"net/url"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// simHarness is the app on the real backend against a simulator, logged
// in with company i chosen, started, its requests log cleared.
func simHarness(t *testing.T, cfg simulator.Config, i, width, height int) (*harness, *simEnv) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	env := newSimEnv(t, cfg)
	env.loginAndChoose(t, ctx, i)
	be := backend.New(backend.Options{Settings: env.settings, Store: env.store})
	h := newHarnessWithDeps(t, env.deps(ctx, withoutEvents{be}, be), width, height).start()
	env.sim.ResetRequests()
	return h, env
}

// listQueries are the query strings of the GETs of path since the log was
// last cleared.
func listQueries(env *simEnv, path string) []url.Values {
	var out []url.Values
	for _, r := range env.sim.Requests() {
		if r.Method == "GET" && r.Path == path {
			q, _ := url.ParseQuery(r.Query)
			out = append(out, q)
		}
	}
	return out
}

// filterLine types line into the active tab's filter and lets the typing
// pause end.
func (h *harness) filterLine(line string) {
	h.key("/")
	h.send(tea.KeyMsg{Type: tea.KeyCtrlU})
	h.typeText(line)
	h.fire(0)
}

// TestFilterTermsAreTheAPIsParameters types terms into each list against
// the simulator and checks the parameters that went out, the answer on
// screen and the header.
func TestFilterTermsAreTheAPIsParameters(t *testing.T) {
	t.Parallel()
	h, env := simHarness(t, simulator.Config{Scale: 0.2}, 1, 120, 30)

	h.key("3")
	env.sim.ResetRequests()
	h.filterLine("status:late,error issued:2025..2026")
	qs := listQueries(env, "/v2/invoices")
	if len(qs) != 1 {
		t.Fatalf("%d invoice requests for one filter: %v", len(qs), qs)
	}
	q := qs[0]
	if q.Get("status__in") != "late,error" || q.Get("status") != "" || !strings.HasPrefix(q.Get("issued_at__gte"), "2025-01-01T00:00:00") ||
		!strings.HasPrefix(q.Get("issued_at__lt"), "2027-01-01T00:00:00") {
		t.Fatalf("the filter went out as %v", q)
	}
	h.requireView("status:late,error issued:2025..2026 ·", "server filter:")

	// An unknown value says what is allowed and sends nothing.
	env.sim.ResetRequests()
	h.filterLine("status:pa")
	if n := len(env.sim.Requests()); n != 0 {
		t.Fatalf("an unreadable filter sent %d requests", n)
	}
	h.requireView(`unknown value "pa"`, "paid, partly paid (partially_paid)", "nothing sent")

	// A customer by name: one search, then the invoices of its id.
	b := h.browser()
	name := b.invoices().base.items[0].Customer.Name
	id := b.invoices().base.items[0].Customer.ID
	env.sim.ResetRequests()
	h.filterLine(`customer:"` + name + `" due:<today`)
	if cs := listQueries(env, "/v2/customers"); len(cs) != 1 || cs[0].Get("search") != name {
		t.Fatalf("the name was looked up as %v", cs)
	}
	qs = listQueries(env, "/v2/invoices")
	if len(qs) != 1 || qs[0].Get("customer_id") != id || qs[0].Get("due_at__lt") == "" || qs[0].Get("status") != "all" {
		t.Fatalf("the customer's invoices were asked as %v", qs)
	}
	for _, inv := range h.browser().invoices().server.items {
		if inv.Customer.ID != id {
			t.Fatalf("invoice %s is %s's", inv.ID, inv.Customer.ID)
		}
	}

	// Subscriptions: several statuses are status__in.
	h.key("esc")
	h.key("2")
	env.sim.ResetRequests()
	h.filterLine("status:errored,cancelled")
	qs = listQueries(env, "/v2/subscriptions")
	if len(qs) == 0 || qs[len(qs)-1].Get("status__in") != "errored,cancelled" {
		t.Fatalf("subscriptions asked as %v", qs)
	}
	for _, s := range h.browser().subscriptions().server.items {
		if s.Status != "errored" && s.Status != "cancelled" {
			t.Fatalf("subscription %s is %s", s.ID, s.Status)
		}
	}
	// A customer by id needs no search.
	env.sim.ResetRequests()
	h.filterLine("customer:" + id)
	if cs := listQueries(env, "/v2/customers"); len(cs) != 0 {
		t.Fatalf("an id was searched for: %v", cs)
	}
	qs = listQueries(env, "/v2/subscriptions")
	if len(qs) != 1 || qs[0].Get("customer_id") != id || qs[0].Get("status") != "any" {
		t.Fatalf("a customer's subscriptions were asked as %v", qs)
	}
	for _, s := range h.browser().subscriptions().server.items {
		if s.CustomerID != id {
			t.Fatalf("subscription %s is %s's", s.ID, s.CustomerID)
		}
	}

	// Customers: a date window and text the server searches, together.
	h.key("esc")
	h.key("1")
	env.sim.ResetRequests()
	h.filterLine("created:>=2020-01-01 status:archived a")
	qs = listQueries(env, "/v2/customers")
	if len(qs) != 1 || qs[0].Get("status") != "archived" || qs[0].Get("search") != "a" ||
		!strings.HasPrefix(qs[0].Get("created_at__gte"), "2020-01-01T00:00:00") {
		t.Fatalf("customers asked as %v", qs)
	}
	for _, c := range h.browser().customers().server.items {
		if c.Status != "archived" {
			t.Fatalf("customer %s is %s", c.ID, c.Status)
		}
	}
}
