package simulator

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// start runs a fresh simulator on a free loopback port for one test.
func start(t *testing.T, cfg Config) *Running {
	t.Helper()
	sim, err := Start("127.0.0.1:0", cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := sim.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return sim
}

// fakeClock is an injectable Config.Now.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// pkce returns a verifier and its S256 challenge.
func pkce(seed string) (verifier, challenge string) {
	verifier = strings.Repeat(seed, 43/len(seed)+1)[:43] + "-._~"
	sum := sha256.Sum256([]byte(verifier))
	return verifier, base64.RawURLEncoding.EncodeToString(sum[:])
}

const testRedirect = "http://127.0.0.1:8765/callback"

// authorizeURL builds the URL a client sends the browser to.
func authorizeURL(base string, app App, redirect, state, challenge string) string {
	q := url.Values{
		"client_id":     {app.ClientID},
		"redirect_uri":  {redirect},
		"response_type": {"code"},
		"state":         {state},
	}
	if challenge != "" {
		q.Set("code_challenge", challenge)
		q.Set("code_challenge_method", "S256")
	}
	return base + "/oauth/authorize?" + q.Encode()
}

// do sends a request and returns the status and body.
func do(t *testing.T, method, u string, header http.Header, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, u, body)
	if err != nil {
		t.Fatalf("build request: %v", err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return resp, b
}

// postJSON posts v as JSON.
func postJSON(t *testing.T, u string, v any) (*http.Response, []byte) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return do(t, http.MethodPost, u, http.Header{"Content-Type": {"application/json"}}, bytes.NewReader(b))
}

// get does an authenticated GET, with an optional company header.
func get(t *testing.T, u, token, company string) (*http.Response, []byte) {
	t.Helper()
	h := http.Header{}
	if token != "" {
		h.Set("Authorization", "Bearer "+token)
	}
	if company != "" {
		h.Set(companyHeader, company)
	}
	return do(t, http.MethodGet, u, h, nil)
}

// decode unmarshals a JSON body or fails the test.
func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	return v
}

// wantStatus fails the test unless resp has the given status.
func wantStatus(t *testing.T, resp *http.Response, body []byte, status int) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("%s %s: status %d, want %d; body %s", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, status, body)
	}
}

// wantMessage fails the test unless body is {"message": ...} containing sub.
func wantMessage(t *testing.T, body []byte, sub string) {
	t.Helper()
	m := decode[errorBody](t, body)
	if !strings.Contains(m.Message, sub) {
		t.Fatalf("message %q, want it to contain %q", m.Message, sub)
	}
}

// authorize runs the consent flow and returns the code.
func authorize(t *testing.T, sim *Running, challenge string) string {
	t.Helper()
	loc, err := Consent(context.Background(), nil, authorizeURL(sim.URL, sim.App(), testRedirect, "st4te", challenge), true)
	if err != nil {
		t.Fatalf("Consent: %v", err)
	}
	if got := loc.Query().Get("state"); got != "st4te" {
		t.Fatalf("state %q, want st4te", got)
	}
	code := loc.Query().Get("code")
	if code == "" {
		t.Fatalf("no code in %s", loc)
	}
	return code
}

// exchange trades a code for tokens; it fails the test on refusal.
func exchange(t *testing.T, sim *Running, code, verifier string) tokenResponse {
	t.Helper()
	app := sim.App()
	resp, body := postJSON(t, sim.URL+"/oauth/tokens", map[string]string{
		"client_id": app.ClientID, "client_secret": app.ClientSecret, "grant_type": "authorization_code",
		"code": code, "redirect_uri": testRedirect, "code_verifier": verifier,
	})
	wantStatus(t, resp, body, http.StatusOK)
	return decode[tokenResponse](t, body)
}

// login runs the whole flow with PKCE and returns the tokens.
func login(t *testing.T, sim *Running) tokenResponse {
	t.Helper()
	verifier, challenge := pkce("v3rifier")
	return exchange(t, sim, authorize(t, sim, challenge), verifier)
}

// refresh posts a refresh_token grant.
func refresh(t *testing.T, sim *Running, rt string) (*http.Response, []byte) {
	t.Helper()
	app := sim.App()
	return postJSON(t, sim.URL+"/oauth/tokens", map[string]string{
		"client_id": app.ClientID, "client_secret": app.ClientSecret, "grant_type": "refresh_token", "refresh_token": rt,
	})
}
