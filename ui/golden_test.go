package ui

import (
	"errors"
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// goldenSizes are the sizes every screen is pinned at: the smallest
// supported terminal and a large one.
var goldenSizes = [][2]int{{80, 24}, {200, 50}}

// TestGolden pins the View of every screen (testdata/TestGolden/*.golden;
// regenerate with go test ./ui -run TestGolden -update).
func TestGolden(t *testing.T) {
	t.Parallel()
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
				h := newHarness(t, size[0], size[1])
				sc.setup(h)
				h.app.bodyValid = false
				golden.RequireEqual(t, []byte(h.view()))
			})
		}
	}
}

// loginErrorForTest is a login error already in plain words.
type loginErrorForTest struct{ text string }

func (e loginErrorForTest) Error() string     { return "access_denied" }
func (e loginErrorForTest) PlainText() string { return e.text }
