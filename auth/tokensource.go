package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
)

// refreshTimeout bounds one refresh request, which runs detached from its
// callers' contexts, and Token's wait for it (oauth2.TokenSource.Token
// takes no context).
const refreshTimeout = 30 * time.Second

// maxRefreshMargin caps how long before expiry a token is refreshed.
const maxRefreshMargin = 60 * time.Second

// TokenSourceOptions configure NewTokenSource. Settings and Store are
// required.
type TokenSourceOptions struct {
	// Settings give the API URL (the environment) and app credentials.
	Settings config.Settings
	// Store is the session store the tokens live in.
	Store *config.Store
	// Email pins the account; "" means the environment's current account
	// when the source is made. The source keeps that account even if
	// another hlx switches the current one.
	Email string
	// HTTPClient makes refresh requests (default http.DefaultClient).
	HTTPClient *http.Client
	// Now is the clock that decides freshness (default time.Now).
	Now func() time.Time
	// OnRefresh is told when a refresh starts and how it ended, so a
	// status bar can show "refreshing…" and the new expiry. It is called
	// synchronously from the goroutine that refreshes; it must not block
	// (send to a channel or tea.Program.Send) and may call Info.
	OnRefresh func(RefreshEvent)
}

// TokenInfo describes an account's tokens without revealing them.
type TokenInfo struct {
	APIURL          string
	Email           string
	LoggedIn        bool // false after "login required"
	Expiry          time.Time
	IssuedAt        time.Time
	RefreshedAt     time.Time
	HasRefreshToken bool
	// Client names the OAuth client the tokens belong to, as
	// DescribeClient says it.
	Client string
}

// RefreshPhase is the stage a RefreshEvent reports.
type RefreshPhase int

// Refresh phases. RefreshAdopted means another hlx process (or the login of
// a new session) had already stored a fresh token, which is used instead.
const (
	RefreshStarted RefreshPhase = iota
	RefreshSucceeded
	RefreshAdopted
	RefreshFailed
)

// RefreshEvent is passed to TokenSourceOptions.OnRefresh. Info is the state
// after the event; Err is set for RefreshFailed (errors.Is(Err,
// ErrLoginRequired) when a new login is needed).
type RefreshEvent struct {
	Phase RefreshPhase
	Info  TokenInfo
	Err   error
}

// TokenSource hands out the access token of one account, refreshing it
// before it expires. It implements oauth2.TokenSource and is safe for
// concurrent use. Refreshes happen one at a time per source (other callers
// wait for the result) and, through the store's lock, one at a time across
// processes; a new token is saved before it is returned. A refresh is only
// sent once the store has proved it can be written (else it fails with
// ErrRefreshNotSent and the stored refresh token stays valid). If the save
// fails after the answer arrived anyway, the new token is returned (after a
// rotation it is the only live one), the failure is reported through
// OnRefresh and Unsaved as a *SessionNotSavedError, and the next refresh
// saves it if it can.
type TokenSource struct {
	apiURL    string
	email     string
	client    string // DescribeClient of the account's client
	store     *config.Store
	ep        *endpoint
	now       func() time.Time
	onRefresh func(RefreshEvent)

	mu  sync.RWMutex
	tok config.Token
	// inflight is the refresh running now, if any: one at a time, and
	// callers that need a new token meanwhile wait for it.
	inflight *flight
	// unsaved is a token the server issued that could not be written to
	// the session file; the next refresh saves it.
	unsaved *unsavedToken
	// saveErr reports unsaved to SavedToken.
	saveErr *SessionNotSavedError
}

// The API client passes each call's context to TokenContext.
var _ hyperline.ContextTokenSource = (*TokenSource)(nil)

