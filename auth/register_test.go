package auth

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestLoginRegistersOnceThenReuses: with no app configured the first
// login registers hlx (once), logs in as a public client with PKCE S256
// and no secret, and saves the registration 0600 in a 0700 directory; the
// second login reuses it without registering.
func TestLoginRegistersOnceThenReuses(t *testing.T) {
	t.Parallel()
	e := newDynEnv(t, simulator.Config{})
	var events []Event
	opts := e.options(t, &events)
	open, visits := scriptedBrowser(t, true, nil)
	opts.OpenBrowser = open
	res, err := Login(context.Background(), opts)
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	v := <-visits
	q := v.authorizeURL.Query()
	clients := e.sim.DynamicClients()
	if len(clients) != 1 || e.registrations() != 1 {
		t.Fatalf("registered %v in %d requests, want one", clients, e.registrations())
	}
	if q.Get("client_id") != clients[0] || q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" ||
		q.Get("redirect_uri") != e.ports[0] {
		t.Fatalf("authorize query %v", q)
	}
	if !res.Registered || res.Client != "hlx, registered dynamically (public client dyn_…)" {
		t.Fatalf("result: registered %v, client %q", res.Registered, res.Client)
	}
	if a := res.Account; a.ClientID != clients[0] || !a.PublicClient {
		t.Fatalf("account client %q public %v", a.ClientID, a.PublicClient)
	}
	var registering, registered int
	for _, ev := range events {
		switch ev.(type) {
		case EventRegistering:
			registering++
		case EventRegistered:
			registered++
		}
	}
	if registering != 1 || registered != 1 {
		t.Fatalf("events: %d registering, %d registered", registering, registered)
	}
	if s := e.rec.sent("secret"); len(s) != 0 {
		t.Fatalf("a secret was sent: %q", s)
	}
	reg, ok, err := e.store.Registrations().Get(e.url)
	if err != nil || !ok || reg.ClientID != clients[0] || !slices.Equal(reg.RedirectURIs, e.ports) || reg.IssuedAt.IsZero() || reg.APIURL != e.url {
		t.Fatalf("stored registration %+v %v %v", reg, ok, err)
	}
	path := e.store.Registrations().Path()
	assertMode(t, path, 0o600)
	assertMode(t, filepath.Dir(path), 0o700)

	res = e.login(t)
	if got := e.sim.DynamicClients(); e.registrations() != 1 || len(got) != 1 || res.Registered {
		t.Fatalf("second login registered again: %v (%d requests)", got, e.registrations())
	}
	if res.Account.ClientID != clients[0] {
		t.Fatalf("second login used client %q, want %q", res.Account.ClientID, clients[0])
	}
}

// TestLoginFallsBackToARegisteredPort: with the first port busy, the login
// listens on the next one of the registered set, and the server accepts
// it because it was registered.
func TestLoginFallsBackToARegisteredPort(t *testing.T) {
	t.Parallel()
	e := newDynEnv(t, simulator.Config{})
	u, _ := url.Parse(e.ports[0])
	ln, err := net.Listen("tcp", u.Host)
	if err != nil {
		t.Skipf("port %s taken meanwhile: %v", u.Host, err)
	}
	defer ln.Close()
	opts := e.options(t, nil)
	open, visits := scriptedBrowser(t, true, nil)
	opts.OpenBrowser = open
	if _, err := Login(context.Background(), opts); err != nil {
		t.Fatalf("login: %v", err)
	}
	if got := (<-visits).authorizeURL.Query().Get("redirect_uri"); got != e.ports[1] {
		t.Fatalf("redirect_uri %s, want the fallback %s", got, e.ports[1])
	}
	reg, _, _ := e.store.Registrations().Get(e.url)
	if !slices.Equal(reg.RedirectURIs, e.ports) {
		t.Fatalf("registered %v, want the whole set %v", reg.RedirectURIs, e.ports)
	}
}

