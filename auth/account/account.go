// Package account opens the accounts of the saved session, with no UI: an
// account's settings, a token source that refreshes and saves its tokens,
// an API client that sends them (and renews a refused one), and the
// account as the session file holds it; then its companies, and the
// switch to another account. The command line (ui/cli/cmdutil) and the
// explorer's backend both open accounts here, so an unreadable session
// file and a session that needs a new login are handled in one place.
package account

import (
	"fmt"
	"net/http"
	"time"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
)

// Options are what opening an account needs; only Store is required.
type Options struct {
	// Store is the session store.
	Store *config.Store
	// HTTPClient is the base client for the API and the OAuth endpoints
	// (nil: http.DefaultClient).
	HTTPClient *http.Client
	// ClientOptions are extra hyperline client options (user agent, retry).
	ClientOptions []hyperline.Option
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// Warn hears what went wrong without stopping the work: a company
	// list that could not be saved (nil: nothing is said).
	Warn func(error)
}

func (o Options) withDefaults() Options {
	if o.HTTPClient == nil {
		o.HTTPClient = http.DefaultClient
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Warn == nil {
		o.Warn = func(error) {}
	}
	return o
}

// Session is one open account: what every request of it goes through.
type Session struct {
	Settings config.Settings
	Tokens   *auth.TokenSource
	// Client sends the account's token, and renews it once on a 401.
	Client *hyperline.Client
	// Account is the account as the session file held it when last read
	// (a copy: the file is the truth).
	Account *config.Account

	opts Options
}

// Open opens the account email of the environment of settings ("": the
// environment's current account). It reads files only; the network is
// used when a request is made. onRefresh (may be nil) hears the token
// source's reports. An account with no usable tokens fails with an error
// matching auth.ErrLoginRequired.
func Open(settings config.Settings, email string, opts Options, onRefresh func(auth.RefreshEvent)) (*Session, error) {
	opts = opts.withDefaults()
	ts, err := auth.NewTokenSource(auth.TokenSourceOptions{
		Settings:   settings,
		Store:      opts.Store,
		Email:      email,
		HTTPClient: opts.HTTPClient,
		Now:        opts.Now,
		OnRefresh:  onRefresh,
	})
	if err != nil {
		return nil, err
	}
	clientOpts := append([]hyperline.Option{hyperline.WithHTTPClient(opts.HTTPClient)}, opts.ClientOptions...)
	client, err := hyperline.New(settings.APIURL, ts, clientOpts...)
	if err != nil {
		return nil, fmt.Errorf("build the API client: %w", err)
	}
	s := &Session{Settings: settings, Tokens: ts, Client: client, opts: opts}
	if _, err := s.Reload(); err != nil {
		return nil, err
	}
	return s, nil
}

// Email is the open account's email.
func (s *Session) Email() string { return s.Tokens.Email() }

// Reload reads the account from the session file again (a refresh, a
// company choice or another hlx may have changed it). An account no longer
// in the file fails with an error matching auth.ErrLoginRequired.
func (s *Session) Reload() (*config.Account, error) {
	sess, err := load(s.opts.Store)
	if err != nil {
		return nil, err
	}
	email := s.Email()
	acc := sess.Account(s.Settings.APIURL, email)
	if acc == nil {
		return nil, &GoneError{Email: email}
	}
	s.Account = acc.Clone()
	return s.Account, nil
}

// GoneError means the account was removed from the session file after it
// was opened (a logout in another hlx). It matches auth.ErrLoginRequired.
type GoneError struct{ Email string }

func (e *GoneError) Error() string {
	return auth.ErrLoginRequired.Error() + ": " + e.Email + " is not in the session any more"
}

// Unwrap makes the error match auth.ErrLoginRequired.
func (e *GoneError) Unwrap() error { return auth.ErrLoginRequired }

// load reads the session file. An unreadable file has been moved aside by
// the store, which then reads as an empty session: that is not an error
// here (the accounts in it are gone, and say so).
func load(store *config.Store) (*config.Session, error) {
	sess, err := store.Load()
	if _, err := config.SplitCorrupt(err); err != nil {
		return nil, fmt.Errorf("read the session: %w", err)
	}
	if sess == nil {
		sess = &config.Session{}
	}
	return sess, nil
}

// update changes the session file; a file that was unreadable (moved
// aside, then written afresh) is not an error.
func update(store *config.Store, fn func(*config.Session) error) error {
	_, err := config.SplitCorrupt(store.Update(fn))
	return err
}
