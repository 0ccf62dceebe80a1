package simulator

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestOAuthHappyPathWithPKCE(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim)
	if tok.AccessToken == "" || tok.RefreshToken == "" || tok.TokenType != "bearer" || tok.ExpiresIn != 86400 {
		t.Fatalf("token response %+v", tok)
	}
	resp, body := get(t, sim.URL+"/oauth/userinfo", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusOK)
	ui := decode[map[string]any](t, body)
	if ui["email"] != sim.User().Email || ui["email_verified"] != true || ui["name"] != sim.User().Name {
		t.Fatalf("userinfo %v", ui)
	}
	resp, body = get(t, sim.URL+"/v1/companies", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusOK)
}

func TestConsentPageNamesAppAndUser(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	_, challenge := pkce("x")
	resp, body := do(t, http.MethodGet, authorizeURL(sim.URL, sim.App(), testRedirect, "s", challenge), nil, nil)
	wantStatus(t, resp, body, http.StatusOK)
	page := string(body)
	for _, want := range []string{"hlx — Hyperline explorer", "Keyboard-driven", sim.User().Email, `value="approve"`, `value="deny"`, `method="post"`} {
		if !strings.Contains(page, want) {
			t.Errorf("consent page lacks %q", want)
		}
	}
	if resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("consent page may be framed")
	}
}

func TestConsentDenyRedirectsAccessDenied(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	loc, err := Consent(context.Background(), nil, authorizeURL(sim.URL, sim.App(), testRedirect, "xyz", ""), false)
	if err != nil {
		t.Fatalf("Consent: %v", err)
	}
	q := loc.Query()
	if q.Get("error") != "access_denied" || q.Get("state") != "xyz" || q.Get("code") != "" {
		t.Fatalf("deny redirect %s", loc)
	}
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != testRedirect {
		t.Fatalf("redirected to %s", got)
	}
}

func TestConsentFormIsSingleUse(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	resp, body := do(t, http.MethodGet, authorizeURL(sim.URL, sim.App(), testRedirect, "s", ""), nil, nil)
	wantStatus(t, resp, body, http.StatusOK)
	_, fields, err := parseConsentForm(string(body))
	if err != nil {
		t.Fatalf("parse form: %v", err)
	}
	fields.Set("decision", "approve")
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	submit := func() *http.Response {
		resp, err := noFollow.PostForm(sim.URL+"/oauth/authorize", fields)
		if err != nil {
			t.Fatalf("submit consent: %v", err)
		}
		resp.Body.Close()
		return resp
	}
	if resp := submit(); resp.StatusCode != http.StatusFound {
		t.Fatalf("first submission: status %d", resp.StatusCode)
	}
	r, b := do(t, http.MethodPost, sim.URL+"/oauth/authorize",
		http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, strings.NewReader(fields.Encode()))
	wantStatus(t, r, b, http.StatusBadRequest)
	if !strings.Contains(string(b), "expired or was already answered") {
		t.Fatalf("second submission page %s", b)
	}
}

func TestAutoApproveRedirectsAtOnce(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{AutoApprove: true})
	verifier, challenge := pkce("auto")
	code := authorize(t, sim, challenge)
	if tok := exchange(t, sim, code, verifier); tok.AccessToken == "" {
		t.Fatal("no access token")
	}
}

