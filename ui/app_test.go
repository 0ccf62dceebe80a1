package ui

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline"
)

func TestSavedSessionOpensOnTheSavedCompany(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	b := h.browser()
	if b.sc.company.ID != "cmp_acme" || b.active != tabCustomers {
		t.Fatalf("opened on %q tab %d, want cmp_acme customers", b.sc.company.ID, b.active)
	}
	if got := h.data.Calls(); !slices.Equal(got, []string{"cmp_acme:customers:@0"}) {
		t.Fatalf("requests at start = %v, want only the first customers page", got)
	}
	h.requireView("[1 Customers]", "100/800", "Acme Tools 0", "ada@example.com", "Acme Corp", "SANDBOX", "token 23h59m30s")
	if got := h.session.chosen; !slices.Equal(got, []string{"cmp_acme"}) {
		t.Fatalf("chosen companies = %v", got)
	}
}

func TestLoginWithoutSessionThenPickerOpensByItself(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24)
	h.session.saved = false
	h.session.account.CompanyID = "" // first login, two companies
	h.start()
	if _, ok := h.app.top().(*pickerModel); !ok {
		t.Fatalf("after a first login with two companies the top screen is %T, want the picker", h.app.top())
	}
	h.requireView("Choose a company", "Acme Corp", "Globex")
	h.typeText("glob")
	h.requireView("Globex", "1 of 2")
	h.rejectView("Acme Corp  ")
	h.key("enter")
	if b := h.browser(); b.sc.company.ID != "cmp_globex" {
		t.Fatalf("opened %q, want cmp_globex", b.sc.company.ID)
	}
	h.requireView("Globex client 0", "30/30")
}

func TestTheLoginNoteStaysVisibleAfterLogin(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 24)
	h.session.saved = false
	h.session.loginNote = "Demo: no browser here, so hlx approves the consent on your behalf."
	h.start()
	h.requireView("[1 Customers]", "approves the consent on your behalf")
}

func TestLoginFailureIsExplainedAndRetried(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24)
	h.session.saved = false
	h.session.loginErr = errors.New("boom")
	h.start()
	h.requireView("Login failed", "boom", "enter to try again")
	h.session.loginErr = nil
	h.key("enter")
	if b := h.browser(); b.sc.company.ID != "cmp_acme" {
		t.Fatalf("after retrying, opened %q", b.sc.company.ID)
	}
}

func TestLoginScreenCopiesTheURL(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24)
	h.session.saved = false
	h.session.loginErr = errors.New("boom")
	h.start()
	// While waiting the URL is shown; drive a running login by hand.
	l, _ := newLogin(h.app.c, loginRunning, "").start()
	l, _ = l.update(loginProgressMsg{attempt: l.attempt, progress: LoginProgress{Stage: LoginWaiting, URL: "https://x.example/authorize?state=1"}})
	h.app.replace(&l)
	h.app.bodyValid = false
	h.requireView("open this address", "https://x.example/authorize?state=1", "y to copy it")
	h.key("y")
	if got := h.copiedTexts(); !slices.Equal(got, []string{"https://x.example/authorize?state=1"}) {
		t.Fatalf("copied %v", got)
	}
}

func TestSwitchingCompanyDropsTheOldCompanysResults(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	old := h.browser()
	stale := loadPage(old.sc.ctx, h.app.c, "cmp_acme", customersSpec(), "", 100, old.customers.base.reqID)

	h.key("c")
	h.requireView("Choose a company", "●")
	h.typeText("Globex")
	h.key("enter")
	now := h.browser()
	if now.sc.company.ID != "cmp_globex" {
		t.Fatalf("switched to %q", now.sc.company.ID)
	}
	if old.sc.ctx.Err() == nil {
		t.Fatal("the old company's requests were not cancelled")
	}
	// A result for the old company, even one with the id the new list
	// waits for, is never shown.
	h.send(pageLoadedMsg[hyperline.Customer]{resultTag: resultTag{reqID: now.customers.base.reqID, company: "cmp_acme"},
		page: &hyperline.Page[hyperline.Customer]{Items: h.data.customers["cmp_acme"][:3]}})
	h.run(stale)
	h.rejectView("Acme Tools")
	h.requireView("Globex client 0", "30/30", "Globex")
}

