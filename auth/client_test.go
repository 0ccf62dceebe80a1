package auth

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestClientRetriesOnceAndSendsTheBodyAgain runs a client built with a
// token source, and nothing else, against an API that refuses every token:
// the one constructor installs both the token and the 401 retry, so each
// request is retried at most once, after one refresh, with its body whole
// and the new token. (The client holds every body it sends in memory, so
// the old transport's case of a streamed body that cannot be sent twice
// cannot arise.)
func TestClientRetriesOnceAndSendsTheBodyAgain(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.login(t)
	ts := e.tokenSource(t, TokenSourceOptions{})

	var (
		mu      sync.Mutex
		bodies  []string
		bearers []string
	)
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		bearers = append(bearers, r.Header.Get("Authorization"))
		mu.Unlock()
		http.Error(w, `{"message":"Invalid token"}`, http.StatusUnauthorized)
	}))
	defer api.Close()
	client, err := hyperline.New(api.URL, ts)
	if err != nil {
		t.Fatal(err)
	}
	send := func(call func() error) (requests, refreshes int, sent, auth []string, err error) {
		t.Helper()
		mu.Lock()
		bodies, bearers = nil, nil
		mu.Unlock()
		before := e.tokenRequests()
		err = call()
		mu.Lock()
		defer mu.Unlock()
		return len(bodies), e.tokenRequests() - before, append([]string(nil), bodies...), append([]string(nil), bearers...), err
	}

	ctx := context.Background()
	requests, refreshes, _, auth, err := send(func() error { _, err := client.UserInfo(ctx); return err })
	if !errors.Is(err, hyperline.ErrUnauthorized) || requests != 2 || refreshes != 1 {
		t.Errorf("GET always refused: %v after %d requests and %d refreshes, want 401, 2, 1", err, requests, refreshes)
	}
	if len(auth) == 2 && (auth[0] == auth[1] || auth[1] == "") {
		t.Errorf("the retry sent %q after %q, want the refreshed token", auth[1], auth[0])
	}
	// A body is sent again, whole.
	in := hyperline.AppInput{Name: "hlx", Callbacks: []string{"http://127.0.0.1/callback"}}
	requests, _, sent, _, err := send(func() error { _, err := client.CreateApp(ctx, in); return err })
	if !errors.Is(err, hyperline.ErrUnauthorized) || requests != 2 || sent[0] == "" || sent[1] != sent[0] {
		t.Errorf("POST: %v, %d requests, bodies %q", err, requests, sent)
	}
}