func TestAuthorizeRefusals(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	app := sim.App()
	base := sim.URL + "/oauth/authorize?"
	tests := []struct {
		name      string
		query     url.Values
		wantPage  string // error page text, for requests that must not redirect
		wantError string // error= on the redirect otherwise
	}{
		{"unknown client", url.Values{"client_id": {"nope"}, "redirect_uri": {testRedirect}, "response_type": {"code"}, "state": {"s"}}, "Unknown application", ""},
		{"missing client", url.Values{"redirect_uri": {testRedirect}, "response_type": {"code"}, "state": {"s"}}, "Unknown application", ""},
		{"unregistered redirect", url.Values{"client_id": {app.ClientID}, "redirect_uri": {"https://evil.example/callback"}, "response_type": {"code"}, "state": {"s"}}, "Invalid redirect URI", ""},
		{"loopback other path", url.Values{"client_id": {app.ClientID}, "redirect_uri": {"http://127.0.0.1:9999/other"}, "response_type": {"code"}, "state": {"s"}}, "Invalid redirect URI", ""},
		{"missing redirect", url.Values{"client_id": {app.ClientID}, "response_type": {"code"}, "state": {"s"}}, "Invalid redirect URI", ""},
		{"missing state", url.Values{"client_id": {app.ClientID}, "redirect_uri": {testRedirect}, "response_type": {"code"}}, "", "invalid_request"},
		{"missing response_type", url.Values{"client_id": {app.ClientID}, "redirect_uri": {testRedirect}, "state": {"s"}}, "", "invalid_request"},
		{"implicit grant", url.Values{"client_id": {app.ClientID}, "redirect_uri": {testRedirect}, "response_type": {"token"}, "state": {"s"}}, "", "unsupported_response_type"},
		{"bad challenge method", url.Values{"client_id": {app.ClientID}, "redirect_uri": {testRedirect}, "response_type": {"code"}, "state": {"s"},
			"code_challenge": {strings.Repeat("a", 43)}, "code_challenge_method": {"S512"}}, "", "invalid_request"},
		{"short challenge", url.Values{"client_id": {app.ClientID}, "redirect_uri": {testRedirect}, "response_type": {"code"}, "state": {"s"},
			"code_challenge": {"abc"}, "code_challenge_method": {"S256"}}, "", "invalid_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			loc, err := Consent(context.Background(), nil, base+tt.query.Encode(), true)
			if tt.wantPage != "" {
				if err == nil || !strings.Contains(err.Error(), "400") || !strings.Contains(err.Error(), tt.wantPage) {
					t.Fatalf("got loc %v err %v, want a 400 page %q", loc, err, tt.wantPage)
				}
				return
			}
			if err != nil {
				t.Fatalf("Consent: %v", err)
			}
			if loc.Query().Get("error") != tt.wantError || loc.Query().Get("code") != "" {
				t.Fatalf("redirect %s, want error=%s", loc, tt.wantError)
			}
			if s := tt.query.Get("state"); loc.Query().Get("state") != s {
				t.Fatalf("state not echoed: %s", loc)
			}
		})
	}
}

func TestLoopbackPortFlexibility(t *testing.T) {
	t.Parallel()
	for _, exact := range []bool{false, true} {
		sim := start(t, Config{LoopbackAnyPort: !exact, AutoApprove: true})
		loc, err := Consent(context.Background(), nil, authorizeURL(sim.URL, sim.App(), "http://localhost:51234/callback", "s", ""), true)
		if exact {
			if err == nil || !strings.Contains(err.Error(), "Invalid redirect URI") {
				t.Fatalf("exact: got %v %v, want refusal", loc, err)
			}
			continue
		}
		if err != nil || loc.Host != "localhost:51234" || loc.Query().Get("code") == "" {
			t.Fatalf("flexible: got %v %v", loc, err)
		}
	}
}

func TestTokenRefusals(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	app := sim.App()
	verifier, challenge := pkce("abc")
	tokenURL := sim.URL + "/oauth/tokens"
	body := func(code string, over map[string]string) map[string]string {
		m := map[string]string{
			"client_id": app.ClientID, "client_secret": app.ClientSecret, "grant_type": "authorization_code",
			"code": code, "redirect_uri": testRedirect, "code_verifier": verifier,
		}
		for k, v := range over {
			if v == "-" {
				delete(m, k)
			} else {
				m[k] = v
			}
		}
		return m
	}
	tests := []struct {
		name   string
		over   map[string]string
		status int
		msg    string
	}{
		{"wrong secret", map[string]string{"client_secret": "wrong"}, 401, "Invalid client credentials"},
		{"no secret", map[string]string{"client_secret": "-"}, 401, "Invalid client credentials"},
		{"unknown client", map[string]string{"client_id": "nobody"}, 401, "Invalid client credentials"},
		{"bad verifier", map[string]string{"code_verifier": strings.Repeat("z", 43)}, 400, "code_verifier does not match"},
		{"missing verifier", map[string]string{"code_verifier": "-"}, 400, "code_verifier is required"},
		{"redirect mismatch", map[string]string{"redirect_uri": "http://127.0.0.1:8765/callback2"}, 400, "redirect_uri does not match"},
		{"unknown grant", map[string]string{"grant_type": "password"}, 400, "Unsupported grant_type"},
		{"unknown code", map[string]string{"code": "made-up"}, 400, "Invalid authorization code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code := authorize(t, sim, challenge)
			resp, b := postJSON(t, tokenURL, body(code, tt.over))
			wantStatus(t, resp, b, tt.status)
			wantMessage(t, b, tt.msg)
		})
	}
	t.Run("form-encoded body", func(t *testing.T) {
		t.Parallel()
		code := authorize(t, sim, challenge)
		form := url.Values{}
		for k, v := range body(code, nil) {
			form.Set(k, v)
		}
		resp, b := do(t, http.MethodPost, tokenURL, http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, strings.NewReader(form.Encode()))
		wantStatus(t, resp, b, http.StatusBadRequest)
		wantMessage(t, b, "application/json")
	})
	t.Run("verifier without challenge", func(t *testing.T) {
		t.Parallel()
		code := authorize(t, sim, "")
		resp, b := postJSON(t, tokenURL, body(code, nil))
		wantStatus(t, resp, b, http.StatusBadRequest)
		wantMessage(t, b, "no code_challenge")
	})
	t.Run("no PKCE at all", func(t *testing.T) {
		t.Parallel()
		code := authorize(t, sim, "")
		resp, b := postJSON(t, tokenURL, body(code, map[string]string{"code_verifier": "-"}))
		wantStatus(t, resp, b, http.StatusOK)
	})
}

