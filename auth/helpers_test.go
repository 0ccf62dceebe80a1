package auth

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// testClock is a settable clock shared by a simulator and the code under
// test, so token lifetimes pass without sleeping.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// env is one test's world: a simulator, settings for its app, and a
// session store in a temp dir.
type env struct {
	sim      *simulator.Running
	settings config.Settings
	store    *config.Store
	clock    *testClock
}

func newEnv(t *testing.T, cfg simulator.Config) *env {
	t.Helper()
	clock := newTestClock()
	if cfg.Now == nil {
		cfg.Now = clock.Now
	}
	// Parallel logins each listen on a free port (redirect URI port 0),
	// which the simulator accepts only with LoopbackAnyPort.
	cfg.LoopbackAnyPort = true
	sim, err := simulator.Start("127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	apiURL, err := config.NormalizeAPIURL(sim.URL)
	if err != nil {
		t.Fatal(err)
	}
	app := sim.App()
	return &env{
		sim: sim,
		settings: config.Settings{
			APIURL:       apiURL,
			ClientID:     app.ClientID,
			ClientSecret: app.ClientSecret,
			// Port 0: a free port per test; the simulator accepts any
			// loopback port on a registered callback path.
			RedirectURI: "http://127.0.0.1:0/callback",
		},
		store: config.NewStore(filepath.Join(t.TempDir(), "hlx", "session.json")),
		clock: clock,
	}
}

// browserVisit records what the scripted browser saw.
type browserVisit struct {
	authorizeURL *url.URL
	redirect     *url.URL // where the consent page sent the browser
	status       int      // the loopback callback's answer
	page         string
}

// scriptedBrowser plays the user's browser: it approves or denies on the
// simulator's consent page, optionally tampers with the redirect, then
// follows it to hlx's loopback listener.
func scriptedBrowser(t *testing.T, approve bool, tamper func(*url.URL)) (func(string) error, <-chan browserVisit) {
	t.Helper()
	visits := make(chan browserVisit, 1)
	return func(authURL string) error {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		var v browserVisit
		var err error
		if v.authorizeURL, err = url.Parse(authURL); err != nil {
			return err
		}
		v.redirect, err = simulator.Consent(ctx, nil, authURL, approve)
		if err != nil {
			t.Errorf("consent: %v", err)
			return err
		}
		if tamper != nil {
			tamper(v.redirect)
		}
		v.status, v.page = get(t, v.redirect.String())
		visits <- v
		return nil
	}, visits
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Errorf("GET callback: %v", err)
		return 0, ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// login runs a successful login with an approving scripted browser.
func (e *env) login(t *testing.T) *LoginResult {
	t.Helper()
	open, _ := scriptedBrowser(t, true, nil)
	res, err := Login(context.Background(), LoginOptions{
		Settings: e.settings, Store: e.store, OpenBrowser: open, Now: e.clock.Now, Timeout: 30 * time.Second,
	})
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	return res
}

// tokenRequests counts POSTs to the token endpoint.
func (e *env) tokenRequests() int { return posts(e.sim.Server, "/oauth/tokens") }

// posts counts the POSTs the simulator answered on paths ending in suffix.
func posts(sim *simulator.Server, suffix string) int {
	n := 0
	for _, r := range sim.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, suffix) {
			n++
		}
	}
	return n
}

// stored returns the account as saved on disk.
func (e *env) stored(t *testing.T, email string) *config.Account {
	t.Helper()
	return storedAccount(t, e.store, e.settings.APIURL, email)
}

// storedAccount loads an account from the store as saved on disk.
func storedAccount(t *testing.T, store *config.Store, apiURL, email string) *config.Account {
	t.Helper()
	s, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	return s.Account(apiURL, email)
}

func (e *env) tokenSource(t *testing.T, opts TokenSourceOptions) *TokenSource {
	t.Helper()
	opts.Settings, opts.Now = e.settings, e.clock.Now
	if opts.Store == nil {
		opts.Store = e.store
	}
	ts, err := NewTokenSource(opts)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s mode = %o, want %o", path, got, want)
	}
}

// failingTransport fails every request, as when offline.
type failingTransport struct{}

func (failingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("dial tcp: network is unreachable")
}

type configSession = config.Session

func fmtType(v any) string { return fmt.Sprintf("%T", v) }