// NewTokenSource loads the account from the store. It fails with
// ErrLoginRequired when the environment has no account or the account has
// no tokens.
func NewTokenSource(opts TokenSourceOptions) (*TokenSource, error) {
	if opts.Store == nil {
		return nil, errors.New("token source: no session store")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.OnRefresh == nil {
		opts.OnRefresh = func(RefreshEvent) {}
	}
	sess, err := opts.Store.Load()
	corrupt, err := config.SplitCorrupt(err)
	if err != nil {
		return nil, fmt.Errorf("token source: %w", err)
	}
	apiURL := opts.Settings.APIURL
	var acc *config.Account
	if opts.Email != "" {
		acc = sess.Account(apiURL, opts.Email)
	} else {
		acc = sess.Current(apiURL)
	}
	if !acc.LoggedIn() {
		who := config.EnvironmentName(apiURL)
		if opts.Email != "" {
			who = opts.Email + " on " + who
		}
		if corrupt != nil {
			// The store moved the unreadable file aside: say where.
			return nil, fmt.Errorf("%w: not logged in (%s); run hlx login (%w)", ErrLoginRequired, who, corrupt)
		}
		return nil, fmt.Errorf("%w: not logged in (%s); run hlx login", ErrLoginRequired, who)
	}
	return &TokenSource{
		apiURL:    apiURL,
		email:     acc.Email,
		client:    AccountClient(acc, opts.Settings),
		store:     opts.Store,
		ep:        newEndpoint(opts.Settings, opts.HTTPClient, opts.Now),
		now:       opts.Now,
		onRefresh: opts.OnRefresh,
		tok:       acc.Token,
	}, nil
}

// Email is the account this source serves.
func (ts *TokenSource) Email() string { return ts.email }

// Info describes the tokens currently held, for the status bar.
func (ts *TokenSource) Info() TokenInfo {
	ts.mu.RLock()
	defer ts.mu.RUnlock()
	return ts.infoLocked()
}

func (ts *TokenSource) infoLocked() TokenInfo {
	return TokenInfo{
		APIURL:          ts.apiURL,
		Email:           ts.email,
		LoggedIn:        !ts.tok.IsZero(),
		Expiry:          ts.tok.Expiry,
		IssuedAt:        ts.tok.IssuedAt,
		RefreshedAt:     ts.tok.RefreshedAt,
		HasRefreshToken: ts.tok.RefreshToken != "",
		Client:          ts.client,
	}
}

// Token returns a valid access token, refreshing first if it expires
// within the margin. It is TokenContext with a 30 s bound on the wait.
func (ts *TokenSource) Token() (*oauth2.Token, error) {
	ctx, cancel := context.WithTimeout(context.Background(), refreshTimeout)
	defer cancel()
	return ts.TokenContext(ctx)
}

// TokenContext is Token with a context that bounds the wait for a refresh.
// A refresh, once started, runs to completion (within its own 30 s bound)
// even if ctx ends: the server may already have rotated the refresh token,
// and only finishing and saving the answer keeps the session alive.
func (ts *TokenSource) TokenContext(ctx context.Context) (*oauth2.Token, error) {
	ts.mu.RLock()
	tok := ts.tok
	ts.mu.RUnlock()
	if fresh(tok, ts.now()) {
		return toOAuth2(tok), nil
	}
	return ts.refresh(ctx, "")
}

// ForceRefresh replaces an access token the API refused with 401 (pass it
// as rejected). If the source or another process already holds a different
// fresh token, that one is returned without a new refresh. The transport
// from Transport calls it; a client layer with its own retry may too.
func (ts *TokenSource) ForceRefresh(ctx context.Context, rejected string) (*oauth2.Token, error) {
	return ts.refresh(ctx, rejected)
}

// SavedToken is TokenContext for a caller that ends soon, such as hlx
// token: when the token it returns was issued but could not be saved
// (after a rotation the session then ends with the process), it returns
// the token together with a *SessionNotSavedError, which the caller must
// report and turn into a failure exit.
func (ts *TokenSource) SavedToken(ctx context.Context) (*oauth2.Token, error) {
	tok, err := ts.TokenContext(ctx)
	if err != nil {
		return nil, err
	}
	return tok, ts.Unsaved()
}

// Unsaved returns a *SessionNotSavedError while the token in use could not
// be saved, nil otherwise.
func (ts *TokenSource) Unsaved() error {
	ts.mu.RLock()
	defer ts.mu.RUnlock()
	if ts.saveErr == nil {
		return nil
	}
	return ts.saveErr
}

// SaveUnsaved tries again to save a token that could not be saved, as the
// explorer does when it quits. It returns nil when there is nothing left
// unsaved (saved now, or another hlx has stored newer tokens meanwhile),
// else a *SessionNotSavedError: the session ends with this process.
func (ts *TokenSource) SaveUnsaved() error {
	ts.mu.RLock()
	unsaved := ts.unsaved
	ts.mu.RUnlock()
	if unsaved == nil {
		return nil
	}
	err := ts.store.Update(func(s *config.Session) error {
		// Not put back when logged out, or newer tokens were stored by
		// another hlx.
		unsaved.putBack(s.Account(ts.apiURL, ts.email), ts.now())
		return nil
	})
	if _, err := config.SplitCorrupt(err); err != nil {
		return &SessionNotSavedError{Err: err}
	}
	ts.mu.Lock()
	if ts.unsaved == unsaved {
		ts.unsaved, ts.saveErr = nil, nil
	}
	ts.mu.Unlock()
	return nil
}

// fresh reports whether tok can be used now: it has an access token that
// does not expire within the margin. A zero Expiry (none given) is fresh.
func fresh(tok config.Token, now time.Time) bool {
	if tok.AccessToken == "" {
		return false
	}
	if tok.Expiry.IsZero() {
		return true
	}
	return now.Before(tok.Expiry.Add(-refreshMargin(tok)))
}

// refreshMargin is a tenth of the token's lifetime, at most a minute: an
// hour-long token is refreshed a minute early, a 10 s test token 1 s early.
func refreshMargin(tok config.Token) time.Duration {
	ttl := tok.Expiry.Sub(tok.IssuedAt)
	if tok.IssuedAt.IsZero() || ttl <= 0 {
		return maxRefreshMargin
	}
	return min(maxRefreshMargin, ttl/10)
}

// usable reports whether tok has not expired yet, margin or not.
func usable(tok config.Token, now time.Time) bool {
	return tok.AccessToken != "" && (tok.Expiry.IsZero() || now.Before(tok.Expiry))
}

func toOAuth2(tok config.Token) *oauth2.Token {
	return &oauth2.Token{
		AccessToken:  tok.AccessToken,
		TokenType:    "Bearer",
		RefreshToken: tok.RefreshToken,
		Expiry:       tok.Expiry,
	}
}
