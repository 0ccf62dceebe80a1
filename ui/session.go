package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// resumedMsg answers the start-up look at the saved session.
type resumedMsg struct {
	account Account
	err     error
}

// resumeSession looks for a saved session that works without the browser.
func resumeSession(ctx context.Context, s Session) tea.Cmd {
	return func() tea.Msg {
		acct, err := s.Resume(ctx)
		return resumedMsg{account: acct, err: err}
	}
}

// listenSession waits for the token source's next report.
func listenSession(ctx context.Context, events <-chan SessionEvent) tea.Cmd {
	if events == nil {
		return nil
	}
	return func() tea.Msg {
		select {
		case ev, ok := <-events:
			if !ok {
				return nil
			}
			return sessionEventMsg(ev)
		case <-ctx.Done():
			return nil
		}
	}
}

// refreshToken refreshes the access token of the login named session now;
// auto marks the refreshes the app starts by itself (they succeed silently).
func refreshToken(ctx context.Context, s Session, timeout time.Duration, session uint64, auto bool) tea.Cmd {
	return request(ctx, timeout, s.Refresh, func(t TokenState, err error) tea.Msg {
		return tokenRefreshedMsg{session: session, token: t, err: err, auto: auto}
	})
}

// chooseCompany remembers the company for the next start.
func chooseCompany(ctx context.Context, s Session, timeout time.Duration, co hyperline.Company) tea.Cmd {
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		if err := s.ChooseCompany(rctx, co); err != nil {
			return errMsg{what: "remember the company", err: err}
		}
		return nil
	}
}

// logout revokes the refresh token and forgets the local tokens.
func logout(ctx context.Context, s Session, timeout time.Duration) tea.Cmd {
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		return loggedOutMsg{err: s.Logout(rctx)}
	}
}

// refreshLead is how long before expiry the app refreshes by itself: a
// quarter of the token's life, between ten seconds and a minute, so a
// 24-hour token refreshes a minute early and the demo's 2-minute token
// 30 seconds early.
func refreshLead(t TokenState) time.Duration {
	return clampDuration(tokenLifetime(t)/4, 10*time.Second, time.Minute)
}

// warnBefore is when the countdown changes colour: under five minutes, or a
// third of the token's life for short-lived tokens.
func warnBefore(t TokenState) time.Duration {
	return clampDuration(tokenLifetime(t)/3, 10*time.Second, 5*time.Minute)
}

// tokenLifetime is the length of the current token's life.
func tokenLifetime(t TokenState) time.Duration {
	start := t.IssuedAt
	if t.RefreshedAt.After(start) {
		start = t.RefreshedAt
	}
	if start.IsZero() || !t.ExpiresAt.After(start) {
		return 24 * time.Hour
	}
	return t.ExpiresAt.Sub(start)
}

func clampDuration(d, lo, hi time.Duration) time.Duration {
	return min(max(d, lo), hi)
}

func (a *App) handleResumed(msg resumedMsg) tea.Cmd {
	if msg.err == nil {
		return a.handleLoggedIn(loggedInMsg{account: msg.account, resumed: true})
	}
	if errors.Is(msg.err, ErrLoginRequired) {
		l, cmd := newLogin(a.c, loginRunning, "").start()
		a.replace(&l)
		if corrupt, ok := errors.AsType[*deps.CorruptSessionError](msg.err); ok {
			// The unreadable file was kept aside, not lost: say where.
			a.showError("read the saved session", fmt.Errorf("it was moved to %s; log in again", corrupt.MovedTo))
		}
		return cmd
	}
	l := newLogin(a.c, loginIdle, "Could not read the saved session: "+plainError(msg.err))
	a.replace(&l)
	return nil
}

// handleLoggedIn opens the account, with the login's note (if any) in the
// banner.
func (a *App) handleLoggedIn(msg loggedInMsg) tea.Cmd {
	a.c.account = msg.account
	a.c.signedIn, a.c.sessionID = true, a.c.nextID()
	a.c.token, a.c.refreshing, a.refreshAfter = msg.account.Token, false, time.Time{}
	a.c.now = a.c.clock()
	var notice tea.Cmd
	if msg.account.Notice != "" {
		notice = a.showNotice(msg.account.Notice)
	}
	return tea.Batch(notice, a.openAccount(msg.account))
}

// openAccount opens the company used last time if it is still reachable,
// the only company if there is one, and otherwise the company picker.
func (a *App) openAccount(acct Account) tea.Cmd {
	want := a.scope.company.ID // kept across a forced re-login
	if want == "" {
		want = acct.CompanyID
	}
	for _, co := range acct.Companies {
		if co.ID == want {
			return a.switchCompany(co)
		}
	}
	if len(acct.Companies) == 1 {
		return a.switchCompany(acct.Companies[0])
	}
	a.scope = scope{}
	return a.openPicker()
}

