package ui

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// TestEveryScreenFitsEverySize resizes each screen through tiny and usual
// sizes: no panic, and every frame is exactly the terminal's size (the
// renderer would scroll a taller frame and lose the status bar's line).
func TestEveryScreenFitsEverySize(t *testing.T) {
	t.Parallel()
	longError := errors.New("Hyperline said: " + strings.Repeat("le client « Société Générale » 株式会社サンプル n'existe pas ", 6))
	screens := []struct {
		name  string
		setup func(h *harness)
	}{
		{"customers", func(h *harness) {}},
		{"filtering", func(h *harness) { h.key("/"); h.typeText("Acmé 日本") }},
		{"filter_kept", func(h *harness) { h.key("/"); h.typeText("Acme"); h.key("enter") }},
		{"subscriptions", func(h *harness) { h.key("2") }},
		{"invoices", func(h *harness) { h.key("3") }},
		{"customer_detail", func(h *harness) { h.key("enter") }},
		{"subscription_detail", func(h *harness) { h.key("2"); h.key("enter") }},
		{"invoice_detail", func(h *harness) { h.key("3"); h.key("enter") }},
		{"token", func(h *harness) { h.key("t") }},
		{"logout_confirm", func(h *harness) { h.key("t"); h.key("L") }},
		{"picker", func(h *harness) { h.key("c") }},
		{"help", func(h *harness) { h.key("?") }},
		{"error_banner", func(h *harness) { h.send(errMsg{what: "load customers", err: longError}) }},
		{"login_idle", func(h *harness) { h.send(loggedOutMsg{err: longError}) }},
		{"login_waiting", func(h *harness) {
			l, _ := newLogin(h.app.c, loginRunning, "").start()
			l, _ = l.update(loginProgressMsg{attempt: l.attempt, progress: LoginProgress{
				Stage: LoginWaiting, URL: h.session.loginURL, Note: longError.Error()}})
			h.app.replace(&l)
		}},
	}
	var sizes [][2]int
	for w := 1; w <= 120; w++ {
		for _, hh := range []int{1, 2, 3, 4, 24} {
			sizes = append(sizes, [2]int{w, hh})
		}
	}
	for hh := 1; hh <= 40; hh++ {
		for _, w := range []int{1, 4, 80} {
			sizes = append(sizes, [2]int{w, hh})
		}
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, 80, 24).start()
			sc.setup(h)
			for _, size := range sizes {
				w, hh := size[0], size[1]
				h.send(tea.WindowSizeMsg{Width: w, Height: hh})
				lines := strings.Split(h.app.View(), "\n")
				if len(lines) != hh {
					t.Fatalf("%dx%d: the frame has %d lines:\n%s", w, hh, len(lines), ansi.Strip(strings.Join(lines, "\n")))
				}
				for i, l := range lines {
					if got := ansi.StringWidth(l); got != w {
						t.Fatalf("%dx%d: line %d is %d cells wide: %q", w, hh, i, got, ansi.Strip(l))
					}
				}
			}
		})
	}
}
