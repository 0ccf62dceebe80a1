package ui

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/hyperline-tui/hlx/config/recent"
	"github.com/hyperline-tui/hlx/hyperline/debuglog"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// goldenSizes are the sizes every screen is pinned at: the smallest
// supported terminal and a large one.
var goldenSizes = [][2]int{{80, 24}, {200, 50}}

// TestGolden pins the View of every screen (testdata/TestGolden/*.golden;
// regenerate with go test ./ui -run TestGolden -update).
func TestGolden(t *testing.T) {
	t.Parallel()
	// Screens that need more than the default dependencies.
	opts := map[string][]harnessOption{
		"goto_recent": {withRecent(backend.Recent(recent.Open(t.TempDir())))},
		"requests":    {withDebugLog(testDebugLog())},
		"accounts":    {withAccounts()},
	}
	// The screens of issue 14 are pinned at 80x24 and 100x30.
	newSizes := [][2]int{{80, 24}, {100, 30}}
	screens := []struct {
		name  string
		setup func(h *harness)
		sizes [][2]int // nil: goldenSizes
	}{
		{"login_waiting", func(h *harness) {
			h.session.saved = false
			h.session.loginErr = errors.New("unused")
			h.start()
			l, _ := newLogin(h.app.c, loginRunning, "").start()
			l, _ = l.update(loginProgressMsg{attempt: l.attempt, progress: LoginProgress{
				Stage: LoginWaiting, URL: h.session.loginURL,
				Note: "No browser was opened (running over SSH): open the address below in a browser."}})
			h.app.replace(&l)
		}, nil},
		{"login_exchanging", func(h *harness) {
			h.start()
			l, _ := newLogin(h.app.c, loginRunning, "").start()
			l, _ = l.update(loginProgressMsg{attempt: l.attempt, progress: LoginProgress{Stage: LoginExchanging}})
			h.app.replace(&l)
		}, nil},
		{"login_failed", func(h *harness) {
			h.session.saved = false
			h.session.loginErr = loginErrorForTest{"Access was denied on the Hyperline consent page, so hlx has no access. Log in again and approve the access."}
			h.start()
		}, nil},
		{"login_idle", func(h *harness) {
			h.start()
			h.key("t")
			h.key("L")
			h.key("y")
		}, nil},
		{"picker", func(h *harness) {
			h.start()
			h.key("c")
		}, nil},
		{"customers", func(h *harness) { h.start() }, nil},
		{"customers_filtered", func(h *harness) {
			h.start()
			h.key("/")
			h.typeText("helios")
			h.fire(0)
		}, nil},
		{"subscriptions", func(h *harness) {
			h.start()
			h.key("2")
		}, nil},
		{"invoices", func(h *harness) {
			h.start()
			h.key("3")
			h.key("down")
		}, nil},
		{"customer_detail", func(h *harness) {
			h.start()
			h.key("enter")
		}, nil},
		// The customer screen that answers a ticket (issue 21): a customer
		// whose card payment was refused, at 80x24 (sections stacked) and
		// 120x40 (side by side).
		{"customer_ticket", func(h *harness) {
			h.start()
			h.key("down") // Bluebird Analytics 1: a refused payment, a card
			h.key("enter")
			h.key("tab") // the sections
		}, [][2]int{{80, 24}, {120, 40}}},
		// enter on a refused payment of INV-1001 opens it: why, the next
		// step and the processor's message, wrapped, never cut.
		{"payment_detail", func(h *harness) {
			h.start()
			h.key("3")
			h.key("down")
			h.key("enter")
			h.key("tab")  // the payments
			h.key("down") // the refused one
			h.key("enter")
		}, [][2]int{{80, 24}}},
		{"customer_summary", func(h *harness) {
			h.start()
			h.key("down")
			h.key("enter")
			h.key("S")
		}, [][2]int{{80, 24}, {120, 40}}},
		{"subscription_detail", func(h *harness) {
			h.start()
			h.key("2")
			h.key("enter")
		}, nil},
		{"invoice_detail", func(h *harness) {
			h.start()
			h.key("3")
			h.key("down") // INV-1001: a refused payment, its retry and a credit note
			h.key("enter")
		}, nil},
		{"token", func(h *harness) {
			h.start()
			h.key("t")
		}, nil},
		{"overview", func(h *harness) {
			h.start()
			h.key("0")
		}, nil},
		{"goto_recent", func(h *harness) {
			h.start()
			h.key(":")
			h.typeText("INV-1005")
			h.key("enter")
			h.key("esc")
			h.key(":")
		}, nil},
		{"goto_candidates", func(h *harness) {
			h.start()
			h.key(":")
			h.typeText("billing@cobalt.example")
			h.key("enter")
		}, nil},
		{"goto_not_found", func(h *harness) {
			h.start()
			h.key(":")
			h.typeText("nothing-like-this")
			h.key("enter")
		}, nil},
		{"requests", func(h *harness) {
			h.start()
			h.key("!")
		}, nil},
		{"export_running", func(h *harness) {
			h.start()
			h.app.job = &runningJob{what: "export customers", progress: jobProgress{done: 300, total: 800, unit: "customers"}}
		}, nil},
		{"token_logout_confirm", func(h *harness) {
			h.start()
			h.key("t")
			h.key("L")
		}, nil},
		{"help", func(h *harness) {
			h.start()
			h.key("?")
		}, nil},
		{"filter_terms", func(h *harness) {
			h.start()
			h.key("3")
			h.filterLine("status:late,error acme")
			h.key("enter")
		}, newSizes},
		{"filter_error", func(h *harness) {
			h.start()
			h.key("3")
			h.filterLine("status:pa")
		}, newSizes},
		{"filter_picker", func(h *harness) {
			h.start()
			h.key("3")
			h.key("f")
		}, newSizes},
		{"filter_picker_values", func(h *harness) {
			h.start()
			h.key("2")
			h.key("f")
			h.key("enter")
			h.key(" ")
		}, newSizes},
		{"transactions", func(h *harness) {
			h.start()
			h.key("4")
			h.key("down")
		}, newSizes},
		{"overview_count_selected", func(h *harness) {
			h.start()
			h.key("0")
			h.key("down")
			h.key("down")
			h.key("right")
		}, newSizes},
		{"accounts", func(h *harness) {
			h.start()
			h.key("a")
		}, newSizes},
		{"help_browser", func(h *harness) {
			h.start()
			h.key("4")
			h.key("?")
		}, newSizes},
		{"error_banner", func(h *harness) {
			h.start()
			h.data.failNext = errors.New("dial tcp 127.0.0.1:443: connection refused")
			h.key("2")
		}, nil},
	}
	for _, sc := range screens {
		sizes := sc.sizes
		if sizes == nil {
			sizes = goldenSizes
		}
		for _, size := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				t.Parallel()
				h := newHarness(t, size[0], size[1], opts[sc.name]...)
				sc.setup(h)
				h.app.bodyValid = false
				golden.RequireEqual(t, []byte(h.view()))
			})
		}
	}
}

