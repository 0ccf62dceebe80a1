package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
)

func TestPagesLoadAsTheCursorNearsTheEnd(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.requireView("100/800")
	for range 4 {
		h.key("pgdown")
	}
	h.requireView("200/800")
	if got := h.data.Calls(); !slices.Equal(got, []string{"cmp_acme:customers:@0", "cmp_acme:customers:@100"}) {
		t.Fatalf("requests = %v, want the second page only", got)
	}
	h.key("G") // to the end of the list, one page after the other
	h.requireView("800/800", "Juniper Foods 799")
	if n := len(h.data.Calls()); n != 8 {
		t.Fatalf("%d requests for 800 customers, want 8", n)
	}
}

func TestFilterIsLocalAtOnceThenServerSideOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("/")
	if !h.app.top().capturing() {
		t.Fatal("the filter line does not capture typing")
	}
	h.typeText("helios energy 7") // y, c, t, q would be global keys if not captured
	h.requireView("Helios Energy 7", "Helios Energy 77", "/helios energy 7")
	h.rejectView("Acme Tools 0")
	before := len(h.data.Calls())
	h.fire(300 * time.Millisecond) // every debounce fires; only the last counts
	calls := h.data.Calls()[before:]
	if !slices.Equal(calls, []string{"cmp_acme:customers:helios energy 7@0"}) {
		t.Fatalf("server requests after typing = %v, want one for the final query", calls)
	}
	// The server finds matches that were not loaded yet.
	h.requireView("Helios Energy 707", "server search")
	h.key("enter") // keep the filter, leave the line
	if h.app.top().capturing() {
		t.Fatal("enter did not leave the filter line")
	}
	h.key("esc")
	h.requireView("Helios Energy 7", "Iris Health 8", "100/800") // the selection stays on its row
	h.rejectView("/helios")
	if n := h.browser().customers().base.table.VisibleLen(); n != 100 {
		t.Fatalf("%d rows shown after esc, want the 100 loaded", n)
	}
	if len(h.copiedTexts()) != 0 {
		t.Fatal("typing y in the filter copied")
	}
}

func TestStaleFilterResultsAreDropped(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("/")
	h.typeText("cobalt")
	h.fire(0)
	l := h.browser().customers()
	first := l.server.reqID
	old := loadPage(l.server.ctx, h.app.c, "cmp_acme", customersSpec(), pageRequest{query: "cobalt"}, first)
	h.typeText(" labs 12")
	h.fire(0)
	if l.server.ctx.Err() == nil {
		t.Fatal("the older filter's requests were not cancelled")
	}
	h.run(old) // arrives late: dropped
	h.requireView("Cobalt Labs 12", "match “cobalt labs 12”")
	h.rejectView("Cobalt Labs 2 ")
}

func TestTabsSwitchWithNumbersAndTab(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 30).start()
	h.key("2")
	h.requireView("[2 Subscriptions]", "Plan 0", "100/400")
	h.key("tab")
	h.requireView("[3 Invoices]", "INV-1000", "2,400.00 EUR")
	h.key("tab")
	h.requireView("[4 Transactions]")
	h.key("tab")
	h.requireView("[1 Customers]")
	h.key("shift+tab")
	h.requireView("[4 Transactions]")
	h.key("shift+tab")
	h.requireView("[3 Invoices]")
	calls := strings.Join(h.data.Calls(), " ")
	if strings.Count(calls, "invoices:@0") != 1 || strings.Count(calls, "subscriptions:@0") != 1 {
		t.Fatalf("tabs reloaded on every visit: %s", calls)
	}
}

func TestSubscriptionsShowCustomerNames(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 30).start()
	h.key("2")
	h.requireView("Acme Tools 0", "Plan 0")
	// One GET per customer (the API has no lookup of several by id), each
	// once, and none for a name already known.
	lookups := 0
	for _, c := range h.data.Calls() {
		if strings.HasPrefix(c, "cmp_acme:customer:") {
			lookups++
		}
	}
	if lookups != 100 {
		t.Fatalf("%d customer lookups, want 100 (one per customer of the page): %v", lookups, h.data.Calls())
	}
	h.key("r")
	h.requireView("Acme Tools 0", "Plan 0")
	again := 0
	for _, c := range h.data.Calls() {
		if strings.HasPrefix(c, "cmp_acme:customer:") {
			again++
		}
	}
	if again != lookups {
		t.Fatalf("after a reload %d lookups, want none more than %d", again, lookups)
	}
}

