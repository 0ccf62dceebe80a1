package debuglog

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// tokenBody is what an OAuth token endpoint answers, secrets and all.
const tokenBody = `{"access_token":"SECRET-A","refresh_token":"SECRET-R","token_type":"Bearer","expires_in":3600}`

// secrets are every value the tests send or receive that must stay out of
// the log.
var secrets = []string{"SECRET-A", "SECRET-R", "SECRET-B", "SECRET-C", "SECRET-S", "SECRET-CS",
	"SECRET-R2", "SECRET-E", "SECRET-H", "SECRET-K", "SECRET-CK"}

// newEchoServer plays Hyperline at its most indiscreet: it echoes tokens in
// headers and bodies, and puts a secret in its error body.
func newEchoServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Limit", "100")
		w.Header().Set("X-RateLimit-Remaining", "7")
		w.Header().Set("RateLimit-Reset", "30")
		w.Header().Set("X-Request-Id", "req_42")
		w.Header().Set("Set-Cookie", "session=SECRET-CK")
		w.Header().Set("Hyperline-Secret", "SECRET-H")
		w.Header().Set("Authorization", r.Header.Get("Authorization"))
		switch r.URL.Path {
		case "/v1/oauth/tokens":
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, tokenBody)
		case "/v1/oauth/tokens/bad":
			w.Header().Set("Retry-After", "30")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"message":"refresh token SECRET-R2 is unknown, Bearer SECRET-E","refresh_token":"SECRET-R2",`+
				`"detail":"key=SECRET-K \u001b[2J","padding":"`+strings.Repeat("x", 5000)+`"}`)
		case "/v1/customers":
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = io.WriteString(w, "slow down\x1b]52;c;aGVsbG8=\x07 "+r.URL.RawQuery)
		default:
			_, _ = io.WriteString(w, "ok")
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// records decodes a log, one JSON object per line.
func records(t *testing.T, log []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(log))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("log line %q: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

func TestTransportRedacts(t *testing.T) {
	t.Parallel()
	srv := newEchoServer(t)
	var log bytes.Buffer
	recent := NewRecent(10)
	client := &http.Client{Transport: New(&log, WithRecent(recent)).Transport(nil)}

	do := func(ctx context.Context, method, path, body string) string {
		t.Helper()
		req, err := http.NewRequestWithContext(ctx, method, srv.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer SECRET-B")
		req.Header.Set("Cookie", "session=SECRET-CK")
		req.Header.Set("Hyperline-CompanyId", "comp_1")
		req.Header.Set("Hyperline-Secret", "SECRET-H")
		if strings.HasPrefix(body, "{") {
			req.Header.Set("Content-Type", "application/json")
		} else if body != "" {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		got, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return string(got)
	}

	ctx := context.Background()
	if got := do(ctx, "POST", "/v1/oauth/tokens", "grant_type=authorization_code&code=SECRET-C&code_verifier=SECRET-S&client_id=app_1&client_secret=SECRET-CS"); got != tokenBody {
		t.Errorf("token body = %q", got)
	}
	bad := do(WithAttempt(ctx, 2), "POST", "/v1/oauth/tokens/bad", `{"grant_type":"refresh_token","client_secret":"SECRET-CS","refresh_token":"SECRET-R2"}`)
	if !strings.Contains(bad, "SECRET-R2") || !strings.HasSuffix(bad, `x"}`) || len(bad) < 5000 {
		t.Errorf("the caller did not get the whole error body: %d bytes", len(bad))
	}
	do(ctx, "GET", "/v1/customers?code=SECRET-C&state=SECRET-S&access_token=SECRET-A&limit=50&search=Acme", "")

	out := log.String()
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("log holds %s:\n%s", s, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("log holds terminal controls:\n%s", out)
	}
	recs := records(t, log.Bytes())
	if len(recs) != 3 {
		t.Fatalf("%d records, want 3:\n%s", len(recs), out)
	}
	for _, r := range recs {
		for _, field := range []string{"time", "method", "host", "path", "status", "duration"} {
			if _, ok := r[field]; !ok {
				t.Errorf("record lacks %s: %v", field, r)
			}
		}
		if r["company"] != "comp_1" || r["request_id"] != "req_42" {
			t.Errorf("record = %v", r)
		}
		if rl, _ := r["rate_limit"].(map[string]any); rl["X-Ratelimit-Remaining"] != "7" || rl["Ratelimit-Reset"] != "30" {
			t.Errorf("rate limit = %v", r["rate_limit"])
		}
	}
	if got, want := recs[0]["form"], "client_id=app_1 client_secret=[redacted] code=[redacted] code_verifier=[redacted] grant_type=authorization_code"; got != want {
		t.Errorf("form = %q, want %q", got, want)
	}
	if recs[0]["method"] != "POST" || recs[0]["path"] != "/v1/oauth/tokens" || recs[0]["status"] != 200.0 || recs[0]["message"] != nil {
		t.Errorf("first record = %v", recs[0])
	}
	second := recs[1]
	if second["attempt"] != 2.0 || second["status"] != 400.0 {
		t.Errorf("second record = %v", second)
	}
	if got, want := second["form"], "client_secret=[redacted] grant_type=refresh_token refresh_token=[redacted]"; got != want {
		t.Errorf("form = %q, want %q", got, want)
	}
	if rl, _ := second["rate_limit"].(map[string]any); rl["Retry-After"] != "30" {
		t.Errorf("rate limit = %v", second["rate_limit"])
	}
	if msg, _ := second["message"].(string); !strings.Contains(msg, "is unknown") || len(msg) > maxMessage+len("…") {
		t.Errorf("message = %q", msg)
	}
	third := recs[2]
	if got, want := third["query"], "access_token=[redacted]&code=[redacted]&limit=50&search=Acme&state=[redacted]"; got != want {
		t.Errorf("query = %q, want %q", got, want)
	}
	if msg, _ := third["message"].(string); !strings.HasPrefix(msg, "slow down␛]52;c;") {
		t.Errorf("message = %q", msg)
	}

	snap := recent.Snapshot()
	if len(snap) != 3 || !snap[1].Failed() || snap[0].Failed() || snap[1].Attempt != 2 || snap[1].Duration <= 0 {
		t.Errorf("recent = %+v", snap)
	}
}