func TestReusedCodeIsRefusedAndRevokesItsRefreshToken(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	verifier, challenge := pkce("reuse")
	code := authorize(t, sim, challenge)
	tok := exchange(t, sim, code, verifier)
	app := sim.App()
	resp, body := postJSON(t, sim.URL+"/oauth/tokens", map[string]string{
		"client_id": app.ClientID, "client_secret": app.ClientSecret, "grant_type": "authorization_code",
		"code": code, "redirect_uri": testRedirect, "code_verifier": verifier,
	})
	wantStatus(t, resp, body, http.StatusBadRequest)
	wantMessage(t, body, "already been used")
	resp, body = refresh(t, sim, tok.RefreshToken)
	wantStatus(t, resp, body, http.StatusBadRequest)
	// The guide: access tokens cannot be revoked, they expire.
	resp, body = get(t, sim.URL+"/v1/companies", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusOK)
}

// TestRevokeAccessToken: the spec's revoke takes an access token too, and
// that token stops working at once while the refresh token still works.
func TestRevokeAccessToken(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim)
	app := sim.App()
	resp, body := postJSON(t, sim.URL+"/oauth/revoke", map[string]string{"client_id": app.ClientID, "client_secret": "wrong", "token": tok.AccessToken})
	wantStatus(t, resp, body, http.StatusUnauthorized)
	resp, body = get(t, sim.URL+"/v1/companies", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusOK)
	resp, body = postJSON(t, sim.URL+"/oauth/revoke", map[string]string{"client_id": app.ClientID, "client_secret": app.ClientSecret, "token": tok.AccessToken})
	wantStatus(t, resp, body, http.StatusNoContent)
	resp, body = get(t, sim.URL+"/v1/companies", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusUnauthorized)
	resp, body = refresh(t, sim, tok.RefreshToken)
	wantStatus(t, resp, body, http.StatusOK)
}

// TestOAuthPaths: the spec's root paths and the guide's /v1/oauth/ twins
// both answer; with GuideOAuthPathsOnly the spec's are 404.
func TestOAuthPaths(t *testing.T) {
	t.Parallel()
	for _, guideOnly := range []bool{false, true} {
		sim := start(t, Config{GuideOAuthPathsOnly: guideOnly})
		for _, prefix := range []string{"/oauth/", "/v1/oauth/"} {
			resp, body := postJSON(t, sim.URL+prefix+"tokens", map[string]string{"grant_type": "refresh_token"})
			want := http.StatusUnauthorized // reached the handler: no client credentials
			if guideOnly && prefix == "/oauth/" {
				want = http.StatusNotFound
			}
			wantStatus(t, resp, body, want)
		}
	}
}

// TestRevokeLeavesAccessTokensToExpire: the guide says access tokens
// "cannot be revoked" and only refresh tokens can, so after a revoke the
// access token keeps working until its expires_in runs out.
func TestRevokeLeavesAccessTokensToExpire(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	sim := start(t, Config{Now: clock.Now, AccessTTL: time.Hour})
	tok := login(t, sim)
	app := sim.App()
	resp, body := postJSON(t, sim.URL+"/oauth/revoke", map[string]string{"client_id": app.ClientID, "client_secret": app.ClientSecret, "token": tok.RefreshToken})
	wantStatus(t, resp, body, http.StatusNoContent)
	resp, body = refresh(t, sim, tok.RefreshToken)
	wantStatus(t, resp, body, http.StatusBadRequest)
	resp, body = get(t, sim.URL+"/v1/customers", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusOK)
	clock.Advance(time.Hour)
	resp, body = get(t, sim.URL+"/v1/customers", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusUnauthorized)
}

