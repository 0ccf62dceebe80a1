package ui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// typeAhead sends keys the way a fast typist does: every key reaches the
// app before any of the requests the first ones started has answered.
// Then the requests run and their results arrive.
func (h *harness) typeAhead(keys ...string) {
	h.t.Helper()
	var cmds []tea.Cmd
	for _, k := range keys {
		_, cmd := h.app.Update(keyMsg(k))
		cmds = append(cmds, cmd)
	}
	h.run(tea.Batch(cmds...))
}

// TestKeysTypedWhileAScreenLoadsApply: `0 ↓ ↓ → ⏎` sent at once does what
// it does typed slowly (the overview's invoice count opens the invoices so
// filtered), instead of leaving the overview on its first count with
// enter doing nothing (issue 22 item 1).
func TestKeysTypedWhileAScreenLoadsApply(t *testing.T) {
	t.Parallel()
	keys := []string{"0", "down", "down", "right", "enter"}
	slow := newHarness(t, 120, 40).start()
	for _, k := range keys {
		slow.key(k)
	}
	fast := newHarness(t, 120, 40).start()
	fast.typeAhead(keys...)

	if _, onBrowser := fast.app.top().(*browserModel); !onBrowser {
		t.Fatalf("the keys typed ahead left %T on top:\n%s", fast.app.top(), fast.view())
	}
	if b := fast.browser(); b.active != tabInvoices || b.invoices().server.key == "" {
		t.Fatalf("enter did not open the invoices filtered:\n%s", fast.view())
	}
	if got, want := fast.view(), slow.view(); got != want {
		t.Fatalf("typed ahead:\n%s\ntyped slowly:\n%s", got, want)
	}
}

// TestKeysTypedAheadAcrossScreens: keys typed while one screen loads and
// then another (a tab switch, then enter on a row of the new tab) each
// wait for their screen.
func TestKeysTypedAheadAcrossScreens(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	h.typeAhead("3", "down", "enter")
	d, ok := h.app.top().(*detailModel)
	if !ok || d.id != "inv_acme00001" {
		t.Fatalf("3 ↓ ⏎ typed ahead opened %T:\n%s", h.app.top(), h.view())
	}
}

// TestKeysTypedAheadGoWithTheScreen: esc leaves a loading screen at once,
// and the keys typed for it are dropped with it, not given to the screen
// below.
func TestKeysTypedAheadGoWithTheScreen(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	h.typeAhead("0", "down", "down", "esc")
	if _, onBrowser := h.app.top().(*browserModel); !onBrowser {
		t.Fatalf("esc did not leave the overview: %T", h.app.top())
	}
	if c := h.browser().customers().base.table.Cursor(); c != 0 {
		t.Fatalf("the overview's keys moved the customers' cursor to %d", c)
	}
	if len(h.app.ahead.keys) != 0 {
		t.Fatalf("%d keys still wait", len(h.app.ahead.keys))
	}
}

// TestTypeAheadIsBounded: past typeAheadMax keys are dropped, and the
// banner says so once the screen is there.
func TestTypeAheadIsBounded(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	keys := []string{"0"}
	for range typeAheadMax + 5 {
		keys = append(keys, "right")
	}
	h.typeAhead(keys...)
	h.requireView("5 keys typed while the screen loaded")
}

// TestKeysTypedAheadInGoTo: `: query ⏎ ↓ ⏎` typed at once picks the second
// candidate of the lookup, not a recent jump nor the query again.
func TestKeysTypedAheadInGoTo(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	var cmds []tea.Cmd
	for _, msg := range []tea.KeyMsg{keyMsg(":"), {Type: tea.KeyRunes, Runes: []rune("billing@cobalt.example")},
		keyMsg("enter"), keyMsg("down"), keyMsg("enter")} {
		_, cmd := h.app.Update(msg)
		cmds = append(cmds, cmd)
	}
	h.run(tea.Batch(cmds...))
	d, ok := h.app.top().(*detailModel)
	if !ok || d.id != "cus_acme00012" {
		t.Fatalf("the keys typed ahead opened %T:\n%s", h.app.top(), h.view())
	}
}

// TestLostScreenChangeDoesNotHoldTheKeyboard: if a screen change never
// lands, the keys held for it are given back on a later clock tick.
func TestLostScreenChangeDoesNotHoldTheKeyboard(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	_ = h.app.c.navigate(openOverviewMsg{}) // its message is lost
	h.key("3")
	if b := h.browser(); b.active == tabInvoices {
		t.Fatal("3 did not wait for the screen change")
	}
	later := testNow.Add(navStuckAfter + time.Second)
	h.app.c.clock = func() time.Time { return later }
	h.fire(time.Second)
	if b := h.browser(); b.active != tabInvoices {
		t.Fatalf("3 was never given back: tab %d", b.active)
	}
}

// TestLeavingKeysDoNotWait: c (companies) while a screen loads opens the
// picker at once and drops the keys typed for the slow screen.
func TestLeavingKeysDoNotWait(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	_, nav := h.app.Update(keyMsg("0"))
	_, load := h.app.Update(nav()) // the overview is on top, loading
	if _, ok := h.app.top().(*overviewModel); !ok {
		t.Fatalf("0 opened %T", h.app.top())
	}
	_, _ = h.app.Update(keyMsg("down"))
	h.send(keyMsg("c"))
	if _, ok := h.app.top().(*pickerModel); !ok {
		t.Fatalf("c waited for the overview: %T on top", h.app.top())
	}
	if len(h.app.ahead.keys) != 0 {
		t.Fatalf("%d keys still wait", len(h.app.ahead.keys))
	}
	h.run(load)
}