// withDebugLog turns the debug log on.
func withDebugLog(l *DebugLog) harnessOption {
	return func(d *Deps, _ *harness) { d.Debug = l }
}

// testDebugLog is a debug log with a few exchanges: pages, a retry after a
// 429 and a 404.
func testDebugLog() *DebugLog {
	recent := debuglog.NewRecent(10)
	at := testNow.Add(-time.Minute)
	for i, r := range []debuglog.Record{
		{Method: "GET", Path: "/v2/customers", Query: "limit=100&include_total=true", Status: 200, Duration: 84 * time.Millisecond,
			RateLimit: map[string]string{"X-RateLimit-Remaining": "199"}},
		{Method: "GET", Path: "/v2/invoices", Query: "limit=100&status=all", Status: 429, Attempt: 1, Duration: 12 * time.Millisecond,
			RateLimit: map[string]string{"X-RateLimit-Remaining": "0", "Retry-After": "1"}, Message: "Too many requests"},
		{Method: "GET", Path: "/v2/invoices", Query: "limit=100&status=all", Status: 200, Attempt: 2, Duration: 95 * time.Millisecond,
			RateLimit: map[string]string{"X-RateLimit-Remaining": "198"}},
		{Method: "GET", Path: "/v2/customers/cus_gone", Status: 404, Duration: 40 * time.Millisecond, Message: "Customer not found"},
		{Method: "POST", Path: "/oauth/tokens", Form: "grant_type=refresh_token refresh_token=[redacted]", Status: 200, Duration: 120 * time.Millisecond},
	} {
		r.Time = at.Add(time.Duration(i) * time.Second)
		recent.Add(r)
	}
	return &DebugLog{Path: "/home/ada/.local/state/hlx/hlx-debug-20250310T115900.log", Recent: recent}
}

// loginErrorForTest is a login error already in plain words.
type loginErrorForTest struct{ text string }

func (e loginErrorForTest) Error() string     { return "access_denied" }
func (e loginErrorForTest) PlainText() string { return e.text }
