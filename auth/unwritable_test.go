package auth

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// faultyStore is e's session file behind a store whose probe or writes
// fail while the returned switches are on.
func (e *env) faultyStore() (st *config.Store, probe, write *atomic.Bool) {
	probe, write = new(atomic.Bool), new(atomic.Bool)
	st = config.NewStore(e.store.Path(), config.WithFaults(func(op config.StoreOp) error {
		switch {
		case op == config.StoreOpProbe && probe.Load():
			return errors.New("injected: read-only file system")
		case op == config.StoreOpWrite && write.Load():
			return errors.New("injected: no space left on device")
		}
		return nil
	}))
	return st, probe, write
}

// TestTokenSourceRefusesRefreshWhenStoreUnwritable: with rotation on and a
// store that cannot be written, no refresh is sent; the error names the
// file and the cause, and the stored refresh token still works once the
// store is writable again.
func TestTokenSourceRefusesRefreshWhenStoreUnwritable(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour}) // rotation on
	e.login(t)
	email := e.sim.User().Email
	original := e.stored(t, email).Token.RefreshToken
	st, probe, _ := e.faultyStore()
	probe.Store(true)
	ts := e.tokenSource(t, TokenSourceOptions{Store: st})
	sent := e.tokenRequests()
	e.clock.Advance(2 * time.Hour)

	_, err := ts.Token()
	if !errors.Is(err, ErrRefreshNotSent) {
		t.Fatalf("err = %v, want ErrRefreshNotSent", err)
	}
	for _, want := range []string{st.Path(), "read-only file system"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %q, want it to name %q", err, want)
		}
	}
	if got := e.tokenRequests(); got != sent {
		t.Errorf("token requests = %d, want %d: the refresh was sent", got, sent)
	}
	if errors.Is(err, ErrLoginRequired) || e.stored(t, email).Token.RefreshToken != original {
		t.Fatal("the session was given up")
	}

	probe.Store(false)
	tok, err := ts.Token()
	if err != nil {
		t.Fatalf("refresh once writable: %v", err)
	}
	if a := e.stored(t, email); a.Token.AccessToken != tok.AccessToken || a.Token.RefreshToken == original {
		t.Error("the refreshed (rotated) tokens were not saved")
	}
}

// TestTokenSourceSaveFailureNeedsNewLogin: the store passed the probe but
// every save attempt after the answer failed. The token works in this
// process, and SavedToken says plainly that the session needs a new login;
// once the store recovers, the next refresh saves the live tokens.
func TestTokenSourceSaveFailureNeedsNewLogin(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour})
	e.login(t)
	email := e.sim.User().Email
	original := e.stored(t, email).Token.RefreshToken
	st, _, write := e.faultyStore()
	write.Store(true)
	events := make(chan RefreshEvent, 8)
	ts := e.tokenSource(t, TokenSourceOptions{Store: st, OnRefresh: func(ev RefreshEvent) {
		if ev.Phase == RefreshFailed {
			events <- ev
		}
	}})
	e.clock.Advance(2 * time.Hour)

	tok, err := ts.SavedToken(context.Background())
	if tok == nil || !errors.Is(err, ErrSessionNotSaved) {
		t.Fatalf("SavedToken = %v, %v; want the token and ErrSessionNotSaved", tok, err)
	}
	for _, want := range []string{"needs a new login", st.Path(), "no space left"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %q, want %q in it", err, want)
		}
	}
	if ev := <-events; !errors.Is(ev.Err, ErrSessionNotSaved) {
		t.Errorf("event err = %v", ev.Err)
	}
	if e.stored(t, email).Token.RefreshToken != original {
		t.Fatal("test setup: the failed save changed the file")
	}

	write.Store(false)
	e.clock.Advance(2 * time.Hour)
	next, err := ts.SavedToken(context.Background())
	if err != nil {
		t.Fatalf("refresh after the store recovered: %v", err)
	}
	if a := e.stored(t, email); a.Token.AccessToken != next.AccessToken || a.Token.RefreshToken == original {
		t.Error("the live tokens were not saved once the store recovered")
	}
	if ts.Unsaved() != nil {
		t.Errorf("Unsaved = %v after a good save", ts.Unsaved())
	}
}

// TestTokenSourceSaveUnsaved: a token whose save failed is saved by
// SaveUnsaved once the store recovers (the explorer calls it when it
// quits), and SaveUnsaved says plainly when it still cannot.
func TestTokenSourceSaveUnsaved(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour})
	e.login(t)
	email := e.sim.User().Email
	st, _, write := e.faultyStore()
	write.Store(true)
	ts := e.tokenSource(t, TokenSourceOptions{Store: st})
	e.clock.Advance(2 * time.Hour)
	tok, err := ts.SavedToken(context.Background())
	if !errors.Is(err, ErrSessionNotSaved) {
		t.Fatalf("err = %v", err)
	}
	if err := ts.SaveUnsaved(); !errors.Is(err, ErrSessionNotSaved) || !strings.Contains(err.Error(), "needs a new login") {
		t.Fatalf("SaveUnsaved on a broken store = %v", err)
	}
	write.Store(false)
	if err := ts.SaveUnsaved(); err != nil {
		t.Fatalf("SaveUnsaved once the store works: %v", err)
	}
	if a := e.stored(t, email); a.Token.AccessToken != tok.AccessToken || a.Token.RefreshToken != tok.RefreshToken {
		t.Error("the live tokens were not saved")
	}
	if ts.Unsaved() != nil {
		t.Error("still reported unsaved")
	}
}
