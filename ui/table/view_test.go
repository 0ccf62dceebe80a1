package table

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// checkFrame fails unless view has exactly height lines of width cells.
func checkFrame(t *testing.T, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Fatalf("view has %d lines, want %d:\n%s", len(lines), height, view)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != width {
			t.Errorf("line %d is %d cells wide, want %d: %q", i, w, width, l)
		}
	}
}

func TestViewGolden(t *testing.T) {
	t.Parallel()
	for _, size := range []struct {
		name          string
		width, height int
	}{
		{"80x24", 80, 24},
		{"200x50", 200, 50},
	} {
		t.Run(size.name, func(t *testing.T) {
			t.Parallel()
			m := newCustomers(300, size.width, size.height)
			m.MoveDown(size.height + 3) // scrolled: the viewport followed the cursor
			view := m.View()
			checkFrame(t, view, size.width, size.height)
			golden.RequireEqual(t, []byte(view))
		})
	}
}
