package auth

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestRefreshSendsTheRefreshTokenAnotherProcessRotated: process A holds
// the login's tokens in memory; process B refreshes (rotation on: the
// refresh token A holds is now dead). When A's access token and B's have
// both expired, A's refresh must send the refresh token stored by B, not
// its own stale one, which the server would refuse and end the session.
// The two-process test above never gets there: its processes adopt the
// other's fresh token.
func TestRefreshSendsTheRefreshTokenAnotherProcessRotated(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{Now: time.Now}) // B uses the real clock
	e.clock.Advance(time.Since(e.clock.Now()))      // A too, until it moves on
	e.login(t)
	email := e.sim.User().Email
	first := e.stored(t, email).Token

	a := e.tokenSource(t, TokenSourceOptions{})
	if tok, err := a.Token(); err != nil || tok.AccessToken != first.AccessToken {
		t.Fatalf("A's first token: %v (same as the login's: %v)", err, err == nil && tok.AccessToken == first.AccessToken)
	}

	spec, _ := json.Marshal(refreshSpec{Settings: e.settings, Path: e.store.Path(), Rejected: first.AccessToken})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperRefreshEnv+"="+string(spec))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("process B: %v: %s", err, stderr.String())
	}
	rotated := e.stored(t, email).Token
	if rotated.RefreshToken == first.RefreshToken || hash(rotated.AccessToken) != strings.TrimSpace(stdout.String()) {
		t.Fatal("test setup: B did not rotate the refresh token")
	}

	// A day and more later, both access tokens have expired.
	e.clock.Advance(25 * time.Hour)
	before := e.tokenRequests()
	tok, err := a.Token()
	if err != nil {
		t.Fatalf("A's refresh after B rotated: %v", err)
	}
	if tok.AccessToken == first.AccessToken || tok.AccessToken == rotated.AccessToken {
		t.Error("A handed out an expired access token")
	}
	if got := e.tokenRequests() - before; got != 1 {
		t.Errorf("%d refresh requests, want 1", got)
	}
	stored := e.stored(t, email)
	if !stored.LoggedIn() || stored.Token.AccessToken != tok.AccessToken || stored.Token.RefreshToken == rotated.RefreshToken {
		t.Error("the session was lost or does not hold A's new tokens")
	}
	if _, err := a.ForceRefresh(context.Background(), tok.AccessToken); err != nil {
		t.Errorf("A cannot refresh again: %v", err)
	}
}
