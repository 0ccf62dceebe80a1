package simulator

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// appsCall sends an Apps API request with the API key.
func appsCall(t *testing.T, sim *Running, method, path string, body any) (*http.Response, []byte) {
	t.Helper()
	h := http.Header{"Authorization": {"Bearer " + sim.APIKey()}}
	var rd *bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
		h.Set("Content-Type", "application/json")
		return do(t, method, sim.URL+path, h, rd)
	}
	return do(t, method, sim.URL+path, h, nil)
}

func TestAppsLifecycle(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{AutoApprove: true})
	resp, body := appsCall(t, sim, http.MethodPost, "/v1/apps", map[string]any{
		"name": "Billing TUI", "callbacks": []string{"http://127.0.0.1:9000/cb"},
	})
	wantStatus(t, resp, body, http.StatusCreated)
	created := decode[map[string]any](t, body)
	if created["client_secret"] == nil || created["description"] != nil || created["logo_uri"] != nil {
		t.Fatalf("create response %v", created)
	}
	id, clientID, secret := created["id"].(string), created["client_id"].(string), created["client_secret"].(string)

	// The new app works for OAuth.
	app := App{ClientID: clientID}
	loc, err := Consent(context.Background(), nil, authorizeURL(sim.URL, app, "http://127.0.0.1:9000/cb", "s", ""), true)
	if err != nil {
		t.Fatalf("Consent: %v", err)
	}
	resp, body = postJSON(t, sim.URL+"/oauth/tokens", map[string]string{
		"client_id": clientID, "client_secret": secret, "grant_type": "authorization_code",
		"code": loc.Query().Get("code"), "redirect_uri": "http://127.0.0.1:9000/cb",
	})
	wantStatus(t, resp, body, http.StatusOK)
	tok := decode[tokenResponse](t, body)

	resp, body = appsCall(t, sim, http.MethodGet, "/v1/apps", nil)
	wantStatus(t, resp, body, http.StatusOK)
	if strings.Contains(string(body), "client_secret") || !strings.HasPrefix(string(body), "[") {
		t.Fatalf("list must be a bare array without secrets: %s", body)
	}
	if apps := decode[[]appJSON](t, body); len(apps) != 2 || apps[1].ID != id {
		t.Fatalf("list %+v", apps)
	}

	// PUT needs all four fields.
	resp, body = appsCall(t, sim, http.MethodPut, "/v1/apps/"+id, map[string]any{"name": "Renamed", "callbacks": []string{"http://127.0.0.1:9000/cb"}, "description": nil})
	wantStatus(t, resp, body, http.StatusBadRequest)
	wantMessage(t, body, "logo_uri is required")
	resp, body = appsCall(t, sim, http.MethodPut, "/v1/apps/"+id, map[string]any{
		"name": "Renamed", "description": "Now described", "logo_uri": "https://example.com/l.png", "callbacks": []string{"http://127.0.0.1:9000/cb"},
	})
	wantStatus(t, resp, body, http.StatusOK)
	if updated := decode[map[string]any](t, body); updated["name"] != "Renamed" || updated["description"] != "Now described" {
		t.Fatalf("update %v", updated)
	} else if _, ok := updated["client_secret"]; ok {
		t.Fatal("update must not return the secret")
	}

	resp, body = appsCall(t, sim, http.MethodDelete, "/v1/apps/"+id, nil)
	wantStatus(t, resp, body, http.StatusNoContent)
	if len(body) != 0 {
		t.Errorf("delete body %q", body)
	}
	resp, body = appsCall(t, sim, http.MethodDelete, "/v1/apps/"+id, nil)
	wantStatus(t, resp, body, http.StatusNotFound)
	// A deleted app's tokens and credentials stop working.
	resp, body = get(t, sim.URL+"/v1/customers", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusUnauthorized)
	resp, body = postJSON(t, sim.URL+"/oauth/tokens", map[string]string{
		"client_id": clientID, "client_secret": secret, "grant_type": "refresh_token", "refresh_token": tok.RefreshToken,
	})
	wantStatus(t, resp, body, http.StatusUnauthorized)
}

func TestAppsValidation(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	for _, body := range []map[string]any{
		{"callbacks": []string{"http://127.0.0.1/cb"}},
		{"name": "", "callbacks": []string{"http://127.0.0.1/cb"}},
		{"name": "x"},
		{"name": "x", "callbacks": []string{}},
		{"name": "x", "callbacks": []string{"/relative/cb"}},
		{"name": "x", "callbacks": []string{"http://127.0.0.1/cb#frag"}},
		{"name": "x", "callbacks": []string{"http://127.0.0.1/cb"}, "logo_uri": "not a uri"},
		{"name": 5, "callbacks": []string{"http://127.0.0.1/cb"}},
	} {
		resp, b := appsCall(t, sim, http.MethodPost, "/v1/apps", body)
		wantStatus(t, resp, b, http.StatusBadRequest)
	}
	resp, b := do(t, http.MethodPost, sim.URL+"/v1/apps",
		http.Header{"Authorization": {"Bearer " + sim.APIKey()}, "Content-Type": {"application/x-www-form-urlencoded"}},
		strings.NewReader("name=x&callbacks=http://127.0.0.1/cb"))
	wantStatus(t, resp, b, http.StatusBadRequest)
	tok := login(t, sim).AccessToken
	resp, b = get(t, sim.URL+"/v1/apps", tok, "")
	wantStatus(t, resp, b, http.StatusUnauthorized)
}