func (a *App) handleLoggedOut(msg loggedOutMsg) tea.Cmd {
	if a.cancelScope != nil {
		a.cancelScope()
	}
	a.scope, a.cancelScope = scope{}, nil
	a.c.account, a.c.token, a.c.signedIn, a.c.refreshing = Account{}, TokenState{}, false, false
	a.c.sessionID = a.c.nextID()
	note := "Logged out: the refresh token was revoked and the local tokens deleted."
	switch {
	case errors.Is(msg.err, deps.ErrRevokeRefused):
		note = "Logged out: the local tokens are deleted, but Hyperline kept them valid (hlx, registered " +
			"dynamically, has no client secret to revoke them with)."
	case msg.err != nil:
		note = "Logged out locally, but revoking the refresh token failed (" + plainError(msg.err) +
			"); it may still be valid on the server."
	}
	l := newLogin(a.c, loginIdle, note)
	a.replace(&l)
	return nil
}

// handleSessionMsg handles the session's messages: the saved session
// resumed, a login, a logout, and the access token's refreshes.
func (a *App) handleSessionMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case sessionEventMsg:
		return a.handleSessionEvent(SessionEvent(msg)), true
	case resumedMsg:
		return a.handleResumed(msg), true
	case loggedInMsg:
		return a.handleLoggedIn(msg), true
	case loggedOutMsg:
		return a.handleLoggedOut(msg), true
	case tokenRefreshedMsg:
		return a.handleRefreshed(msg), true
	case refreshNowMsg:
		return a.refreshNow(), true
	}
	return nil, false
}

// refreshNow refreshes the access token when the user asks, unless a
// refresh is already running.
func (a *App) refreshNow() tea.Cmd {
	if a.c.refreshing {
		return nil
	}
	a.c.refreshing = true
	return refreshToken(a.c.ctx, a.c.session, a.c.timeout, a.c.sessionID, false)
}

// autoRefresh refreshes the access token shortly before it expires, so the
// countdown never runs out while the app sits idle.
func (a *App) autoRefresh() tea.Cmd {
	t := a.c.token
	if !a.c.signedIn || !t.HasRefreshToken || a.c.refreshing || t.ExpiresAt.IsZero() {
		return nil
	}
	if a.c.now.Before(a.refreshAfter) || t.ExpiresAt.Sub(a.c.now) > refreshLead(t) {
		return nil
	}
	a.c.refreshing = true
	return refreshToken(a.c.ctx, a.c.session, a.c.timeout, a.c.sessionID, true)
}

func (a *App) handleSessionEvent(ev SessionEvent) tea.Cmd {
	next := listenSession(a.c.ctx, a.c.session.Events())
	if !a.c.signedIn {
		return next // the token source of a login that has ended
	}
	switch ev.Kind {
	case RefreshStarted:
		a.c.refreshing = true
	case Refreshed:
		a.c.refreshing = false
		a.c.token = ev.Token
	case RefreshFailed:
		a.c.refreshing = false
		a.showError("refresh the access token", ev.Err)
	case LoginRequiredEvent:
		a.c.refreshing = false
		return tea.Batch(next, a.requireLogin(ev.Err))
	}
	return next
}

func (a *App) handleRefreshed(msg tokenRefreshedMsg) tea.Cmd {
	if msg.session != a.c.sessionID {
		return nil // asked before a logout or a new login
	}
	a.c.refreshing = false
	if msg.err != nil {
		if errors.Is(msg.err, ErrLoginRequired) {
			return a.requireLogin(msg.err)
		}
		a.refreshAfter = a.c.now.Add(30 * time.Second)
		if errors.Is(msg.err, deps.ErrSessionNotSaved) {
			a.c.token = msg.token // in use now, though it could not be saved
			a.showError("save the refreshed token", msg.err)
			return nil
		}
		a.showError("refresh the access token", msg.err)
		return nil
	}
	a.c.token = msg.token
	if !msg.auto {
		return a.showNotice("Access token refreshed.")
	}
	return nil
}

// requireLogin shows the login screen, keeping the account's company so the
// next login lands where the user was.
func (a *App) requireLogin(err error) tea.Cmd {
	if a.topIs(screenLogin) {
		return nil
	}
	note := "Your session has ended. Log in again to continue where you were."
	if err != nil && !errors.Is(err, ErrLoginRequired) {
		note = plainError(err)
	}
	// Every request of the company would fail now; the company itself is
	// kept for the next login.
	if a.cancelScope != nil {
		a.cancelScope()
	}
	l := newLogin(a.c, loginIdle, note)
	a.replace(&l)
	return nil
}
