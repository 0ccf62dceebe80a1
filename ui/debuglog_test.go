package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/debuglog"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// secretSpy sits under the debug log and collects every secret that
// crosses the wire: bearer tokens, the OAuth request fields and the tokens
// in answers.
type secretSpy struct {
	base http.RoundTripper
	mu   sync.Mutex
	seen map[string]bool
}

func (s *secretSpy) add(v string) {
	if len(v) >= 8 { // short values ("bearer") are not secrets
		s.mu.Lock()
		s.seen[v] = true
		s.mu.Unlock()
	}
}

// addJSON collects the values of the secret fields of a JSON body.
func (s *secretSpy) addJSON(body []byte) {
	var m map[string]any
	if json.Unmarshal(body, &m) != nil {
		return
	}
	for _, k := range []string{"access_token", "refresh_token", "token", "code", "code_verifier", "client_secret"} {
		if v, ok := m[k].(string); ok {
			s.add(v)
		}
	}
}

func (s *secretSpy) RoundTrip(req *http.Request) (*http.Response, error) {
	if auth := req.Header.Get("Authorization"); auth != "" {
		_, tok, _ := strings.Cut(auth, " ")
		s.add(tok)
	}
	if req.Body != nil {
		body, _ := io.ReadAll(req.Body)
		req.Body.Close()
		s.addJSON(body)
		req.Body = io.NopCloser(bytes.NewReader(body))
	}
	resp, err := s.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	s.addJSON(body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// syncBuffer is a bytes.Buffer safe for the log's concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestDebugLogHoldsNoSecret runs a whole session through the debug log —
// login (code exchange), profile and companies, an API error, a refresh
// and a logout (two revokes) — and checks that no token, code, verifier or
// client secret that crossed the wire is in the log, while every step is.
func TestDebugLogHoldsNoSecret(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.2})
	spy := &secretSpy{base: http.DefaultTransport, seen: map[string]bool{}}
	var logged syncBuffer
	hc := &http.Client{Transport: debuglog.New(&logged).Transport(spy)}
	b := backend.New(backend.Options{Settings: env.settings, Store: env.store, HTTPClient: hc,
		OpenBrowser: scriptedBrowser(ctx, true)})

	acct, err := b.Login(ctx, func(LoginProgress) {})
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	if _, err := b.Customer(ctx, acct.Companies[0].ID, "cus_nosuchcustomer"); !errors.Is(err, hyperline.ErrNotFound) {
		t.Fatalf("unknown customer: %v", err)
	}
	if _, err := b.Refresh(ctx); err != nil {
		t.Fatalf("refresh: %v", err)
	}
	if err := b.Logout(ctx); err != nil {
		t.Fatalf("logout: %v", err)
	}

	log := logged.String()
	for _, step := range []string{`"/oauth/tokens"`, `"/oauth/userinfo"`, `"/v1/companies"`,
		`"/v2/customers/cus_nosuchcustomer"`, `"status":404`, `"/oauth/revoke"`, "grant_type=refresh_token"} {
		if !strings.Contains(log, step) {
			t.Errorf("the log lacks %s:\n%s", step, log)
		}
	}
	spy.mu.Lock()
	defer spy.mu.Unlock()
	if len(spy.seen) < 5 {
		t.Fatalf("only %d secrets crossed the wire; the spy missed some", len(spy.seen))
	}
	for secret := range spy.seen {
		if strings.Contains(log, secret) {
			t.Errorf("the debug log holds a secret (%d characters starting %.3s…)", len(secret), secret)
		}
	}
}
