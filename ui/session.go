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
