package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

const demoNote = "Demo: no browser here (no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)), " +
	"so hlx approves the consent on your behalf."

// flat is the frame with its lines joined by single spaces, so a sentence
// wrapped over several lines can be looked for whole.
func flat(view string) string { return strings.Join(strings.Fields(view), " ") }

// loggedInWithNote is an app at 80x24 right after a browser login that
// came with a note.
func loggedInWithNote(t *testing.T, note string) *harness {
	h := newHarness(t, 80, 24)
	h.session.saved = false
	h.session.loginNote = note
	return h.start()
}

func TestLoginNoteShowsInFullThenGoesAway(t *testing.T) {
	t.Parallel()
	t.Run("login screen", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, 80, 24).start()
		l, _ := newLogin(h.app.c, loginRunning, "").start()
		l, _ = l.update(loginProgressMsg{attempt: l.attempt, progress: LoginProgress{Stage: LoginWaiting, Note: demoNote}})
		h.app.replace(&l)
		h.app.bodyValid = false
		if v := flat(h.view()); !strings.Contains(v, demoNote) {
			t.Fatalf("the login screen does not show the whole note:\n%s", h.view())
		}
	})
	t.Run("key press", func(t *testing.T) {
		t.Parallel()
		h := loggedInWithNote(t, demoNote)
		if v := flat(h.view()); !strings.Contains(v, demoNote) {
			t.Fatalf("after login the banner does not show the whole note:\n%s", h.view())
		}
		h.requireView("[1 Customers]", "SANDBOX")
		h.key("down")
		h.rejectView("Demo: no browser")
		h.requireView("enter details", "? help") // the key help is back
	})
	t.Run("tick", func(t *testing.T) {
		t.Parallel()
		h := loggedInWithNote(t, demoNote)
		h.requireView("Demo: no browser")
		h.fire(noticeLife)
		h.rejectView("Demo: no browser")
	})
	t.Run("an older tick leaves a newer notice", func(t *testing.T) {
		t.Parallel()
		h := newHarness(t, 80, 24).start()
		h.send(noticeMsg("first"))
		old := h.app.banner.id
		h.send(noticeMsg("second"))
		h.send(bannerExpiredMsg{id: old})
		h.requireView("• second")
		h.send(bannerExpiredMsg{id: h.app.banner.id})
		h.rejectView("• second")
	})
}

func TestErrorBannerStaysUntilReadAndDismissed(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	now := testNow
	h.app.c.clock = func() time.Time { return now }
	h.send(errMsg{what: "load invoices", err: errors.New("boom")})
	h.fire(0) // every timer, the notices' expiry among them
	h.requireView("✗ Could not load invoices: boom")
	h.key("down") // pressed as it appeared: not read yet
	h.requireView("✗ Could not load invoices: boom")
	now = now.Add(errorReadTime)
	h.key("down")
	h.rejectView("Could not load invoices")
	h.requireView("? help")

	h.send(errMsg{what: "load invoices", err: errors.New("boom")})
	h.send(noticeMsg("Copied cus_1."))
	h.rejectView("Could not load invoices")
	h.requireView("• Copied cus_1.")
}

func TestLongBannerWrapsOverTheBottomOfTheScreen(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.send(errMsg{what: "load invoices", err: errors.New(strings.Repeat("far too long to fit ", 30))})
	lines := strings.Split(h.view(), "\n")
	if len(lines) != 24 {
		t.Fatalf("%d lines, want 24", len(lines))
	}
	want := []string{"✗ Could not load invoices: far too long", "  ", "  "}
	for i, w := range want {
		if l := lines[20+i]; !strings.HasPrefix(l, w) {
			t.Fatalf("line %d = %q, want it to start with %q", 20+i, l, w)
		}
	}
	if !strings.HasSuffix(strings.TrimRight(lines[22], " "), "…") {
		t.Fatalf("the banner's last line does not say it was cut: %q", lines[22])
	}
}

func TestLongBannerLeavesTheFullHelpWhole(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("?")
	full := h.app.fullHelp()
	h.send(noticeMsg(strings.Repeat("a notice that runs on ", 6)))
	lines := strings.Split(h.view(), "\n")
	helpLines := strings.Split(full, "\n")
	last := strings.TrimSpace(ansi.Strip(helpLines[len(helpLines)-1]))
	if got := strings.TrimSpace(lines[len(lines)-4]); got != last {
		t.Fatalf("the line over the banner is %q, want the help's last line %q", got, last)
	}
}

func TestErrorBannerGoesWhenTheFailedLoadSucceeds(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.data.failNext = errors.New("connection reset by peer")
	h.key("r")
	h.requireView("Could not load customers")
	// The clock stands still, so no key press could dismiss the error:
	// only the successful reload clears it.
	h.key("r")
	h.rejectView("Could not load customers")
	h.requireView("Acme Tools 0")

	// A success of another action leaves an error about this one alone.
	h.send(errMsg{what: "load invoices", err: errors.New("boom")})
	h.key("r")
	h.requireView("Could not load invoices: boom")
}
