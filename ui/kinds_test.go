package ui

import "testing"

// TestKindTableComplete: every kind has its row, and every kind a tab lists
// opens somewhere (its own screen, the detail, or what the tab's enter does).
func TestKindTableComplete(t *testing.T) {
	t.Parallel()
	b := newHarness(t, 80, 24).start().browser()
	for k := range kindCount {
		spec := k.spec()
		if spec.noun == "" {
			t.Errorf("kind %d has no noun", k)
		}
		if tab := b.tabOf(k); tab < 0 && spec.get == nil && spec.open == nil {
			t.Errorf("kind %s is neither listed nor opened", k)
		}
	}
	for i, tab := range b.tabs {
		if got := b.tabOf(tab.listKind()); got != i {
			t.Errorf("tab %d lists %s, which tabOf finds at %d", i, tab.listKind(), got)
		}
	}
}