type failingTransport struct{}

func (failingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, errors.New(`dial tcp: refused for ` + r.URL.String() + ` with Bearer SECRET-B`)
}

func TestTransportError(t *testing.T) {
	t.Parallel()
	var log bytes.Buffer
	client := &http.Client{Transport: New(&log).Transport(failingTransport{})}
	_, err := client.Get("https://api.example/v1/oauth/tokens?code=SECRET-C&state=SECRET-S")
	if err == nil {
		t.Fatal("no error")
	}
	recs := records(t, log.Bytes())
	if len(recs) != 1 {
		t.Fatalf("log = %s", log.String())
	}
	msg, _ := recs[0]["error"].(string)
	if !strings.Contains(msg, "dial tcp: refused") {
		t.Errorf("error = %q", msg)
	}
	for _, s := range secrets {
		if strings.Contains(log.String(), s) {
			t.Errorf("log holds %s: %s", s, log.String())
		}
	}
}

// lockedCheck fails the test if two writes ever overlap.
type lockedCheck struct {
	mu     sync.Mutex
	inside bool
	buf    bytes.Buffer
	t      *testing.T
}

func (w *lockedCheck) Write(p []byte) (int, error) {
	w.mu.Lock()
	if w.inside {
		w.t.Error("concurrent Write")
	}
	w.inside = true
	w.mu.Unlock()
	n, _ := w.buf.Write(p) // unguarded on purpose: -race reports overlap
	w.mu.Lock()
	w.inside = false
	w.mu.Unlock()
	return n, nil
}

func TestTransportConcurrent(t *testing.T) {
	t.Parallel()
	srv := newEchoServer(t)
	w := &lockedCheck{t: t}
	recent := NewRecent(8)
	client := &http.Client{Transport: New(w, WithRecent(recent)).Transport(srv.Client().Transport)}
	const n = 40
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			path := "/v1/customers?page=1"
			if i%2 == 0 {
				path = "/v1/other"
			}
			resp, err := client.Get(srv.URL + path)
			if err != nil {
				t.Error(err)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			_ = recent.Snapshot()
		})
	}
	wg.Wait()
	if got := len(records(t, w.buf.Bytes())); got != n {
		t.Errorf("%d records, want %d", got, n)
	}
	if got := len(recent.Snapshot()); got != 8 {
		t.Errorf("recent keeps %d, want 8", got)
	}
}