// TestLoginReregistersUnknownClientOnce: the server forgot hlx's client
// (expired, or a restarted simulator): the next login registers again,
// once, replaces the stored registration and logs in.
func TestLoginReregistersUnknownClientOnce(t *testing.T) {
	t.Parallel()
	e := newDynEnv(t, simulator.Config{})
	first := e.login(t).Account.ClientID
	e.sim.ForgetDynamicClients()
	e.sim.ResetRequests()
	res := e.login(t)
	if e.registrations() != 1 || !res.Registered || res.Account.ClientID == first {
		t.Fatalf("registrations %d, registered %v, client %q (was %q)", e.registrations(), res.Registered, res.Account.ClientID, first)
	}
	reg, _, _ := e.store.Registrations().Get(e.url)
	if reg.ClientID != res.Account.ClientID {
		t.Fatalf("stored %q, logged in with %q", reg.ClientID, res.Account.ClientID)
	}
	// A server that refuses every client never loops: one registration,
	// then the login fails with the server's refusal.
	e.sim.ResetRequests()
	e.front = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/oauth/tokens" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"error":"invalid_client","error_description":"Unknown client"}`))
			return true
		}
		return false
	}
	_, err := Login(context.Background(), e.options(t, nil))
	var oe *OAuthError
	if !errors.As(err, &oe) || !oe.invalidClient() || e.registrations() != 1 {
		t.Fatalf("err %v after %d registrations, want invalid_client after one", err, e.registrations())
	}
	if _, ok, _ := e.store.Registrations().Get(e.url); ok {
		t.Error("the refused registration is still stored")
	}
}

