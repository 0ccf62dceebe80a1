package auth

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

func TestTokenSourceRefreshesBeforeExpiry(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: 10 * time.Minute})
	e.login(t)
	var (
		mu     sync.Mutex
		phases []RefreshPhase
	)
	ts := e.tokenSource(t, TokenSourceOptions{OnRefresh: func(ev RefreshEvent) {
		mu.Lock()
		phases = append(phases, ev.Phase)
		mu.Unlock()
	}})
	first, err := ts.Token()
	if err != nil {
		t.Fatal(err)
	}
	before := e.tokenRequests()

	e.clock.Advance(8*time.Minute + 59*time.Second) // just outside the 60 s margin
	if tok, err := ts.Token(); err != nil || tok.AccessToken != first.AccessToken || e.tokenRequests() != before {
		t.Fatalf("refreshed too early (err %v)", err)
	}
	e.clock.Advance(31 * time.Second) // inside the margin, not yet expired
	tok, err := ts.Token()
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken == first.AccessToken || e.tokenRequests() != before+1 {
		t.Fatal("no refresh inside the margin")
	}
	info := ts.Info()
	now := e.clock.Now()
	if !info.Expiry.Equal(now.Add(10*time.Minute)) || !info.RefreshedAt.Equal(now) || !info.HasRefreshToken {
		t.Errorf("info after refresh = %+v (now %v)", info, now)
	}
	// Saved before it was handed out.
	if a := e.stored(t, info.Email); a.Token.AccessToken != tok.AccessToken {
		t.Error("refreshed token not on disk")
	}
	// And it works against the API.
	client, err := hyperline.New(e.settings.APIURL, ts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.UserInfo(context.Background()); err != nil {
		t.Fatalf("user info with refreshed token: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(phases) != 2 || phases[0] != RefreshStarted || phases[1] != RefreshSucceeded {
		t.Errorf("refresh events = %v", phases)
	}
}

func TestTokenSourceRotationSurvivesRestart(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour}) // rotation is on by default
	e.login(t)
	email := e.sim.User().Email
	original := e.stored(t, email).Token.RefreshToken

	e.clock.Advance(time.Hour)
	if _, err := e.tokenSource(t, TokenSourceOptions{}).Token(); err != nil {
		t.Fatal(err)
	}
	rotated := e.stored(t, email).Token.RefreshToken
	if rotated == original || rotated == "" {
		t.Fatal("rotated refresh token not saved")
	}
	// "Restart": a new store and source on the same file, later on.
	e.clock.Advance(time.Hour)
	ts := e.tokenSource(t, TokenSourceOptions{Store: config.NewStore(e.store.Path())})
	if _, err := ts.Token(); err != nil {
		t.Fatalf("refresh after restart: %v", err)
	}
	if e.stored(t, email).Token.RefreshToken == rotated {
		t.Error("second rotation not saved")
	}
}

func TestTokenSourceKeepsRefreshTokenWithoutRotation(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour, NoRotation: true})
	e.login(t)
	email := e.sim.User().Email
	original := e.stored(t, email).Token.RefreshToken
	e.clock.Advance(time.Hour)
	if _, err := e.tokenSource(t, TokenSourceOptions{}).Token(); err != nil {
		t.Fatal(err)
	}
	if got := e.stored(t, email).Token.RefreshToken; got != original {
		t.Error("refresh token changed although the server did not rotate it")
	}
}

