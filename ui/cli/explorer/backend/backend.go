// Package backend is the explorer's session and data over the real
// packages: it implements the screens' deps.Session, deps.AccountSwitcher
// and deps.Data with package account (open, switch, companies), auth (the
// browser login, logout) and the hyperline client, and turns their errors
// into the words and sentinels the screens know (uiError).
package backend

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/auth/account"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// Options is what New needs from the explorer's command.
type Options struct {
	// Settings are the resolved settings (app credentials, API URL,
	// redirect URI); Settings.APIURL names the session's environment.
	Settings config.Settings
	// Store is the session store.
	Store *config.Store
	// HTTPClient is the base client for the API and the OAuth endpoints
	// (nil: http.DefaultClient).
	HTTPClient *http.Client
	// ClientOptions are extra hyperline client options (user agent, retry).
	ClientOptions []hyperline.Option
	// OpenBrowser opens the authorize URL (nil: auth.DefaultOpenBrowser).
	OpenBrowser func(url string) error
	// NoBrowser never opens a browser: the login screen shows the URL.
	NoBrowser bool
	// LoginTimeout bounds the wait for the browser (0: auth's default).
	LoginTimeout time.Duration
	// LoginNote is shown on the login screen while it waits, e.g. that the
	// demo approves the consent on the user's behalf.
	LoginNote string
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// SettingsFor resolves the settings of another environment of the
	// session, for a switch to one of its accounts (nil: the settings file
	// and the environment, as for --api-url).
	SettingsFor func(apiURL string) (config.Settings, error)
}

// Backend implements the screens' Session, AccountSwitcher and Data. Its
// API client exists once a session is resumed or logged in.
type Backend struct {
	opts   Options
	events chan deps.SessionEvent

	mu sync.RWMutex
	// settings are those of the open account's environment: opts.Settings
	// until the user switches to an account of another one.
	settings config.Settings
	open     *account.Session // nil when no account is open
	// made counts the token sources made; current is the number of the one
	// in use (0 after a logout). Only its reports reach the UI.
	made, current uint64
}

var (
	_ deps.Session         = (*Backend)(nil)
	_ deps.AccountSwitcher = (*Backend)(nil)
	_ deps.Data            = (*Backend)(nil)
)

