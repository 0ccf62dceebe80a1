package faults

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// origin answers every request with a small JSON list.
func origin(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"data":[{"id":"cus_1","name":"Acme"},{"id":"cus_2","name":"Globex"}]}`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestProxyFaults(t *testing.T) {
	t.Parallel()
	p, err := Start(origin(t))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	get := func(path string, timeout time.Duration) (*http.Response, []byte, error) {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, p.URL+path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		return resp, body, err
	}
	validJSON := func(b []byte) bool { return json.Valid(b) }

	// No rule: forwarded.
	if resp, body, err := get("/v2/customers", time.Second); err != nil || resp.StatusCode != 200 || !validJSON(body) {
		t.Fatalf("forwarded: %v %v %s", resp, err, body)
	}
	p.Set(Rule{Kind: Unavailable, Count: 1})
	if resp, _, _ := get("/v2/customers", time.Second); resp.StatusCode != 503 {
		t.Errorf("503: status %d", resp.StatusCode)
	}
	if resp, _, _ := get("/v2/customers", time.Second); resp.StatusCode != 200 {
		t.Errorf("after a burst of one: status %d", resp.StatusCode)
	}
	p.Set(Rule{Kind: RateLimited, RetryAfter: 7})
	if resp, _, _ := get("/v2/customers", time.Second); resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "7" {
		t.Errorf("429: %d, Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if resp, _, err := get("/oauth/tokens", time.Second); err != nil || resp.StatusCode != 200 {
		t.Errorf("the OAuth endpoints are spared by default: %v %v", resp, err)
	}
	p.Set(Rule{Kind: Reset})
	if _, _, err := get("/v2/customers", time.Second); err == nil || !strings.Contains(err.Error(), "reset") && !errors.Is(err, io.EOF) {
		t.Errorf("reset: err = %v", err)
	}
	p.Set(Rule{Kind: Truncated})
	if _, _, err := get("/v2/customers", time.Second); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("truncated: err = %v", err)
	}
	p.Set(Rule{Kind: Malformed})
	if resp, body, err := get("/v2/customers", time.Second); err != nil || resp.StatusCode != 200 || validJSON(body) {
		t.Errorf("malformed: %v %s", err, body)
	}
	p.Set(Rule{Kind: HostileError})
	if resp, body, _ := get("/v2/customers", time.Second); resp.StatusCode != 500 || !strings.Contains(string(body), `\u001b]52`) {
		t.Errorf("hostile error: %d %s", resp.StatusCode, body)
	}
	p.Set(Rule{Kind: Slow, Delay: 50 * time.Millisecond})
	start := time.Now()
	if resp, _, err := get("/v2/customers", time.Second); err != nil || resp.StatusCode != 200 || time.Since(start) < 50*time.Millisecond {
		t.Errorf("slow: %v after %s", err, time.Since(start))
	}
	p.Set(Rule{Kind: Hang})
	if _, _, err := get("/v2/customers", 100*time.Millisecond); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("hang: err = %v", err)
	}
	if p.Injected(Unavailable) != 1 || p.Injected(Hang) != 1 {
		t.Errorf("injected 503 %d, hang %d", p.Injected(Unavailable), p.Injected(Hang))
	}
}

// TestProxyCloseEndsHangingRequests: Close does not wait for a request
// that hangs by design.
func TestProxyCloseEndsHangingRequests(t *testing.T) {
	t.Parallel()
	p, err := Start(origin(t))
	if err != nil {
		t.Fatal(err)
	}
	p.Set(Rule{Kind: Hang})
	done := make(chan error, 1)
	go func() {
		resp, err := http.Get(p.URL + "/v1/companies")
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	<-p.Events() // the request has arrived and hangs
	p.Close()
	if err := <-done; err == nil {
		t.Error("the hanging request got an answer")
	}
}
