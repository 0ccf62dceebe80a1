package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

func TestLogoutRevokes(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.login(t)
	email := e.sim.User().Email
	refresh := e.stored(t, email).Token.RefreshToken

	res, err := Logout(context.Background(), LogoutOptions{Settings: e.settings, Store: e.store})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Accounts) != 1 || !res.Accounts[0].Revoked || res.Accounts[0].Warning != nil || res.Accounts[0].Email != email {
		t.Fatalf("logout result = %+v", res)
	}
	if e.stored(t, email) != nil {
		t.Error("account still stored after logout")
	}
	// The server no longer honours the refresh token.
	_, err = newEndpoint(e.settings, nil, e.clock.Now).refresh(context.Background(), refresh)
	var oe *OAuthError
	if !errors.As(err, &oe) || !oe.invalidGrant() {
		t.Errorf("refresh with the revoked token: err = %v", err)
	}
	if _, err := Logout(context.Background(), LogoutOptions{Settings: e.settings, Store: e.store}); !errors.Is(err, ErrNotLoggedIn) {
		t.Errorf("second logout: err = %v, want ErrNotLoggedIn", err)
	}
}

func TestLogoutOffline(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.login(t)
	res, err := Logout(context.Background(), LogoutOptions{
		Settings: e.settings, Store: e.store, HTTPClient: &http.Client{Transport: failingTransport{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	out := res.Accounts[0]
	if out.Revoked || out.Warning == nil || !strings.Contains(out.Warning.Error(), "may still be valid") {
		t.Errorf("offline logout = %+v", out)
	}
	if e.stored(t, e.sim.User().Email) != nil {
		t.Error("offline logout kept the account")
	}
}

func TestLogoutAll(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.login(t)
	// A second (made-up) account without tokens, and one in another
	// environment that --all must leave alone.
	if err := e.store.Update(func(s *config.Session) error {
		s.Upsert(e.settings.APIURL, "other@example.com")
		s.Upsert(config.SandboxURL, "sandbox@example.com").Token.AccessToken = "x"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	res, err := Logout(context.Background(), LogoutOptions{Settings: e.settings, Store: e.store, All: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Accounts) != 2 {
		t.Fatalf("logged out %+v", res.Accounts)
	}
	s, _ := e.store.Load()
	if s.Env(e.settings.APIURL) != nil || s.Account(config.SandboxURL, "sandbox@example.com") == nil {
		t.Errorf("session after logout --all = %+v", s.Environments)
	}
}
