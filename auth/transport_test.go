package auth

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestTransportRetriesOnceAndNeverReplaysAConsumedBody runs the 401
// transport against an API that refuses every token: each request is
// retried at most once, after one refresh, and a request whose body cannot
// be sent again is not retried at all.
func TestTransportRetriesOnceAndNeverReplaysAConsumedBody(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.login(t)
	ts := e.tokenSource(t, TokenSourceOptions{})

	var (
		mu     sync.Mutex
		bodies []string
	)
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		http.Error(w, `{"message":"Invalid token"}`, http.StatusUnauthorized)
	}))
	defer api.Close()
	hc := &http.Client{Transport: ts.Transport(nil)}
	send := func(method string, body io.Reader) (status, requests, refreshes int, sent []string) {
		t.Helper()
		mu.Lock()
		bodies = nil
		mu.Unlock()
		before := e.tokenRequests()
		tok, err := ts.Token()
		if err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequest(method, api.URL+"/v1/companies", body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
		resp, err := hc.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		resp.Body.Close()
		mu.Lock()
		defer mu.Unlock()
		return resp.StatusCode, len(bodies), e.tokenRequests() - before, append([]string(nil), bodies...)
	}

	if status, requests, refreshes, _ := send(http.MethodGet, nil); status != 401 || requests != 2 || refreshes != 1 {
		t.Errorf("GET always refused: status %d after %d requests and %d refreshes, want 401, 2, 1", status, requests, refreshes)
	}
	// A body package http can rewind (GetBody) is sent again, whole.
	if status, requests, _, sent := send(http.MethodPost, strings.NewReader("payload")); status != 401 || requests != 2 || sent[1] != "payload" {
		t.Errorf("rewindable POST: status %d, %d requests, bodies %q", status, requests, sent)
	}
	// A streamed body was consumed by the first attempt: no retry, no refresh.
	if status, requests, refreshes, _ := send(http.MethodPost, io.NopCloser(strings.NewReader("stream"))); status != 401 || requests != 1 || refreshes != 0 {
		t.Errorf("streamed POST: status %d after %d requests and %d refreshes, want 401, 1, 0", status, requests, refreshes)
	}
}