// TestLoginRegistrationFailures: 404 (no dynamic registration) says how
// to register an app and matches ErrNotConfigured; 400 shows the
// server's error_description, terminal-safe; a network failure says so.
// The browser never opens and nothing is saved.
func TestLoginRegistrationFailures(t *testing.T) {
	t.Parallel()
	noBrowser := func(string) error { t.Error("browser opened after a failed registration"); return nil }
	check := func(t *testing.T, e *dynEnv, err error, wants ...string) {
		t.Helper()
		if err == nil {
			t.Fatal("login succeeded")
		}
		for _, w := range wants {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("error %q does not say %q", err, w)
			}
		}
		for _, p := range []string{e.store.Path(), e.store.Registrations().Path()} {
			if _, serr := os.Stat(p); !errors.Is(serr, os.ErrNotExist) {
				t.Errorf("%s was written: %v", p, serr)
			}
		}
	}
	t.Run("404", func(t *testing.T) {
		t.Parallel()
		e := newDynEnv(t, simulator.Config{NoRegistration: true})
		opts := e.options(t, nil)
		opts.OpenBrowser = noBrowser
		_, err := Login(context.Background(), opts)
		check(t, e, err, "404", "hlx apps create --save", config.EnvClientID)
		if !errors.Is(err, ErrNotConfigured) {
			t.Errorf("err %v does not match ErrNotConfigured", err)
		}
	})
	t.Run("400", func(t *testing.T) {
		t.Parallel()
		e := newDynEnv(t, simulator.Config{})
		e.front = func(w http.ResponseWriter, r *http.Request) bool {
			if r.URL.Path != "/oauth/register" {
				return false
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"error":"invalid_redirect_uri","error_description":"Redirect URI must use HTTPS.\u001b]52;c;aGk=\u0007\u001b[2J"}`))
			return true
		}
		opts := e.options(t, nil)
		opts.OpenBrowser = noBrowser
		_, err := Login(context.Background(), opts)
		check(t, e, err, "Redirect URI must use HTTPS.", "invalid_redirect_uri")
		if strings.ContainsAny(err.Error(), "\x1b\x07") {
			t.Errorf("escape sequences reached the message: %q", err)
		}
		if errors.Is(err, ErrNotConfigured) {
			t.Error("a 400 reads as an environment without registration")
		}
	})
	t.Run("network", func(t *testing.T) {
		t.Parallel()
		e := newDynEnv(t, simulator.Config{})
		opts := e.options(t, nil)
		opts.OpenBrowser = noBrowser
		opts.HTTPClient = &http.Client{Transport: failingTransport{}}
		_, err := Login(context.Background(), opts)
		check(t, e, err, "could not reach the server", "network is unreachable")
	})
}

// TestPublicClientRefreshAndLogout: the tokens of a registered login
// refresh with client_id alone; logout sends client_id and the token, and
// where the server refuses (the spec wants a secret) the tokens are still
// deleted here and the warning says the server kept them valid.
func TestPublicClientRefreshAndLogout(t *testing.T) {
	t.Parallel()
	e := newDynEnv(t, simulator.Config{AccessTTL: time.Hour})
	res := e.login(t)
	e.clock.Advance(2 * time.Hour)
	ts, err := NewTokenSource(TokenSourceOptions{Settings: e.settings, Store: e.store, Now: e.clock.Now,
		HTTPClient: &http.Client{Transport: e.rec}})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := ts.Token()
	if err != nil || tok.AccessToken == res.Account.Token.AccessToken {
		t.Fatalf("refresh: %v (same token: %v)", err, tok != nil && tok.AccessToken == res.Account.Token.AccessToken)
	}
	if got := e.rec.sent(`"grant_type":"refresh_token"`); len(got) != 1 || strings.Contains(got[0], "secret") {
		t.Fatalf("refresh requests %q", got)
	}
	held := e.account(t, res.Account.Email).Token.RefreshToken

	out, err := Logout(context.Background(), LogoutOptions{Settings: e.settings, Store: e.store, HTTPClient: &http.Client{Transport: e.rec}})
	if err != nil {
		t.Fatal(err)
	}
	var refused *PublicRevokeRefusedError
	if len(out.Accounts) != 1 || out.Accounts[0].Revoked || !errors.As(out.Accounts[0].Warning, &refused) ||
		!strings.Contains(refused.Error(), "keeps them valid") {
		t.Fatalf("logout %+v", out.Accounts)
	}
	if revokes := e.rec.sent(`"token":`); len(revokes) == 0 || strings.Contains(strings.Join(revokes, " "), "secret") {
		t.Fatalf("revoke requests %q", revokes)
	}
	if e.account(t, res.Account.Email) != nil {
		t.Fatal("the account is still saved after logout")
	}
	// The server kept the refresh token valid, as the user was told.
	rt, err := newEndpoint(e.settings, nil, e.clock.Now).as(res.Account.ClientID, "").refresh(context.Background(), held)
	if err != nil || rt.AccessToken == "" {
		t.Fatalf("refresh after a refused revoke: %v", err)
	}

	// A server that lets public clients revoke (RFC 7009) is used.
	e2 := newDynEnv(t, simulator.Config{PublicRevoke: true})
	e2.login(t)
	out, err = Logout(context.Background(), LogoutOptions{Settings: e2.settings, Store: e2.store})
	if err != nil || len(out.Accounts) != 1 || !out.Accounts[0].Revoked || out.Accounts[0].Warning != nil {
		t.Fatalf("logout with public revoke: %+v %v", out, err)
	}
}

// TestConcurrentLoginsRegisterOnce: two logins at once (two stores on one
// directory, as two hlx processes) register once: the first holds the
// registration store's lock across its POST /oauth/register, the second
// waits and reuses what it saved. The first registration is held until
// both logins listen, so both reach the store together.
func TestConcurrentLoginsRegisterOnce(t *testing.T) {
	t.Parallel()
	e := newDynEnv(t, simulator.Config{})
	release := make(chan struct{})
	var once sync.Once
	e.front = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/oauth/register" {
			once.Do(func() { <-release })
		}
		return false
	}
	results := make(chan error, 2)
	listening := make(chan struct{}, 2)
	for range 2 {
		opts := e.options(t, nil)
		opts.Store = config.NewStore(e.store.Path())
		opts.Progress = func(ev Event) {
			if _, ok := ev.(EventListening); ok {
				listening <- struct{}{}
			}
		}
		go func() {
			_, err := Login(context.Background(), opts)
			results <- err
		}()
	}
	// Both logins listen before they look for a registration.
	for range 2 {
		select {
		case <-listening:
		case err := <-results:
			t.Fatalf("a login ended early: %v", err)
		}
	}
	close(release)
	for range 2 {
		if err := <-results; err != nil {
			t.Fatalf("login: %v", err)
		}
	}
	if got := e.sim.DynamicClients(); len(got) != 1 || e.registrations() != 1 {
		t.Fatalf("two logins registered %v in %d requests, want once", got, e.registrations())
	}
}

// TestRefreshAfterTheServerForgotTheClient: a refresh refused with
// invalid_client ends the session (login required) and forgets the stored
// registration, so the next login registers again at once.
func TestRefreshAfterTheServerForgotTheClient(t *testing.T) {
	t.Parallel()
	e := newDynEnv(t, simulator.Config{AccessTTL: time.Hour})
	e.login(t)
	e.sim.ForgetDynamicClients()
	e.clock.Advance(2 * time.Hour)
	ts, err := NewTokenSource(TokenSourceOptions{Settings: e.settings, Store: e.store, Now: e.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.Token(); !errors.Is(err, ErrLoginRequired) || !strings.Contains(err.Error(), "register again") {
		t.Fatalf("refresh: %v", err)
	}
	if _, ok, _ := e.store.Registrations().Get(e.url); ok {
		t.Fatal("the unknown registration is still stored")
	}
	e.sim.ResetRequests()
	if res := e.login(t); !res.Registered || e.registrations() != 1 {
		t.Fatalf("next login: registered %v, %d registrations", res.Registered, e.registrations())
	}
}