func TestDetailDrillDownAndBack(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 30).start()
	h.key("enter")
	d, ok := h.app.top().(*detailModel)
	if !ok || d.id != "cus_acme00000" {
		t.Fatalf("top = %T %+v, want the customer's detail", h.app.top(), d.id)
	}
	h.key("J") // past the account's sections to the raw JSON
	h.requireView("Customer · Acme Tools 0", "Subscriptions and invoices", "Plan 0", "INV-1000", `"billing_email": "billing@acme.example"`)
	h.key("down") // related list: subscription, then invoice
	h.key("enter")
	inv, ok := h.app.top().(*detailModel)
	if !ok || inv.kind != kindInvoice || inv.id != "inv_acme00000" {
		t.Fatalf("drill-down opened %T %v %q", h.app.top(), inv.kind, inv.id)
	}
	h.requireView("Invoice · INV-1000", "2,400.00 EUR", `"number": "INV-1000"`)
	h.key("esc")
	h.requireView("Customer · Acme Tools 0")
	h.key("esc")
	h.requireView("[1 Customers]")
}

func TestDetailJSONScrolls(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("3")
	h.key("enter")
	h.requireView(`"id": "inv_acme00000"`)
	h.key("G")
	h.requireView("100%")
	h.rejectView(`"id": "inv_acme00000"`)
}

func TestCopyAndOpenTheSelectedObject(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24, withEnv(EnvironmentFor(hyperline.ProductionURL, false))).start()
	h.key("y")
	if got := h.copiedTexts(); !slices.Equal(got, []string{"cus_acme00000"}) {
		t.Fatalf("copied %v", got)
	}
	h.requireView("Copied cus_acme00000", "PRODUCTION")
	h.key("o")
	if got := h.openedURLs(); !slices.Equal(got, []string{"https://app.hyperline.co/app/customers/cus_acme00000"}) {
		t.Fatalf("opened %v", got)
	}
	h.key("2")
	h.key("o") // no documented dashboard path for subscriptions
	if got := h.openedURLs(); len(got) != 1 {
		t.Fatalf("opened %v for a subscription", got)
	}
}

func TestOpenIsDisabledWithoutADashboard(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start() // sandbox: dashboard host not documented
	h.key("o")
	if got := h.openedURLs(); len(got) != 0 {
		t.Fatalf("opened %v in the sandbox", got)
	}
	h.key("?")
	h.requireView("copy id")
	h.rejectView("open in dashboard")
}

func TestErrorsShowInABannerThatDoesNotBlock(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.data.failNext = &hyperline.APIError{StatusCode: 503, Message: "Service Unavailable", Method: "GET", Path: "/v1/invoices"}
	h.key("3")
	h.requireView("Could not load invoices", "Service Unavailable (HTTP 503)", "r to try again")
	h.key("1") // the app still answers
	h.requireView("[1 Customers]", "Acme Tools 0")
	h.key("3")
	h.key("r")
	h.requireView("INV-1000")
}

func TestMouseWheelScrolls(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.send(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if c := h.browser().customers().base.table.Cursor(); c != 3 {
		t.Fatalf("cursor after a wheel notch = %d, want 3", c)
	}
}

func TestSelectedRowIsMarkedWithoutColour(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("down")
	for _, l := range strings.Split(h.view(), "\n") {
		if strings.Contains(l, "cus_acme00001") && !strings.HasPrefix(l, "▶ ") {
			t.Fatalf("the selected row has no marker: %q", l)
		}
	}
}

func TestLocalFilterLoadsOnlyABudgetOfPagesByItself(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24, withCustomers(3000)).start()
	h.key("3")
	h.key("/")
	h.typeText("no such invoice")
	pages := func() int { return strings.Count(strings.Join(h.data.Calls(), " "), "invoices:@") }
	if got := pages(); got != 1+autoPageBudget {
		t.Fatalf("%d invoice pages after a filter matching nothing, want the first and %d more", got, autoPageBudget)
	}
	h.requireView("scroll to load more", "0 match · 1,100/3,001")
	h.key("enter")
	h.key("down") // a user move: another budget
	if got := pages(); got != 2+2*autoPageBudget {
		t.Fatalf("%d invoice pages after a move, want %d", got, 2+2*autoPageBudget)
	}
}

