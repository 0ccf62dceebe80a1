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

// TestLogoutRevokesBothTokens: logout revokes the access token as well as
// the refresh token, so a copied access token stops working at once.
func TestLogoutRevokesBothTokens(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.login(t)
	access := e.stored(t, e.sim.User().Email).Token.AccessToken
	if _, err := Logout(context.Background(), LogoutOptions{Settings: e.settings, Store: e.store}); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, e.sim.URL+"/v1/companies", nil)
	req.Header.Set("Authorization", "Bearer "+access)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("access token after logout: status %d, want 401", resp.StatusCode)
	}
	revokes := 0
	for _, r := range e.sim.Requests() {
		if r.Path == "/oauth/revoke" && r.Status == http.StatusNoContent {
			revokes++
		}
	}
	if revokes != 2 {
		t.Errorf("%d revokes answered 204 at /oauth/revoke, want 2", revokes)
	}
}

// TestOAuthFallsBackToGuidePaths: against a server that only has the
// guide's /v1/oauth/ paths, the exchange, refresh and revoke still work,
// and after the first 404 the spec's path is not asked again.
func TestOAuthFallsBackToGuidePaths(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{GuideOAuthPathsOnly: true})
	ep := newEndpoint(e.settings, nil, e.clock.Now)
	tok, err := ep.refresh(context.Background(), "unknown")
	var oe *OAuthError
	if !errors.As(err, &oe) || oe.StatusCode != http.StatusBadRequest || oe.Endpoint != "/v1/oauth/tokens" {
		t.Fatalf("refresh with an unknown token: tok=%v err=%v, want a 400 from /v1/oauth/tokens", tok, err)
	}
	if err := ep.revoke(context.Background(), "unknown"); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	var spec, guide int
	for _, r := range e.sim.Requests() {
		switch r.Path {
		case "/oauth/tokens", "/oauth/revoke":
			spec++
		case "/v1/oauth/tokens", "/v1/oauth/revoke":
			guide++
		}
	}
	if spec != 1 || guide != 2 {
		t.Errorf("requests: %d at the spec's paths, %d at the guide's; want 1 and 2", spec, guide)
	}
}
