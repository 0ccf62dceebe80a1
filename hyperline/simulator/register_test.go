package simulator

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// registerPointer is the JSON pointer of the register operation's answer
// for status in the spec extract.
func registerPointer(status string) string {
	return "/paths/" + escapePointer("/oauth/register") + "/post/responses/" + status + "/content/application~1json/schema"
}

// registerPublic registers a public client for the given redirect URIs,
// with both grants, and returns the answer.
func registerPublic(t *testing.T, sim *Running, uris ...string) registerResponse {
	t.Helper()
	resp, body := postJSON(t, sim.URL+"/oauth/register", map[string]any{
		"redirect_uris":              uris,
		"client_name":                "hlx",
		"grant_types":                []string{"authorization_code", "refresh_token"},
		"response_types":             []string{"code"},
		"token_endpoint_auth_method": "none",
	})
	wantStatus(t, resp, body, http.StatusCreated)
	checkSpec(t, registerPointer("201"), body)
	return decode[registerResponse](t, body)
}

// TestRegisterAnswersAsTheSpecSays: 201 with every required field, a
// public client (auth method none, no secret), and 400 {error,
// error_description} for what the spec refuses.
func TestRegisterAnswersAsTheSpecSays(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	reg := registerPublic(t, sim, "http://127.0.0.1:8765/callback", "http://127.0.0.1:8766/callback")
	if !strings.HasPrefix(reg.ClientID, "dyn_") || reg.TokenEndpointAuthMethod != "none" || reg.ClientIDIssuedAt == 0 ||
		len(reg.RedirectURIs) != 2 || !slices.Equal(reg.GrantTypes, []string{"authorization_code", "refresh_token"}) {
		t.Fatalf("registration %+v", reg)
	}
	if got := sim.DynamicClients(); !slices.Equal(got, []string{reg.ClientID}) {
		t.Fatalf("DynamicClients %v", got)
	}
	// A client asking for client_secret_post is still public.
	resp, body := postJSON(t, sim.URL+"/oauth/register", map[string]any{
		"redirect_uris": []string{"https://example.com/cb"}, "token_endpoint_auth_method": "client_secret_post"})
	wantStatus(t, resp, body, http.StatusCreated)
	checkSpec(t, registerPointer("201"), body)
	if strings.Contains(string(body), "secret\":") || decode[registerResponse](t, body).TokenEndpointAuthMethod != "none" {
		t.Fatalf("a registration answered with a secret or a confidential method: %s", body)
	}

	for _, tc := range []struct {
		name string
		body map[string]any
		code string
	}{
		{"no redirect_uris", map[string]any{"client_name": "x"}, "invalid_redirect_uri"},
		{"empty redirect_uris", map[string]any{"redirect_uris": []string{}}, "invalid_redirect_uri"},
		{"plain http off loopback", map[string]any{"redirect_uris": []string{"http://example.com/cb"}}, "invalid_redirect_uri"},
		{"fragment", map[string]any{"redirect_uris": []string{"http://127.0.0.1:8765/cb#x"}}, "invalid_redirect_uri"},
		{"not a URI", map[string]any{"redirect_uris": []string{"callback"}}, "invalid_redirect_uri"},
		{"unknown grant", map[string]any{"redirect_uris": []string{"https://a.example/cb"}, "grant_types": []string{"password"}}, "invalid_client_metadata"},
		{"unknown response type", map[string]any{"redirect_uris": []string{"https://a.example/cb"}, "response_types": []string{"token"}}, "invalid_client_metadata"},
		{"unknown auth method", map[string]any{"redirect_uris": []string{"https://a.example/cb"}, "token_endpoint_auth_method": "private_key_jwt"}, "invalid_client_metadata"},
		{"name not a string", map[string]any{"redirect_uris": []string{"https://a.example/cb"}, "client_name": 7}, "invalid_client_metadata"},
		{"bad contact", map[string]any{"redirect_uris": []string{"https://a.example/cb"}, "contacts": []string{"nobody"}}, "invalid_client_metadata"},
	} {
		resp, body := postJSON(t, sim.URL+"/oauth/register", tc.body)
		wantStatus(t, resp, body, http.StatusBadRequest)
		checkSpec(t, registerPointer("400"), body)
		if e := decode[registerError](t, body); e.Error != tc.code || e.ErrorDescription == "" {
			t.Errorf("%s: %s, want %s", tc.name, body, tc.code)
		}
	}
	if got := len(sim.DynamicClients()); got != 2 {
		t.Fatalf("%d clients registered, want the 2 accepted ones", got)
	}
}

// TestRegisterCanBeAbsent: with NoRegistration the endpoint answers 404,
// and the guide's /v1/oauth/ family never had it.
func TestRegisterCanBeAbsent(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{NoRegistration: true})
	resp, body := postJSON(t, sim.URL+"/oauth/register", map[string]any{"redirect_uris": []string{"http://127.0.0.1:8765/callback"}})
	wantStatus(t, resp, body, http.StatusNotFound)
	sim2 := start(t, Config{})
	resp, body = postJSON(t, sim2.URL+"/v1/oauth/register", map[string]any{"redirect_uris": []string{"http://127.0.0.1:8765/callback"}})
	wantStatus(t, resp, body, http.StatusNotFound)
}