// New builds the backend; nothing is read until the UI asks.
func New(opts Options) *Backend {
	if opts.HTTPClient == nil {
		opts.HTTPClient = http.DefaultClient
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Backend{opts: opts, settings: opts.Settings, events: make(chan deps.SessionEvent, 64)}
}

// Resume opens the environment's current account when it holds tokens.
func (b *Backend) Resume(ctx context.Context) (deps.Account, error) {
	if err := b.openAccount(b.settingsNow(), "", false); err != nil {
		return deps.Account{}, err
	}
	return b.account()
}

// Login runs the browser flow and opens the account it logged in.
func (b *Backend) Login(ctx context.Context, progress func(deps.LoginProgress)) (deps.Account, error) {
	progress(deps.LoginProgress{Stage: deps.LoginStarting, Note: b.opts.LoginNote})
	res, err := auth.Login(ctx, auth.LoginOptions{
		Settings:    b.settingsNow(),
		Store:       b.opts.Store,
		HTTPClient:  b.opts.HTTPClient,
		OpenBrowser: b.opts.OpenBrowser,
		NoBrowser:   b.opts.NoBrowser,
		Timeout:     b.opts.LoginTimeout,
		Now:         b.opts.Now,
		Progress:    func(e auth.Event) { b.loginEvent(e, progress) },
	})
	if err != nil {
		return deps.Account{}, loginError(err)
	}
	if err := b.openAccount(b.settingsNow(), res.Account.Email, false); err != nil {
		return deps.Account{}, err
	}
	acct, err := b.account()
	acct.Notice = b.opts.LoginNote
	if err == nil && len(acct.Companies) == 0 {
		// auth could not list the companies (a warning); try once more.
		progress(deps.LoginProgress{Stage: deps.LoginLoadingCompanies})
		if cs, cerr := b.Companies(ctx); cerr == nil {
			acct.Companies = cs
		}
	}
	return acct, err
}

// loginEvent turns auth's steps into the login screen's.
func (b *Backend) loginEvent(e auth.Event, progress func(deps.LoginProgress)) {
	switch e := e.(type) {
	case auth.EventURL:
		p := deps.LoginProgress{Stage: deps.LoginWaiting, URL: e.URL, Note: b.opts.LoginNote}
		if !e.BrowserOpened && b.opts.LoginNote == "" {
			p.Note = "No browser was opened (" + e.Reason + "): open the address below in a browser."
			if strings.Contains(e.Reason, "SSH") {
				redirect := e.RedirectURI // the port bound, which may be a fallback
				if redirect == "" {
					redirect = b.settingsNow().RedirectURI
				}
				p.Note += " On another machine, forward the callback port first (" + sshForwardHint(redirect) + ")."
			}
		}
		progress(p)
	case auth.EventRegistering:
		progress(deps.LoginProgress{Stage: deps.LoginStarting,
			Note: "No app configured: registering hlx with Hyperline as a public client (no secret)…"})
	case auth.EventCallbackRejected:
		progress(deps.LoginProgress{Stage: deps.LoginWaiting,
			Note: "A browser came back from another login attempt (wrong state) and was refused; still waiting."})
	case auth.EventCodeReceived, auth.EventExchanging:
		progress(deps.LoginProgress{Stage: deps.LoginExchanging})
	case auth.EventLoadingAccount:
		progress(deps.LoginProgress{Stage: deps.LoginLoadingCompanies})
	}
}

// settingsNow are the settings of the open account's environment.
func (b *Backend) settingsNow() config.Settings {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.settings
}

// openAccount opens an account of the environment of settings ("" = the
// environment's current one), making it the current one when current is
// set (a switch).
func (b *Backend) openAccount(settings config.Settings, email string, current bool) error {
	b.mu.Lock()
	b.made++
	n := b.made
	b.mu.Unlock()
	opts := account.Options{Store: b.opts.Store, HTTPClient: b.opts.HTTPClient,
		ClientOptions: b.opts.ClientOptions, Now: b.opts.Now}
	onRefresh := func(e auth.RefreshEvent) { b.onRefresh(n, e) }
	open := account.Open
	if current {
		open = account.Switch
	}
	a, err := open(settings, email, opts, onRefresh)
	if err != nil {
		return uiError(err)
	}
	b.mu.Lock()
	b.open, b.current, b.settings = a, n, settings
	b.mu.Unlock()
	return nil
}

// opened is the open account, nil when none is.
func (b *Backend) opened() *account.Session {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.open
}

// account reads the open account from the store.
func (b *Backend) account() (deps.Account, error) {
	a := b.opened()
	if a == nil {
		return deps.Account{}, fmt.Errorf("%w: no open session", deps.ErrLoginRequired)
	}
	acc, err := a.Reload()
	if err != nil {
		return deps.Account{}, uiError(err)
	}
	out := deps.Account{Email: acc.Email, Name: acc.Name, CompanyID: acc.CompanyID, Token: tokenState(a.Tokens.Info())}
	for _, co := range acc.Companies {
		out.Companies = append(out.Companies, hyperline.Company{ID: co.ID, Name: co.Name})
	}
	return out, nil
}

// onRefresh forwards the reports of token source n while it is the open
// one: a source left behind by a logout or a new login (a request of the
// old login still refreshing on a 401) must not end the new login. It must
// not block.
func (b *Backend) onRefresh(n uint64, e auth.RefreshEvent) {
	b.mu.RLock()
	current := n == b.current
	b.mu.RUnlock()
	if !current {
		return
	}
	ev := deps.SessionEvent{Token: tokenState(e.Info), Err: uiError(e.Err)}
	switch e.Phase {
	case auth.RefreshStarted:
		ev.Kind = deps.RefreshStarted
	case auth.RefreshSucceeded, auth.RefreshAdopted:
		ev.Kind = deps.Refreshed
	case auth.RefreshFailed:
		ev.Kind = deps.RefreshFailed
		if errors.Is(e.Err, auth.ErrLoginRequired) {
			ev.Kind = deps.LoginRequiredEvent
		}
	}
	select {
	case b.events <- ev:
	default: // the UI also reads Token() every second
	}
}

// Events delivers the token source's reports.
func (b *Backend) Events() <-chan deps.SessionEvent { return b.events }

// Token reports the open account's token.
func (b *Backend) Token() deps.TokenState {
	a := b.opened()
	if a == nil {
		return deps.TokenState{}
	}
	return tokenState(a.Tokens.Info())
}

// Refresh gets a new access token now, unless one was just refreshed.
func (b *Backend) Refresh(ctx context.Context) (deps.TokenState, error) {
	a := b.opened()
	if a == nil {
		return deps.TokenState{}, deps.ErrLoginRequired
	}
	ts := a.Tokens
	before := ts.Info().RefreshedAt
	cur, err := ts.TokenContext(ctx)
	if err != nil {
		return deps.TokenState{}, uiError(err)
	}
	if ts.Info().RefreshedAt.Equal(before) {
		if _, err := ts.ForceRefresh(ctx, cur.AccessToken); err != nil {
			return deps.TokenState{}, uiError(err)
		}
	}
	// A token that works now but could not be saved is not a success:
	// the session ends with this hlx unless the store recovers.
	return tokenState(ts.Info()), uiError(ts.Unsaved())
}

// Close is for the explorer's command once the program has ended: a
// refreshed token that could not be saved is saved now if the store has
// recovered. Otherwise it returns the *auth.SessionNotSavedError to print
// (the session needs a new login) and turn into a failure exit.
func (b *Backend) Close() error {
	a := b.opened()
	if a == nil {
		return nil
	}
	return a.Tokens.SaveUnsaved()
}

// TokenLocation says where the open account's tokens are kept (the OS
// keyring or the session file), for the token panel; "" when no account
// is open.
func (b *Backend) TokenLocation() string {
	a := b.opened()
	if a == nil {
		return ""
	}
	sess, err := b.opts.Store.Load()
	if err != nil {
		return ""
	}
	return b.opts.Store.TokenLocation(b.opts.Settings.APIURL, sess.Account(b.opts.Settings.APIURL, a.Email()))
}

// Logout revokes the refresh token and removes the account; an error means
// the revocation failed (the local tokens are gone anyway).
func (b *Backend) Logout(ctx context.Context) error {
	b.mu.Lock()
	email := ""
	if b.open != nil {
		email = b.open.Email()
	}
	b.open, b.current = nil, 0
	b.mu.Unlock()
	res, err := auth.Logout(ctx, auth.LogoutOptions{
		Settings: b.settingsNow(), Store: b.opts.Store, HTTPClient: b.opts.HTTPClient, Email: email})
	if err != nil {
		return uiError(err)
	}
	for _, out := range res.Accounts {
		if out.Warning != nil {
			return uiError(out.Warning)
		}
	}
	return nil
}

// ChooseCompany saves the company as the account's choice. An account
// that has left the session meanwhile has nothing to save it on.
func (b *Backend) ChooseCompany(ctx context.Context, co hyperline.Company) error {
	a := b.opened()
	if a == nil {
		return nil
	}
	err := a.UseCompany(config.Company{ID: co.ID, Name: co.Name})
	if err != nil && !errors.Is(err, auth.ErrLoginRequired) {
		return uiError(err)
	}
	return nil
}

func tokenState(info auth.TokenInfo) deps.TokenState {
	return deps.TokenState{ExpiresAt: info.Expiry, IssuedAt: info.IssuedAt, RefreshedAt: info.RefreshedAt,
		HasRefreshToken: info.HasRefreshToken, Client: info.Client}
}

// loginError puts a failed login in plain words, for the login screen;
// an error it has no words for is worded by the screen.
func loginError(err error) error {
	var port *auth.PortInUseError
	var oauthErr *auth.OAuthError
	var authzErr *auth.AuthorizationError
	words := ""
	switch {
	case errors.Is(err, auth.ErrConsentDenied):
		words = "Access was denied on the Hyperline consent page, so hlx has no access. Log in again and approve the access."
	case errors.Is(err, auth.ErrStateMismatch):
		words = "The browser came back from a different login attempt (its state did not match), so hlx refused it without using the code. Try again, and use the newest browser tab."
	case errors.Is(err, auth.ErrCallbackTimeout):
		words = "The browser did not come back in time. Try again; if no browser opens, copy the address with y and open it yourself."
	case errors.Is(err, auth.ErrNotConfigured):
		words = err.Error()
	case errors.As(err, &port):
		words = port.Error()
	case errors.As(err, &authzErr):
		words = "Hyperline refused the login: " + authzErr.Error() + "."
	case errors.As(err, &oauthErr):
		words = "Hyperline refused to exchange the code for tokens: " + oauthErr.Error() + "."
	case errors.Is(err, context.DeadlineExceeded):
		words = "The login took too long and was stopped. Try again."
	}
	return &deps.LoginError{Err: uiError(err), Words: words}
}

// sshForwardHint is the ssh option that carries the loopback redirect of a
// browser on the user's own machine back to hlx on this one.
func sshForwardHint(redirectURI string) string {
	port := "8765"
	if u, err := url.Parse(redirectURI); err == nil && u.Port() != "" && u.Port() != "0" {
		port = u.Port()
	}
	return "ssh -L " + port + ":127.0.0.1:" + port + " <this host>"
}
