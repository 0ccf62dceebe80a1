package ui

import (
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestOverviewCountOpensItsList moves onto "late" (a view across the
// invoices' statuses, on a line of its own) in the overview and
// presses enter: the invoices tab opens with status:late in its filter
// line, in the same company, after exactly one request (the filtered
// page; the full list of a tab not shown yet is not loaded), and esc
// then loads the full list.
func TestOverviewCountOpensItsList(t *testing.T) {
	t.Parallel()
	h, env := simHarness(t, simulator.Config{Scale: 0.2}, 1, 100, 30)
	company := h.app.scope.company.ID
	h.key("0")
	h.requireView("[active ")
	h.key("down")
	h.key("down") // invoices by status
	h.key("down") // the invoices' views across statuses
	h.key("right")
	h.key("left")
	h.requireView("[late ")
	env.sim.ResetRequests()
	h.key("enter")
	reqs := env.sim.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/v2/invoices" || reqs[0].CompanyHeader != company {
		t.Fatalf("the jump made %d requests: %+v", len(reqs), reqs)
	}
	qs := listQueries(env, "/v2/invoices")
	if qs[0].Get("status") != "late" || qs[0].Get("include_total") != "true" {
		t.Fatalf("the jump asked %v", qs[0])
	}
	b := h.browser()
	if _, top := h.app.top().(*browserModel); !top || b.active != tabInvoices || b.invoices().input.Value() != "status:late" {
		t.Fatalf("after the jump: top %T, tab %d, filter %q", h.app.top(), b.active, b.invoices().input.Value())
	}
	h.requireView("status:late ·", "server filter:")
	t.Logf("overview → late invoices: %d request(s)", len(reqs))

	env.sim.ResetRequests()
	h.key("esc")
	if qs := listQueries(env, "/v2/invoices"); len(qs) != 1 || qs[0].Get("status") != "all" {
		t.Fatalf("clearing the filter asked %v", qs)
	}
}