func TestExpiredCodeIsRefused(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	sim := start(t, Config{Now: clock.Now, CodeTTL: 30 * time.Second})
	verifier, challenge := pkce("late")
	code := authorize(t, sim, challenge)
	clock.Advance(31 * time.Second)
	app := sim.App()
	resp, body := postJSON(t, sim.URL+"/oauth/tokens", map[string]string{
		"client_id": app.ClientID, "client_secret": app.ClientSecret, "grant_type": "authorization_code",
		"code": code, "redirect_uri": testRedirect, "code_verifier": verifier,
	})
	wantStatus(t, resp, body, http.StatusBadRequest)
	wantMessage(t, body, "expired")
}

func TestRefreshRotatesByDefault(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim)
	resp, body := refresh(t, sim, tok.RefreshToken)
	wantStatus(t, resp, body, http.StatusOK)
	next := decode[tokenResponse](t, body)
	if next.RefreshToken == tok.RefreshToken || next.AccessToken == tok.AccessToken {
		t.Fatal("refresh did not rotate")
	}
	resp, body = refresh(t, sim, tok.RefreshToken)
	wantStatus(t, resp, body, http.StatusBadRequest)
	wantMessage(t, body, "Invalid refresh token")
	resp, body = refresh(t, sim, next.RefreshToken)
	wantStatus(t, resp, body, http.StatusOK)
	// Access tokens from before the refresh keep working until they expire.
	resp, body = get(t, sim.URL+"/v1/companies", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusOK)
}

func TestRefreshWithoutRotation(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{NoRotation: true, AccessTTL: time.Hour})
	tok := login(t, sim)
	for range 2 {
		resp, body := refresh(t, sim, tok.RefreshToken)
		wantStatus(t, resp, body, http.StatusOK)
		next := decode[tokenResponse](t, body)
		if next.RefreshToken != tok.RefreshToken || next.ExpiresIn != 3600 {
			t.Fatalf("refresh response %+v", next)
		}
	}
}

func TestRevokeThenRefreshFails(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim)
	app := sim.App()
	revokeURL := sim.URL + "/oauth/revoke"
	resp, body := postJSON(t, revokeURL, map[string]string{"client_id": app.ClientID, "client_secret": "bad", "token": tok.RefreshToken})
	wantStatus(t, resp, body, http.StatusUnauthorized)
	resp, body = postJSON(t, revokeURL, map[string]string{"client_id": app.ClientID, "client_secret": app.ClientSecret, "token": tok.RefreshToken})
	wantStatus(t, resp, body, http.StatusNoContent)
	if len(body) != 0 {
		t.Errorf("204 revoke has a body: %q", body)
	}
	resp, body = refresh(t, sim, tok.RefreshToken)
	wantStatus(t, resp, body, http.StatusBadRequest)
	// RFC 7009: an unknown token is not an error.
	resp, body = postJSON(t, revokeURL, map[string]string{"client_id": app.ClientID, "client_secret": app.ClientSecret, "token": "unknown"})
	wantStatus(t, resp, body, http.StatusNoContent)
}

func TestAccessTokenExpiry(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	sim := start(t, Config{Now: clock.Now, AccessTTL: time.Hour})
	tok := login(t, sim)
	resp, body := get(t, sim.URL+"/v1/customers", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusOK)
	clock.Advance(time.Hour)
	resp, body = get(t, sim.URL+"/v1/customers", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusUnauthorized)
	// The refresh token does not expire.
	resp, body = refresh(t, sim, tok.RefreshToken)
	wantStatus(t, resp, body, http.StatusOK)
}

func TestTestHooksRevokeAndExpire(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim)
	sim.RevokeRefreshTokens()
	resp, body := refresh(t, sim, tok.RefreshToken)
	wantStatus(t, resp, body, http.StatusBadRequest)
	resp, body = get(t, sim.URL+"/v1/customers", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusOK)
	sim.ExpireAccessTokens()
	resp, body = get(t, sim.URL+"/v1/customers", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusUnauthorized)
	wantMessage(t, body, "expired")
}

func TestUnauthenticatedRequests(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	resp, body := get(t, sim.URL+"/v1/customers", "", "")
	wantStatus(t, resp, body, http.StatusUnauthorized)
	wantMessage(t, body, "Missing authentication token")
	resp, body = get(t, sim.URL+"/v1/customers", "not-a-token", "")
	wantStatus(t, resp, body, http.StatusUnauthorized)
	resp, body = get(t, sim.URL+"/oauth/userinfo", sim.APIKey(), "")
	wantStatus(t, resp, body, http.StatusUnauthorized)
	// HTTP Basic with the API key as username works, as documented.
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, sim.URL+"/v1/customers", nil)
	req.SetBasicAuth(sim.APIKey(), "")
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusOK {
		t.Fatalf("basic auth status %d", r.StatusCode)
	}
}
