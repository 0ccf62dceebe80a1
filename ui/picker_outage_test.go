package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// outageAtStart is a harness whose account has no company yet and whose
// first company list request fails as in a full outage.
func outageAtStart(t *testing.T, width, height int) *harness {
	h := newHarness(t, width, height)
	h.session.account.CompanyID = ""
	h.session.account.Companies = nil
	h.data.failNext = errors.New("dial tcp 10.0.0.7:443: connect: connection refused")
	return h.start()
}

// TestPickerOutageAtStart: the picker says what failed and offers retry,
// instead of "No company matches"; r retries and the list comes.
func TestPickerOutageAtStart(t *testing.T) {
	t.Parallel()
	h := outageAtStart(t, 80, 24)
	h.requireView("Could not load the companies:", "connect: connection", "r to retry", "r retry")
	h.rejectView("No company matches")
	h.key("r")
	h.requireView("Acme Corp", "Globex")
	h.rejectView("Could not load")
	if h.quit {
		t.Fatal("r quit")
	}
}

// TestPickerQuitKeys: with an empty filter q quits and esc closes the
// picker over a company, and does nothing at start (issue 22 item 2: only
// q and ctrl+c leave hlx); once text is typed, q and r are letters of the
// filter and esc clears it.
func TestPickerQuitKeys(t *testing.T) {
	t.Parallel()
	t.Run("q quits at start", func(t *testing.T) {
		h := outageAtStart(t, 80, 24)
		h.key("q")
		if !h.quit {
			t.Fatal("q did not quit from the picker with an empty filter")
		}
	})
	t.Run("esc stays at start", func(t *testing.T) {
		h := outageAtStart(t, 80, 24)
		h.key("esc")
		if h.quit {
			t.Fatal("esc quit hlx from the picker at start")
		}
		h.requireView("Choose a company", "q quits")
	})
	t.Run("typing filters", func(t *testing.T) {
		h := newHarness(t, 80, 24)
		h.session.account.CompanyID = ""
		h.start()
		h.typeText("gq")
		if h.quit {
			t.Fatal("q typed into a filter quit")
		}
		h.requireView("Filter: gq", "No rows match")
		h.key("backspace")
		h.requireView("Globex")
		h.rejectView("Acme Corp")
		h.key("esc")
		if h.quit {
			t.Fatal("esc with a filter quit instead of clearing it")
		}
		h.requireView("Acme Corp", "Globex")
		h.key("esc")
		if h.quit {
			t.Fatal("esc on the empty filter quit hlx")
		}
		h.key("q")
		if !h.quit {
			t.Fatal("q on the empty filter did not quit")
		}
	})
	t.Run("? is help, not filter text", func(t *testing.T) {
		h := newHarness(t, 80, 24)
		h.session.account.CompanyID = ""
		h.start()
		h.key("?")
		h.rejectView("Filter: ?", "No rows match")
		h.requireView("Keys", "? or esc to close")
		h.key("esc")
		h.rejectView("? or esc to close")
		if h.quit {
			t.Fatal("esc closing the help quit")
		}
		h.requireView("Choose a company", "Acme Corp")
	})
	t.Run("esc closes over a company", func(t *testing.T) {
		h := newHarness(t, 80, 24).start()
		h.key("c")
		h.requireView("Choose a company")
		h.key("esc")
		if h.quit {
			t.Fatal("esc quit instead of closing the picker")
		}
		h.rejectView("Choose a company")
		h.requireView("Customers")
	})
}

// TestGoldenPickerOutage pins the outage picker at 80x24 and 100x30.
func TestGoldenPickerOutage(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{80, 24}, {100, 30}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			h := outageAtStart(t, size[0], size[1])
			h.app.bodyValid = false
			view := h.view()
			if lines := strings.Count(view, "\n") + 1; lines != size[1] {
				t.Errorf("%d lines, want %d", lines, size[1])
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}