func TestClearingAServerFilterKeepsTheLoadedRowsTable(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("/")
	h.typeText("helios energy 7")
	h.fire(0)
	l := h.browser().customers()
	if !l.serverOn || l.shownTable().Len() != 12 {
		t.Fatalf("serverOn %v with %d rows, want the server's 12 matches", l.serverOn, l.shownTable().Len())
	}
	// The loaded rows keep their own table while the server's answer shows,
	// so esc swaps back instead of rebuilding 100,000 rows' filter index.
	if n := l.base.table.Len(); n != 100 {
		t.Fatalf("the loaded rows' table holds %d rows while the server's answer shows, want the 100 loaded", n)
	}
	h.key("down") // Helios Energy 77, which is loaded
	h.key("esc")
	l = h.browser().customers()
	if l.serverOn {
		t.Fatal("esc left the server's answer on screen")
	}
	if row, _ := l.base.table.SelectedRow(); row.ID != "cus_acme00077" || l.base.table.VisibleLen() != l.base.table.Len() {
		t.Fatalf("after esc: %q selected among %d of %d rows, want cus_acme00077 and no filter",
			row.ID, l.base.table.VisibleLen(), l.base.table.Len())
	}
}

func TestBottomKeepsLoadingWhileTheCursorStaysOnTheLastRow(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24, withCustomers(3000)).start()
	_, cmd := h.app.Update(keyMsg("G"))
	h.requireView("loading… 100/3,000") // the next page is on its way
	h.run(cmd)                          // each page asks for the next, one at a time
	h.requireView("3,000/3,000")
	h.rejectView("loading…")
	l := h.browser().customers()
	if c := l.base.table.Cursor(); c != 2999 {
		t.Fatalf("cursor = %d after G, want the last of 3,000 rows", c)
	}
	if n := len(h.data.Calls()); n != 30 {
		t.Fatalf("%d requests for 3,000 customers, want 30", n)
	}

	// Moving off the last row or leaving the tab stops it: the page in
	// flight still arrives, the next is not asked for.
	for _, k := range []string{"up", "2"} {
		h = newHarness(t, 80, 24, withCustomers(3000)).start()
		_, cmd = h.app.Update(keyMsg("G"))
		h.key(k)
		h.run(cmd)
		if n := strings.Count(strings.Join(h.data.Calls(), " "), "customers:@"); n != 2 {
			t.Fatalf("%d customer pages after G then %s, want 2", n, k)
		}
	}
}

// TestInvoiceSearchAsksTheServerForNumbers: on invoices, a query with a
// digit is an invoice number the server searches for; a name only filters
// the loaded rows, and the line says which.
func TestInvoiceSearchAsksTheServerForNumbers(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 30).start()
	h.key("3")
	h.key("/")
	h.typeText("INV-17")
	h.fire(0)
	h.requireView("INV-1700", "server search: 100 numbers contain “INV-17”")
	if !slices.Contains(h.data.Calls(), "cmp_acme:invoices:INV-17@0") {
		t.Fatalf("no server search: %v", h.data.Calls())
	}
	h.key("esc")
	h.key("/")
	h.typeText("cobalt")
	h.fire(0)
	h.requireView("filtering the loaded rows", "Cobalt Labs 2")
	for _, c := range h.data.Calls() {
		if strings.Contains(c, "cobalt") {
			t.Fatalf("a name was sent to the invoice search: %s", c)
		}
	}
}