func TestPagesLoadAsTheCursorNearsTheEnd(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.requireView("100/800")
	h.key("G")
	h.requireView("200/800")
	if got := h.data.Calls(); !slices.Contains(got, "cmp_acme:customers:@100") {
		t.Fatalf("requests = %v, want the second page", got)
	}
	for range 10 {
		h.key("G")
	}
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
	h.requireView("Helios Energy 707", "names contain")
	h.key("enter") // keep the filter, leave the line
	if h.app.top().capturing() {
		t.Fatal("enter did not leave the filter line")
	}
	h.key("esc")
	h.requireView("Helios Energy 7", "Iris Health 8", "100/800") // the selection stays on its row
	h.rejectView("/helios")
	if n := h.browser().customers.table.VisibleLen(); n != 100 {
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
	l := h.browser().customers
	first := l.server.reqID
	old := loadPage(l.server.ctx, h.app.c, "cmp_acme", customersSpec(), "cobalt", 0, first)
	h.typeText(" labs 12")
	h.fire(0)
	if l.server.ctx.Err() == nil {
		t.Fatal("the older filter's requests were not cancelled")
	}
	h.run(old) // arrives late: dropped
	h.requireView("Cobalt Labs 12", "names contain “cobalt labs 12”")
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
	h.requireView("[1 Customers]")
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
	if !slices.ContainsFunc(h.data.Calls(), func(c string) bool { return strings.Contains(c, "customers:cus_acme00000,") }) {
		t.Fatalf("no customer name lookup: %v", h.data.Calls())
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

func TestTokenPanelRefreshesAndLogsOut(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("t")
	h.requireView("Access token", "23h59m30s", "Refresh token", "held", "ada@example.com", "Acme Corp (cmp_acme)")
	h.key("r")
	if h.session.refreshes != 1 {
		t.Fatalf("refreshes = %d", h.session.refreshes)
	}
	h.requireView("Access token refreshed", "24h00m00s")
	h.key("L")
	h.requireView("Log out of ada@example.com?")
	h.key("q") // the confirmation captures keys: q does not quit
	if h.quit {
		t.Fatal("q quit during the confirmation")
	}
	h.key("y")
	if h.session.logouts != 1 {
		t.Fatalf("logouts = %d", h.session.logouts)
	}
	h.requireView("Logged out", "enter to log in", "not logged in")
}

func TestLogoutWarnsWhenRevocationFails(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.session.logoutErr = errors.New("connection refused")
	h.key("t")
	h.key("L")
	h.key("y")
	h.requireView("Logged out locally", "may still be valid")
}

func TestLoginRequiredMidSessionComesBackToTheSameCompany(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("c")
	h.typeText("glob")
	h.key("enter")
	h.session.account.CompanyID = "cmp_acme" // what a stale store would say
	h.send(sessionEventMsg{Kind: LoginRequiredEvent, Err: ErrLoginRequired})
	h.requireView("session has ended", "enter to log in")
	h.key("enter")
	if b := h.browser(); b.sc.company.ID != "cmp_globex" {
		t.Fatalf("after logging in again, opened %q, want cmp_globex", b.sc.company.ID)
	}
}

func TestDataErrorRequiringLoginGoesToLogin(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.data.failNext = ErrLoginRequired
	h.key("r")
	if _, ok := h.app.top().(*loginModel); !ok {
		t.Fatalf("top = %T, want the login screen", h.app.top())
	}
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

func TestQuitKeys(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("/")
	h.key("q")
	if h.quit {
		t.Fatal("q quit while typing a filter")
	}
	h.key("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c did not quit while typing a filter")
	}
	h2 := newHarness(t, 80, 24).start()
	h2.key("q")
	if !h2.quit {
		t.Fatal("q did not quit")
	}
}

func TestCtrlCQuitsWhileARequestIsInFlight(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	_, cmd := h.app.Update(keyMsg("3")) // the invoices request is returned, not run
	if cmd == nil {
		t.Fatal("no request for the invoices tab")
	}
	_, quit := h.app.Update(keyMsg("ctrl+c"))
	if quit == nil {
		t.Fatal("ctrl+c returned no command")
	}
	if _, ok := quit().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c does not quit while a request is in flight")
	}
}

func TestClockTickRedrawsOnlyTheStatusBar(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	before := h.app.View()
	body := h.app.body
	clock := testNow.Add(time.Second)
	h.app.c.clock = func() time.Time { return clock }
	h.fire(time.Second)
	if !h.app.bodyValid || h.app.body != body {
		t.Fatal("a clock tick invalidated the table's render")
	}
	after := h.app.View()
	if before == after || !strings.Contains(ansi.Strip(after), "token 23h59m29s") {
		t.Fatalf("the countdown did not move:\n%s", ansi.Strip(after))
	}
	if len(h.timers) != 1 {
		t.Fatalf("%d timers pending after a tick, want the next tick only", len(h.timers))
	}
}

func TestCountdownWarnsAndRefreshesAutomatically(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.session.token.ExpiresAt = testNow.Add(4 * time.Minute)
	h.session.token.IssuedAt = h.session.token.ExpiresAt.Add(-24 * time.Hour)
	h.fire(time.Second)
	h.requireView("token ! 4m00s")
	if h.session.refreshes != 0 {
		t.Fatal("refreshed too early")
	}
	h.session.token.ExpiresAt = testNow.Add(59 * time.Second)
	_, cmd := h.app.Update(tickMsg(testNow))
	h.requireView("token refreshing…")
	h.run(cmd)
	if h.session.refreshes != 1 {
		t.Fatalf("refreshes = %d, want an automatic one", h.session.refreshes)
	}
	h.requireView("token 24h00m00s")
}

func TestHelpShowsTheKeysOfTheScreen(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 30).start()
	h.key("?")
	h.requireView("Keys", "customers", "subscriptions", "invoices", "filter", "reload", "companies", "token", "quit")
	h.key("?")
	h.rejectView("(? or esc to close)")
}

func TestResizeReflowsEveryScreen(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	check := func(w, hh int) {
		t.Helper()
		lines := strings.Split(h.app.View(), "\n")
		if len(lines) != hh {
			t.Fatalf("%dx%d: %d lines", w, hh, len(lines))
		}
		for i, l := range lines {
			if got := ansi.StringWidth(l); got != w {
				t.Fatalf("%dx%d: line %d is %d wide: %q", w, hh, i, got, ansi.Strip(l))
			}
		}
	}
	for _, step := range []func(){
		func() {}, func() { h.key("enter") }, func() { h.key("t") }, func() { h.key("c") },
	} {
		step()
		for _, size := range [][2]int{{80, 24}, {200, 50}, {60, 15}, {80, 24}} {
			h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			check(size[0], size[1])
		}
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.send(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if c := h.browser().customers.table.Cursor(); c != 3 {
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
