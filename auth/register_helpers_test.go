package auth

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// dynEnv is a world with no app configured: hlx registers itself. The
// simulator is strict (no LoopbackAnyPort) and serves through front, so a
// test can hold or replace answers.
type dynEnv struct {
	sim      *simulator.Server
	url      string
	settings config.Settings
	store    *config.Store
	clock    *testClock
	ports    []string // three free loopback callbacks, registered as a set
	rec      *bodyRecorder
	front    func(w http.ResponseWriter, r *http.Request) bool // true: answered
}

func newDynEnv(t *testing.T, cfg simulator.Config) *dynEnv {
	t.Helper()
	clock := newTestClock()
	if cfg.Now == nil {
		cfg.Now = clock.Now
	}
	e := &dynEnv{sim: simulator.New(cfg), clock: clock, rec: &bodyRecorder{base: http.DefaultTransport}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if e.front != nil && e.front(w, r) {
			return
		}
		e.sim.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	apiURL, err := config.NormalizeAPIURL(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	e.url = apiURL
	e.settings = config.Settings{APIURL: apiURL, RedirectURI: config.DefaultRedirectURI,
		Sources: config.Sources{RedirectURI: config.SourceDefault}}
	e.store = config.NewStore(filepath.Join(t.TempDir(), "hlx", "session.json"))
	e.ports = freeCallbacks(t, 3)
	return e
}

// freeCallbacks returns n loopback callback URIs on ports free right now.
func freeCallbacks(t *testing.T, n int) []string {
	t.Helper()
	var lns []net.Listener
	var out []string
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		lns = append(lns, ln)
		out = append(out, "http://"+ln.Addr().String()+"/callback")
	}
	for _, ln := range lns {
		ln.Close()
	}
	return out
}

// options are the login options of this world, with an approving browser.
func (e *dynEnv) options(t *testing.T, events *[]Event) LoginOptions {
	t.Helper()
	open, _ := scriptedBrowser(t, true, nil)
	var mu sync.Mutex
	return LoginOptions{
		Settings: e.settings, Store: e.store, OpenBrowser: open, Now: e.clock.Now, Timeout: 30 * time.Second,
		HTTPClient: &http.Client{Transport: e.rec}, RegisterRedirectURIs: e.ports,
		Progress: func(ev Event) {
			if events != nil {
				mu.Lock()
				*events = append(*events, ev)
				mu.Unlock()
			}
		},
	}
}

// login logs in and fails the test on error.
func (e *dynEnv) login(t *testing.T) *LoginResult {
	t.Helper()
	res, err := Login(context.Background(), e.options(t, nil))
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	return res
}

// registrations counts the POSTs to /oauth/register that got an answer.
func (e *dynEnv) registrations() int { return posts(e.sim, "/oauth/register") }

// bodyRecorder keeps the body of every request hlx sends, so a test can
// prove no secret left the machine.
type bodyRecorder struct {
	base   http.RoundTripper
	mu     sync.Mutex
	bodies []string
}

func (b *bodyRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		data, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(data))
		b.mu.Lock()
		b.bodies = append(b.bodies, req.URL.Path+" "+string(data))
		b.mu.Unlock()
	}
	return b.base.RoundTrip(req)
}

// sent returns the recorded bodies that contain sub.
func (b *bodyRecorder) sent(sub string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, s := range b.bodies {
		if strings.Contains(s, sub) {
			out = append(out, s)
		}
	}
	return out
}

// account returns the account as saved on disk.
func (e *dynEnv) account(t *testing.T, email string) *config.Account {
	t.Helper()
	return storedAccount(t, e.store, e.url, email)
}

// client is an HTTP client whose requests b records.
func (b *bodyRecorder) client() *http.Client { return &http.Client{Transport: b} }