func TestTokenSourceRevokedRefreshNeedsLogin(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour})
	e.login(t)
	email := e.sim.User().Email
	chosen := e.sim.Companies()[2].ID
	if err := e.store.Update(func(s *config.Session) error {
		s.Account(e.settings.APIURL, email).CompanyID = chosen
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	failed := make(chan RefreshEvent, 4)
	ts := e.tokenSource(t, TokenSourceOptions{OnRefresh: func(ev RefreshEvent) {
		if ev.Phase == RefreshFailed {
			failed <- ev
		}
	}})
	e.sim.RevokeRefreshTokens()
	e.clock.Advance(time.Hour)

	_, err := ts.Token()
	if !errors.Is(err, ErrLoginRequired) {
		t.Fatalf("err = %v, want ErrLoginRequired", err)
	}
	if ev := <-failed; !errors.Is(ev.Err, ErrLoginRequired) || ev.Info.LoggedIn {
		t.Errorf("failure event = %+v", ev)
	}
	a := e.stored(t, email)
	if a == nil || a.LoggedIn() || a.CompanyID != chosen || len(a.Companies) == 0 {
		t.Fatalf("account after refused refresh = %+v", a)
	}
	// No more requests: the source knows login is required.
	before := e.tokenRequests()
	if _, err := ts.Token(); !errors.Is(err, ErrLoginRequired) || e.tokenRequests() != before {
		t.Errorf("second Token: err %v, %d new token requests", err, e.tokenRequests()-before)
	}
	// Logging in again lands back on the chosen company, and the running
	// source picks the new session up.
	res := e.login(t)
	if res.Account.CompanyID != chosen {
		t.Errorf("company after re-login = %q, want %q", res.Account.CompanyID, chosen)
	}
	if _, err := ts.Token(); err != nil {
		t.Errorf("source after re-login: %v", err)
	}
}

func TestTokenSourceNotLoggedIn(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	if _, err := NewTokenSource(TokenSourceOptions{Settings: e.settings, Store: e.store}); !errors.Is(err, ErrLoginRequired) {
		t.Fatalf("err = %v", err)
	}
}

// TestTokenSourceRetriesOn401 expires the token server-side only: the
// client, given the token source only, sees the 401, refreshes once and
// retries the request.
func TestTokenSourceRetriesOn401(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.login(t)
	ts := e.tokenSource(t, TokenSourceOptions{})
	client, err := hyperline.New(e.settings.APIURL, ts)
	if err != nil {
		t.Fatal(err)
	}
	e.sim.ExpireAccessTokens()
	before := e.tokenRequests()
	if _, err := client.UserInfo(context.Background()); err != nil {
		t.Fatalf("user info after server-side expiry: %v", err)
	}
	if got := e.tokenRequests() - before; got != 1 {
		t.Errorf("%d refreshes, want 1", got)
	}
	// A refused refresh surfaces as ErrLoginRequired through the client.
	e.sim.ExpireAccessTokens()
	e.sim.RevokeRefreshTokens()
	_, err = client.UserInfo(context.Background())
	if !errors.Is(err, ErrLoginRequired) {
		t.Errorf("err = %v, want ErrLoginRequired", err)
	}
}

// TestTokenSourceConcurrentStores is two hlx "processes" (each its own
// Store and TokenSource on one file) hammering an expired token at once,
// with rotation on: exactly one refresh may happen, or the loser would
// spend a dead refresh token and lose the session.
func TestTokenSourceConcurrentStores(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour})
	e.login(t)
	sources := []*TokenSource{
		e.tokenSource(t, TokenSourceOptions{Store: config.NewStore(e.store.Path())}),
		e.tokenSource(t, TokenSourceOptions{Store: config.NewStore(e.store.Path())}),
	}
	e.clock.Advance(2 * time.Hour)
	before := e.tokenRequests()

	const perSource = 8
	tokens := make(chan string, 2*perSource)
	var wg sync.WaitGroup
	for _, ts := range sources {
		for range perSource {
			wg.Add(1)
			go func() {
				defer wg.Done()
				tok, err := ts.Token()
				if err != nil {
					t.Error(err)
					return
				}
				tokens <- tok.AccessToken
			}()
		}
	}
	wg.Wait()
	close(tokens)
	seen := map[string]bool{}
	for tok := range tokens {
		seen[tok] = true
	}
	if len(seen) != 1 {
		t.Errorf("%d different access tokens handed out, want 1", len(seen))
	}
	if got := e.tokenRequests() - before; got != 1 {
		t.Errorf("%d refresh requests, want 1", got)
	}
	a := e.stored(t, e.sim.User().Email)
	if !a.LoggedIn() || !seen[a.Token.AccessToken] {
		t.Fatal("session lost or stale after concurrent refresh")
	}
	// The stored refresh token is the live one.
	e.clock.Advance(2 * time.Hour)
	if _, err := sources[0].Token(); err != nil {
		t.Errorf("refresh with the stored token: %v", err)
	}
}

// TestTokenSourceOfflineKeepsUsableToken: a refresh that fails for network
// reasons inside the margin still hands out the not-yet-expired token.
func TestTokenSourceOfflineKeepsUsableToken(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: 10 * time.Minute})
	e.login(t)
	ts := e.tokenSource(t, TokenSourceOptions{HTTPClient: &http.Client{Transport: failingTransport{}}})
	held, _ := ts.Token()
	e.clock.Advance(9*time.Minute + 30*time.Second)
	tok, err := ts.Token()
	if err != nil || tok.AccessToken != held.AccessToken {
		t.Fatalf("inside the margin offline: %v", err)
	}
	e.clock.Advance(time.Minute) // expired now
	if _, err := ts.Token(); err == nil || errors.Is(err, ErrLoginRequired) {
		t.Errorf("expired and offline: err = %v, want a network error", err)
	}
	if !e.stored(t, e.sim.User().Email).LoggedIn() {
		t.Error("a network failure cleared the tokens")
	}
}

func TestRefreshMargin(t *testing.T) {
	t.Parallel()
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		ttl, want time.Duration
	}{
		{24 * time.Hour, time.Minute},
		{10 * time.Minute, time.Minute},
		{5 * time.Minute, 30 * time.Second},
		{10 * time.Second, time.Second},
	} {
		tok := config.Token{AccessToken: "x", IssuedAt: base, Expiry: base.Add(tt.ttl)}
		if got := refreshMargin(tok); got != tt.want {
			t.Errorf("margin(%v) = %v, want %v", tt.ttl, got, tt.want)
		}
	}
	if !fresh(config.Token{AccessToken: "x"}, base) {
		t.Error("token without expiry is not fresh")
	}
	var _ oauth2.TokenSource = (*TokenSource)(nil)
}

// TestTokenSourceReportsCorruptSession: a session file that cannot be read
// is moved aside by the store; the "login required" that follows must say
// so, or the user never learns where their session went.
func TestTokenSourceReportsCorruptSession(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.login(t)
	if err := os.WriteFile(e.store.Path(), []byte("{garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := NewTokenSource(TokenSourceOptions{Settings: e.settings, Store: e.store})
	if !errors.Is(err, ErrLoginRequired) || !errors.As(err, new(*config.CorruptError)) || !strings.Contains(err.Error(), "moved it to") {
		t.Fatalf("err = %v, want login required naming the moved-aside file", err)
	}
}
