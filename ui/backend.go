package ui

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
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
)

// BackendOptions is what NewBackend needs from main.
type BackendOptions struct {
	// Settings are the resolved settings (app credentials, API URL,
	// redirect URI); Settings.APIURL names the session's environment.
	Settings config.Settings
	// Store is the session store.
	Store *config.Store
	// HTTPClient is the base client for the API and the OAuth endpoints
	// (nil: http.DefaultClient). The API client wraps its transport so a
	// 401 is retried once with a refreshed token.
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

// Backend implements Session and Data over the auth, config and hyperline
// packages. Its API client exists once a session is resumed or logged in.
type Backend struct {
	opts   BackendOptions
	events chan SessionEvent

	mu sync.RWMutex
	// settings are those of the open account's environment: opts.Settings
	// until the user switches to an account of another one.
	settings config.Settings
	ts       *auth.TokenSource
	client   *hyperline.Client
	email    string
	// opened counts the token sources made; current is the number of the one
	// in use (0 after a logout). Only its reports reach the UI.
	opened, current uint64
}

var (
	_ Session = (*Backend)(nil)
	_ Data    = (*Backend)(nil)
)

// NewBackend builds the adapter; nothing is read until the UI asks.
func NewBackend(opts BackendOptions) *Backend {
	if opts.HTTPClient == nil {
		opts.HTTPClient = http.DefaultClient
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Backend{opts: opts, settings: opts.Settings, events: make(chan SessionEvent, 64)}
}

// Resume opens the environment's current account when it holds tokens.
func (b *Backend) Resume(ctx context.Context) (Account, error) {
	if err := b.open(b.settingsNow(), ""); err != nil {
		return Account{}, err
	}
	return b.account()
}

// Login runs the browser flow and opens the account it logged in.
func (b *Backend) Login(ctx context.Context, progress func(LoginProgress)) (Account, error) {
	progress(LoginProgress{Stage: LoginStarting, Note: b.opts.LoginNote})
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
		return Account{}, loginError{err: err}
	}
	if err := b.open(b.settingsNow(), res.Account.Email); err != nil {
		return Account{}, err
	}
	acct, err := b.account()
	acct.Notice = b.opts.LoginNote
	if err == nil && len(acct.Companies) == 0 {
		// auth could not list the companies (a warning); try once more.
		progress(LoginProgress{Stage: LoginLoadingCompanies})
		if cs, cerr := b.Companies(ctx); cerr == nil {
			acct.Companies = cs
		}
	}
	return acct, err
}

// loginEvent turns auth's steps into the login screen's.
func (b *Backend) loginEvent(e auth.Event, progress func(LoginProgress)) {
	switch e := e.(type) {
	case auth.EventURL:
		p := LoginProgress{Stage: LoginWaiting, URL: e.URL, Note: b.opts.LoginNote}
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
		progress(LoginProgress{Stage: LoginStarting,
			Note: "No app configured: registering hlx with Hyperline as a public client (no secret)…"})
	case auth.EventCallbackRejected:
		progress(LoginProgress{Stage: LoginWaiting,
			Note: "A browser came back from another login attempt (wrong state) and was refused; still waiting."})
	case auth.EventCodeReceived, auth.EventExchanging:
		progress(LoginProgress{Stage: LoginExchanging})
	case auth.EventLoadingAccount:
		progress(LoginProgress{Stage: LoginLoadingCompanies})
	}
}

// settingsNow are the settings of the open account's environment.
func (b *Backend) settingsNow() config.Settings {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.settings
}

// open makes the token source and API client of an account of the
// environment of settings ("" = the environment's current one).
func (b *Backend) open(settings config.Settings, email string) error {
	b.mu.Lock()
	b.opened++
	n := b.opened
	b.mu.Unlock()
	ts, err := auth.NewTokenSource(auth.TokenSourceOptions{
		Settings:   settings,
		Store:      b.opts.Store,
		Email:      email,
		HTTPClient: b.opts.HTTPClient,
		Now:        b.opts.Now,
		OnRefresh:  func(e auth.RefreshEvent) { b.onRefresh(n, e) },
	})
	if err != nil {
		return sessionError(err)
	}
	hc := *b.opts.HTTPClient
	hc.Transport = ts.Transport(b.opts.HTTPClient.Transport)
	opts := append([]hyperline.Option{hyperline.WithHTTPClient(&hc)}, b.opts.ClientOptions...)
	client, err := hyperline.New(settings.APIURL, ts, opts...)
	if err != nil {
		return fmt.Errorf("build the API client: %w", err)
	}
	b.mu.Lock()
	b.ts, b.client, b.email, b.current, b.settings = ts, client, ts.Email(), n, settings
	b.mu.Unlock()
	return nil
}

// account reads the open account from the store.
func (b *Backend) account() (Account, error) {
	b.mu.RLock()
	ts, email, apiURL := b.ts, b.email, b.settings.APIURL
	b.mu.RUnlock()
	sess, err := b.opts.Store.Load()
	if err != nil && !errors.As(err, new(*config.CorruptError)) {
		return Account{}, fmt.Errorf("read the session: %w", err)
	}
	acc := sess.Account(apiURL, email)
	if acc == nil {
		return Account{}, fmt.Errorf("%w: %s is not in the session any more", ErrLoginRequired, email)
	}
	out := Account{Email: acc.Email, Name: acc.Name, CompanyID: acc.CompanyID, Token: tokenState(ts.Info())}
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
	ev := SessionEvent{Token: tokenState(e.Info), Err: e.Err}
	switch e.Phase {
	case auth.RefreshStarted:
		ev.Kind = RefreshStarted
	case auth.RefreshSucceeded, auth.RefreshAdopted:
		ev.Kind = Refreshed
	case auth.RefreshFailed:
		ev.Kind = RefreshFailed
		if errors.Is(e.Err, auth.ErrLoginRequired) {
			ev.Kind, ev.Err = LoginRequiredEvent, sessionError(e.Err)
		}
	}
	select {
	case b.events <- ev:
	default: // the UI also reads Token() every second
	}
}

// Events delivers the token source's reports.
func (b *Backend) Events() <-chan SessionEvent { return b.events }

// Token reports the open account's token.
func (b *Backend) Token() TokenState {
	b.mu.RLock()
	ts := b.ts
	b.mu.RUnlock()
	if ts == nil {
		return TokenState{}
	}
	return tokenState(ts.Info())
}

// Refresh gets a new access token now, unless one was just refreshed.
func (b *Backend) Refresh(ctx context.Context) (TokenState, error) {
	b.mu.RLock()
	ts := b.ts
	b.mu.RUnlock()
	if ts == nil {
		return TokenState{}, ErrLoginRequired
	}
	before := ts.Info().RefreshedAt
	cur, err := ts.TokenContext(ctx)
	if err != nil {
		return TokenState{}, sessionError(err)
	}
	if ts.Info().RefreshedAt.Equal(before) {
		if _, err := ts.ForceRefresh(ctx, cur.AccessToken); err != nil {
			return TokenState{}, sessionError(err)
		}
	}
	// A token that works now but could not be saved is not a success:
	// the session ends with this hlx unless the store recovers.
	return tokenState(ts.Info()), ts.Unsaved()
}

// Close is for main once the program has ended: a refreshed token that
// could not be saved is saved now if the store has recovered. Otherwise it
// returns the *auth.SessionNotSavedError to print (the session needs a new
// login) and turn into a failure exit.
func (b *Backend) Close() error {
	b.mu.RLock()
	ts := b.ts
	b.mu.RUnlock()
	if ts == nil {
		return nil
	}
	return ts.SaveUnsaved()
}

// TokenLocation says where the open account's tokens are kept (the OS
// keyring or the session file), for the token panel; "" when no account
// is open.
func (b *Backend) TokenLocation() string {
	b.mu.RLock()
	email := b.email
	b.mu.RUnlock()
	if email == "" {
		return ""
	}
	sess, err := b.opts.Store.Load()
	if err != nil {
		return ""
	}
	return b.opts.Store.TokenLocation(b.opts.Settings.APIURL, sess.Account(b.opts.Settings.APIURL, email))
}

// Logout revokes the refresh token and removes the account; an error means
// the revocation failed (the local tokens are gone anyway).
func (b *Backend) Logout(ctx context.Context) error {
	b.mu.Lock()
	email := b.email
	b.ts, b.client, b.email, b.current = nil, nil, "", 0
	b.mu.Unlock()
	res, err := auth.Logout(ctx, auth.LogoutOptions{
		Settings: b.settingsNow(), Store: b.opts.Store, HTTPClient: b.opts.HTTPClient, Email: email})
	if err != nil {
		return err
	}
	for _, out := range res.Accounts {
		if out.Warning != nil {
			return out.Warning
		}
	}
	return nil
}

// ChooseCompany saves the company as the account's choice.
func (b *Backend) ChooseCompany(ctx context.Context, co hyperline.Company) error {
	b.mu.RLock()
	email, apiURL := b.email, b.settings.APIURL
	b.mu.RUnlock()
	err := b.opts.Store.Update(func(s *config.Session) error {
		acc := s.Account(apiURL, email)
		if acc == nil {
			return nil
		}
		acc.CompanyID = co.ID
		if _, known := acc.Company(co.ID); !known {
			acc.Companies = append(acc.Companies, config.Company{ID: co.ID, Name: co.Name})
		}
		return nil
	})
	if err != nil && !errors.As(err, new(*config.CorruptError)) {
		return fmt.Errorf("save the chosen company: %w", err)
	}
	return nil
}

func tokenState(info auth.TokenInfo) TokenState {
	return TokenState{ExpiresAt: info.Expiry, IssuedAt: info.IssuedAt, RefreshedAt: info.RefreshedAt,
		HasRefreshToken: info.HasRefreshToken, Client: info.Client}
}

// sessionError makes auth's "login required" match ErrLoginRequired too.
func sessionError(err error) error {
	if err != nil && errors.Is(err, auth.ErrLoginRequired) && !errors.Is(err, ErrLoginRequired) {
		return fmt.Errorf("%w: %w", ErrLoginRequired, err)
	}
	return err
}

// loginError puts a failed login in plain words.
type loginError struct{ err error }

func (e loginError) Error() string { return e.err.Error() }
func (e loginError) Unwrap() error { return e.err }

// PlainText says what happened and what to do, for the login screen.
func (e loginError) PlainText() string {
	var port *auth.PortInUseError
	var oauthErr *auth.OAuthError
	var authzErr *auth.AuthorizationError
	switch err := e.err; {
	case errors.Is(err, auth.ErrConsentDenied):
		return "Access was denied on the Hyperline consent page, so hlx has no access. Log in again and approve the access."
	case errors.Is(err, auth.ErrStateMismatch):
		return "The browser came back from a different login attempt (its state did not match), so hlx refused it without using the code. Try again, and use the newest browser tab."
	case errors.Is(err, auth.ErrCallbackTimeout):
		return "The browser did not come back in time. Try again; if no browser opens, copy the address with y and open it yourself."
	case errors.Is(err, auth.ErrNotConfigured):
		return err.Error()
	case errors.As(err, &port):
		return port.Error()
	case errors.As(err, &authzErr):
		return "Hyperline refused the login: " + authzErr.Error() + "."
	case errors.As(err, &oauthErr):
		return "Hyperline refused to exchange the code for tokens: " + oauthErr.Error() + "."
	case errors.Is(err, context.DeadlineExceeded):
		return "The login took too long and was stopped. Try again."
	}
	return "The login failed: " + plainError(e.err)
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
