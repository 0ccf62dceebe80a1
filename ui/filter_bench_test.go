package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// BenchmarkFilterTermFirstRows measures a filter term on the
// 12,000-customer company against the simulator with 20 ms latency per
// request: from the keystroke that completes "status:uncollectible" on the
// invoices tab (the typing pause fired at once; in use it adds 300 ms) to
// the first frame showing the server's filtered rows. esc between runs
// sends nothing (the full list stays loaded).
func BenchmarkFilterTermFirstRows(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(b, simulator.Config{Latency: 20 * time.Millisecond, ReadLimit: -1})
	company := env.loginAndChoose(b, ctx, 2)
	if company.Customers < 12000 {
		b.Skipf("company 2 has %d customers", company.Customers)
	}
	be := backend.New(backend.Options{Settings: env.settings, Store: env.store})
	h := newHarnessWithDeps(b, env.deps(ctx, withoutEvents{be}, be), 120, 40).start()
	h.key("3")
	line := "status:uncollectible"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		h.key("esc")
		h.key("/")
		h.typeText(line[:len(line)-1])
		h.timers = nil
		b.StartTimer()
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(line[len(line)-1:])})
		h.fire(0)
		frame := h.view()
		b.StopTimer()
		l := h.browser().invoices()
		if !l.serverOn || len(l.server.items) == 0 || !strings.Contains(frame, "uncollectible") {
			b.Fatalf("no filtered rows on screen:\n%s", frame)
		}
		for _, inv := range l.server.items {
			if inv.Status != "uncollectible" {
				b.Fatalf("invoice %s is %s", inv.ID, inv.Status)
			}
		}
		if i == 0 {
			b.ReportMetric(float64(l.server.total), "matches")
		}
		b.StartTimer()
	}
}

// BenchmarkFilterPickerFirstRows is the same question asked with f: the
// picker sends the term at once, with no typing pause.
func BenchmarkFilterPickerFirstRows(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(b, simulator.Config{Latency: 20 * time.Millisecond, ReadLimit: -1})
	env.loginAndChoose(b, ctx, 2)
	be := backend.New(backend.Options{Settings: env.settings, Store: env.store})
	h := newHarnessWithDeps(b, env.deps(ctx, withoutEvents{be}, be), 120, 40).start()
	h.key("3")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		h.key("esc")
		b.StartTimer()
		h.send(filterTermChosenMsg{kind: kindInvoice, term: "status:uncollectible"})
		frame := h.view()
		b.StopTimer()
		if !strings.Contains(frame, "uncollectible") {
			b.Fatalf("no filtered rows on screen:\n%s", frame)
		}
		b.StartTimer()
	}
}
