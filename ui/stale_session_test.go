package ui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// startRefresh presses r in the token panel and returns the refresh command
// without running it, as if the answer were still on its way.
func startRefresh(h *harness) tea.Cmd {
	h.t.Helper()
	h.key("t")
	_, cmd := h.app.Update(keyMsg("r"))
	_, refresh := h.app.Update(cmd())
	if refresh == nil {
		h.t.Fatal("r in the token panel started no refresh")
	}
	return refresh
}

// TestRefreshAnsweredAfterLogoutIsDropped: a refresh still running when the
// user logs out must not bring the old token back into the status bar, nor
// overwrite the token of the next login.
func TestRefreshAnsweredAfterLogoutIsDropped(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	refresh := startRefresh(h)
	h.key("L")
	h.key("y")
	h.requireView("Logged out", "not logged in")

	h.run(refresh)
	h.requireView("Logged out", "not logged in")
	h.rejectView("Access token refreshed", "token 24h00m00s")
	if (h.app.c.token != TokenState{}) {
		t.Fatalf("token after logout = %+v, want none", h.app.c.token)
	}

	// The same once the user has logged in again: the new login's token stays.
	refresh = func() tea.Cmd {
		h.key("esc")
		h.key("enter") // log in again
		h.session.token.ExpiresAt = testNow.Add(time.Hour)
		return startRefresh(h)
	}()
	h.key("L")
	h.key("y")
	h.key("enter")
	h.requireView("token 23h59m30s")
	h.run(refresh)
	h.requireView("token 23h59m30s")
	h.rejectView("Access token refreshed")
}

// TestTokenEventsAfterLogoutAreIgnored: what the old token source reports
// once the user has logged out does not sign the status bar back in.
func TestTokenEventsAfterLogoutAreIgnored(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("t")
	h.key("L")
	h.key("y")
	h.send(sessionEventMsg{Kind: Refreshed, Token: TokenState{ExpiresAt: testNow.Add(time.Hour), HasRefreshToken: true}})
	if (h.app.c.token != TokenState{}) {
		t.Fatalf("token after logout = %+v, want none", h.app.c.token)
	}
	// A refresh that started before the logout and whose end is never
	// reported must not leave the next login "refreshing" for ever.
	h.send(sessionEventMsg{Kind: RefreshStarted})
	h.requireView("Logged out", "not logged in")
	h.key("enter")
	h.requireView("token 23h59m30s")
	h.rejectView("refreshing")
}
