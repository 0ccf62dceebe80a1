package ui

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/hyperline-tui/hlx/config/recent"
	"github.com/hyperline-tui/hlx/hyperline/debuglog"
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
		"goto_recent": {withRecent(recent.Open(t.TempDir()))},
		"requests":    {withDebugLog(testDebugLog())},
	}
	screens := []struct {
		name  string
		setup func(h *harness)
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
		}},
		{"login_exchanging", func(h *harness) {
			h.start()
			l, _ := newLogin(h.app.c, loginRunning, "").start()
			l, _ = l.update(loginProgressMsg{attempt: l.attempt, progress: LoginProgress{Stage: LoginExchanging}})
			h.app.replace(&l)
		}},
		{"login_failed", func(h *harness) {
			h.session.saved = false
			h.session.loginErr = loginErrorForTest{"Access was denied on the Hyperline consent page, so hlx has no access. Log in again and approve the access."}
			h.start()
		}},
		{"login_idle", func(h *harness) {
			h.start()
			h.key("t")
			h.key("L")
			h.key("y")
		}},
		{"picker", func(h *harness) {
			h.start()
			h.key("c")
		}},
		{"customers", func(h *harness) { h.start() }},
		{"customers_filtered", func(h *harness) {
			h.start()
			h.key("/")
			h.typeText("helios")
			h.fire(0)
		}},
		{"subscriptions", func(h *harness) {
			h.start()
			h.key("2")
		}},
		{"invoices", func(h *harness) {
			h.start()
			h.key("3")
			h.key("down")
		}},
		{"customer_detail", func(h *harness) {
			h.start()
			h.key("enter")
		}},
		{"subscription_detail", func(h *harness) {
			h.start()
			h.key("2")
			h.key("enter")
		}},
		{"invoice_detail", func(h *harness) {
			h.start()
			h.key("3")
			h.key("down") // INV-1001: a refused payment, its retry and a credit note
			h.key("enter")
		}},
		{"token", func(h *harness) {
			h.start()
			h.key("t")
		}},
		{"overview", func(h *harness) {
			h.start()
			h.key("0")
		}},
		{"goto_recent", func(h *harness) {
			h.start()
			h.key(":")
			h.typeText("INV-1005")
			h.key("enter")
			h.key("esc")
			h.key(":")
		}},
		{"goto_candidates", func(h *harness) {
			h.start()
			h.key(":")
			h.typeText("billing@cobalt.example")
			h.key("enter")
		}},
		{"goto_not_found", func(h *harness) {
			h.start()
			h.key(":")
			h.typeText("nothing-like-this")
			h.key("enter")
		}},
		{"requests", func(h *harness) {
			h.start()
			h.key("!")
		}},
		{"export_running", func(h *harness) {
			h.start()
			h.app.job = &runningJob{what: "export customers", progress: jobProgress{done: 300, total: 800, unit: "customers"}}
		}},
		{"token_logout_confirm", func(h *harness) {
			h.start()
			h.key("t")
			h.key("L")
		}},
		{"help", func(h *harness) {
			h.start()
			h.key("?")
		}},
		{"error_banner", func(h *harness) {
			h.start()
			h.data.failNext = errors.New("dial tcp 127.0.0.1:443: connection refused")
			h.key("2")
		}},
	}
	for _, sc := range screens {
		for _, size := range goldenSizes {
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
