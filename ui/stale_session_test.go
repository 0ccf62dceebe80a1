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

// TestEndedSessionStopsTheCompanysRequestsAndWaitsForLogin: once the
// session has ended, the company's running requests are cancelled (each
// would only fail) and c does not open the picker over the login screen,
// which would lead back to it through a browser whose every request fails.
func TestEndedSessionStopsTheCompanysRequestsAndWaitsForLogin(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	ctx := h.browser().sc.ctx
	h.send(sessionEventMsg{Kind: LoginRequiredEvent, Err: ErrLoginRequired})
	if ctx.Err() == nil {
		t.Fatal("the company's requests still run after the session ended")
	}
	h.key("c")
	if _, ok := h.app.top().(*loginModel); !ok {
		t.Fatalf("c on the login screen opened %T", h.app.top())
	}
	h.key("?")
	h.requireView("log in")
	h.rejectView("companies")
	h.key("?")
	h.key("enter")
	if b := h.browser(); b.sc.company.ID != "cmp_acme" || b.sc.ctx.Err() != nil {
		t.Fatalf("after logging in again: company %q, ctx %v", b.sc.company.ID, b.sc.ctx.Err())
	}
}

// TestPickerSendsAnEndedSessionToLogin: the company list answering "login
// required" leads to the login screen, as any other request does, instead
// of a picker whose every choice would fail.
func TestPickerSendsAnEndedSessionToLogin(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.data.failNext = ErrLoginRequired
	h.key("c")
	if _, ok := h.app.top().(*loginModel); !ok {
		t.Fatalf("top = %T, want the login screen", h.app.top())
	}
	h.requireView("session has ended")
}
