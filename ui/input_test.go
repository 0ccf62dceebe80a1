package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// runes is what Bubble Tea v1 delivers when several printable keys arrive
// in one read (fast typing, a slow link, tmux send-keys): one message.
func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func TestCoalescedKeysAreHandledOneByOne(t *testing.T) {
	t.Parallel()
	t.Run("tab then filter", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, 80, 24).start()
		h.key("2")
		h.send(runes("1/"))
		b := h.browser()
		if b.active != tabCustomers || !b.filtering() {
			t.Fatalf("after \"1/\": tab %d, filtering %v; want the customers tab with its filter open", b.active, b.filtering())
		}
	})
	t.Run("filter then text", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, 80, 24).start()
		h.send(runes("/mül"))
		l := h.browser().customers()
		if !l.filtering || l.input.Value() != "mül" {
			t.Fatalf("after \"/mül\": filtering %v, filter %q; want the filter open with \"mül\"", l.filtering, l.input.Value())
		}
		if len(h.copiedTexts()) != 0 {
			t.Fatal("a rune after / ran a global key")
		}
	})
	t.Run("moves", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, 80, 24).start()
		h.send(runes("jjj"))
		if c := h.browser().customers().base.table.Cursor(); c != 3 {
			t.Fatalf("cursor after \"jjj\" = %d, want 3", c)
		}
	})
	t.Run("paste stays text", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, 80, 24).start()
		msg := runes("q2")
		msg.Paste = true
		h.send(msg)
		if h.quit || h.browser().active != tabCustomers {
			t.Fatal("a paste outside a text field ran its runes as keys")
		}
	})
}