// TestPublicClientFlow: a registered client logs in with PKCE and no
// secret, refreshes with client_id alone, and its redirect URI must be one
// it registered, exactly, even where apps get any loopback port.
func TestPublicClientFlow(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{LoopbackAnyPort: true})
	reg := registerPublic(t, sim, testRedirect)
	client := App{ClientID: reg.ClientID}
	verifier, challenge := pkce("publ1c")

	// No challenge: refused on the redirect, as the spec requires PKCE.
	loc, err := Consent(context.Background(), nil, authorizeURL(sim.URL, client, testRedirect, "s", ""), true)
	if err != nil || loc.Query().Get("error") != "invalid_request" || !strings.Contains(loc.Query().Get("error_description"), "code_challenge") {
		t.Fatalf("no challenge: %v %v", loc, err)
	}
	// Another port on loopback: an error page, no redirect.
	if _, err := Consent(context.Background(), nil, authorizeURL(sim.URL, client, "http://127.0.0.1:9999/callback", "s", challenge), true); err == nil ||
		!strings.Contains(err.Error(), "Invalid redirect URI") {
		t.Fatalf("unregistered port: %v", err)
	}
	loc, err = Consent(context.Background(), nil, authorizeURL(sim.URL, client, testRedirect, "s", challenge), true)
	if err != nil || loc.Query().Get("code") == "" {
		t.Fatalf("consent: %v %v", loc, err)
	}
	code := loc.Query().Get("code")
	tokenBody := map[string]string{"client_id": reg.ClientID, "grant_type": "authorization_code", "code": code,
		"redirect_uri": testRedirect, "code_verifier": verifier}
	// A secret is refused: a public client has none.
	resp, body := postJSON(t, sim.URL+"/oauth/tokens", map[string]string{"client_id": reg.ClientID, "client_secret": "guess",
		"grant_type": "refresh_token", "refresh_token": "x"})
	wantStatus(t, resp, body, http.StatusUnauthorized)
	resp, body = postJSON(t, sim.URL+"/oauth/tokens", tokenBody)
	wantStatus(t, resp, body, http.StatusOK)
	tok := decode[tokenResponse](t, body)
	resp, body = postJSON(t, sim.URL+"/oauth/tokens", map[string]string{"client_id": reg.ClientID,
		"grant_type": "refresh_token", "refresh_token": tok.RefreshToken})
	wantStatus(t, resp, body, http.StatusOK)
	tok = decode[tokenResponse](t, body)

	// Revoke: the spec wants a secret, which this client lacks.
	resp, body = postJSON(t, sim.URL+"/oauth/revoke", map[string]string{"client_id": reg.ClientID, "token": tok.RefreshToken})
	wantStatus(t, resp, body, http.StatusUnauthorized)
	resp, body = postJSON(t, sim.URL+"/oauth/tokens", map[string]string{"client_id": reg.ClientID,
		"grant_type": "refresh_token", "refresh_token": tok.RefreshToken})
	wantStatus(t, resp, body, http.StatusOK) // the refused revoke left it valid

	// Forgotten clients are unknown: invalid client credentials.
	sim.ForgetDynamicClients()
	resp, body = postJSON(t, sim.URL+"/oauth/tokens", map[string]string{"client_id": reg.ClientID,
		"grant_type": "refresh_token", "refresh_token": decode[tokenResponse](t, body).RefreshToken})
	wantStatus(t, resp, body, http.StatusUnauthorized)
}

// TestPublicClientWithoutRefreshGrant: RFC 7591's default grant_types is
// authorization_code alone, and such a client cannot refresh.
func TestPublicClientWithoutRefreshGrant(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{AutoApprove: true, PublicRevoke: true})
	resp, body := postJSON(t, sim.URL+"/oauth/register", map[string]any{"redirect_uris": []string{testRedirect}})
	wantStatus(t, resp, body, http.StatusCreated)
	reg := decode[registerResponse](t, body)
	if !slices.Equal(reg.GrantTypes, []string{"authorization_code"}) {
		t.Fatalf("default grant types %v", reg.GrantTypes)
	}
	verifier, challenge := pkce("n0refresh")
	loc, err := Consent(context.Background(), nil, authorizeURL(sim.URL, App{ClientID: reg.ClientID}, testRedirect, "s", challenge), true)
	if err != nil {
		t.Fatal(err)
	}
	resp, body = postJSON(t, sim.URL+"/oauth/tokens", map[string]string{"client_id": reg.ClientID, "grant_type": "authorization_code",
		"code": loc.Query().Get("code"), "redirect_uri": testRedirect, "code_verifier": verifier})
	wantStatus(t, resp, body, http.StatusOK)
	tok := decode[tokenResponse](t, body)
	resp, body = postJSON(t, sim.URL+"/oauth/tokens", map[string]string{"client_id": reg.ClientID,
		"grant_type": "refresh_token", "refresh_token": tok.RefreshToken})
	wantStatus(t, resp, body, http.StatusBadRequest)
	// With PublicRevoke, client_id and the token are enough.
	resp, body = postJSON(t, sim.URL+"/oauth/revoke", map[string]string{"client_id": reg.ClientID, "token": tok.RefreshToken})
	wantStatus(t, resp, body, http.StatusNoContent)
}
