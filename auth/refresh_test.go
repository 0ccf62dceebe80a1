package auth

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// tokenHook is a transport that lets a test act at the moment the token
// endpoint has answered but before hlx has read the answer.
type tokenHook struct {
	base  http.RoundTripper
	after func(req *http.Request) // runs once the server has answered
}

func (h *tokenHook) RoundTrip(req *http.Request) (*http.Response, error) {
	if !strings.HasSuffix(req.URL.Path, "/oauth/tokens") {
		return h.base.RoundTrip(req)
	}
	// The server sees the whole request whatever happens to the caller.
	resp, err := h.base.RoundTrip(req.Clone(context.WithoutCancel(req.Context())))
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	h.after(req)
	if err := req.Context().Err(); err != nil {
		return nil, err // the caller gave up: the answer is lost in transit
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// TestTokenSourceRefreshSurvivesCancelledCaller cancels the caller's
// context after the server has rotated the refresh token but before the
// answer is read. The refresh must still complete and be saved: abandoning
// it would leave only the spent refresh token on disk and force a new login.
func TestTokenSourceRefreshSurvivesCancelledCaller(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour}) // rotation on
	e.login(t)
	email := e.sim.User().Email
	original := e.stored(t, email).Token.RefreshToken

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hook := &tokenHook{base: http.DefaultTransport, after: func(*http.Request) { cancel() }}
	ts := e.tokenSource(t, TokenSourceOptions{HTTPClient: &http.Client{Transport: hook}})
	e.clock.Advance(2 * time.Hour)

	if _, err := ts.TokenContext(ctx); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled caller: err = %v, want nil or context.Canceled", err)
	}
	// A later caller gets the refreshed token, saved with the rotated
	// refresh token, without another refresh.
	before := e.tokenRequests()
	tok, err := ts.Token()
	if err != nil {
		t.Fatalf("after a cancelled refresh: %v", err)
	}
	if got := e.tokenRequests() - before; got != 0 {
		t.Errorf("%d more refreshes, want 0 (the first one was not abandoned)", got)
	}
	a := e.stored(t, email)
	if a.Token.AccessToken != tok.AccessToken || a.Token.RefreshToken == original {
		t.Fatal("the refresh the caller gave up on was not saved")
	}
	// The next process starts from the file and can still refresh.
	e.clock.Advance(2 * time.Hour)
	if _, err := e.tokenSource(t, TokenSourceOptions{Store: config.NewStore(e.store.Path())}).Token(); err != nil {
		t.Fatalf("refresh from the saved session: %v", err)
	}
}

// TestTokenSourceWaitHonoursContext: a caller waiting for a refresh that
// another goroutine runs stops waiting when its context ends.
func TestTokenSourceWaitHonoursContext(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour})
	e.login(t)
	release := make(chan struct{})
	entered := make(chan struct{})
	hook := &tokenHook{base: http.DefaultTransport, after: func(*http.Request) {
		close(entered)
		<-release
	}}
	ts := e.tokenSource(t, TokenSourceOptions{HTTPClient: &http.Client{Transport: hook}})
	e.clock.Advance(2 * time.Hour)

	first := make(chan error, 1)
	go func() {
		_, err := ts.Token()
		first <- err
	}()
	<-entered // the refresh is in flight
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ts.TokenContext(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("waiting caller with a cancelled context: err = %v", err)
	}
	close(release)
	if err := <-first; err != nil {
		t.Errorf("refreshing caller: %v", err)
	}
}

// TestTokenSourceKeepsRotatedTokenWhenSaveFails: the server rotated the
// refresh token but the session file could not be written. The new tokens
// are the only live ones: they are used, reported, and saved on the next
// refresh instead of being thrown away.
func TestTokenSourceKeepsRotatedTokenWhenSaveFails(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour}) // rotation on
	e.login(t)
	email := e.sim.User().Email
	original := e.stored(t, email).Token.RefreshToken
	dir := filepath.Dir(e.store.Path())
	aside := dir + ".aside"

	var breakOnce sync.Once
	broken := false
	hook := &tokenHook{base: http.DefaultTransport, after: func(*http.Request) {
		// While the store is locked for the refresh, make its directory
		// unwritable in a way that holds even for root: put a file there.
		breakOnce.Do(func() {
			if err := os.Rename(dir, aside); err != nil {
				t.Error(err)
				return
			}
			if err := os.WriteFile(dir, nil, 0o600); err != nil {
				t.Error(err)
				return
			}
			broken = true
		})
	}}
	failures := make(chan error, 4)
	ts := e.tokenSource(t, TokenSourceOptions{
		HTTPClient: &http.Client{Transport: hook},
		OnRefresh: func(ev RefreshEvent) {
			if ev.Phase == RefreshFailed {
				failures <- ev.Err
			}
		},
	})
	e.clock.Advance(2 * time.Hour)

	tok, err := ts.Token()
	if !broken {
		t.Fatal("could not break the session directory")
	}
	if err != nil {
		t.Fatalf("refresh whose save failed: err = %v, want the new token", err)
	}
	select {
	case ferr := <-failures:
		if !strings.Contains(ferr.Error(), "save") {
			t.Errorf("failure event = %v, want it to say the save failed", ferr)
		}
	default:
		t.Error("no RefreshFailed event for the failed save")
	}
	client, err := hyperline.New(e.settings.APIURL, ts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.UserInfo(context.Background()); err != nil {
		t.Fatalf("new token unusable: %v", err)
	}

	// Repair the directory: the file still holds the spent refresh token.
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(aside, dir); err != nil {
		t.Fatal(err)
	}
	if e.stored(t, email).Token.RefreshToken != original {
		t.Fatal("test setup: the failed save changed the file")
	}
	// The next refresh uses the live refresh token and saves the result.
	e.clock.Advance(2 * time.Hour)
	next, err := ts.Token()
	if err != nil {
		t.Fatalf("refresh after the failed save: %v", err)
	}
	if next.AccessToken == tok.AccessToken {
		t.Error("no new token after expiry")
	}
	a := e.stored(t, email)
	if a.Token.AccessToken != next.AccessToken || a.Token.RefreshToken == original {
		t.Error("the live tokens were not saved once the file was writable again")
	}
}
