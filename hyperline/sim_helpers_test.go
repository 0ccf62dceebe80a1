package hyperline

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// startSim runs a fresh simulator on a loopback port for one test.
func startSim(t testing.TB, cfg simulator.Config) *simulator.Running {
	t.Helper()
	sim, err := simulator.Start("127.0.0.1:0", cfg)
	if err != nil {
		t.Fatalf("start simulator: %v", err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	return sim
}

// simAccessToken runs the OAuth code flow against sim the way the auth
// package will (authorize, consent, code exchange) and returns the access token.
func simAccessToken(t testing.TB, sim *simulator.Running) string {
	t.Helper()
	ctx := context.Background()
	app := sim.App()
	const redirect = "http://127.0.0.1:8765/callback"
	q := url.Values{"client_id": {app.ClientID}, "redirect_uri": {redirect},
		"response_type": {"code"}, "state": {"st4te"}}
	back, err := simulator.Consent(ctx, nil, sim.URL+"/oauth/authorize?"+q.Encode(), true)
	if err != nil {
		t.Fatalf("consent: %v", err)
	}
	if back.Query().Get("state") != "st4te" || back.Query().Get("code") == "" {
		t.Fatalf("consent redirect %s", back.Redacted())
	}
	body, _ := json.Marshal(map[string]string{
		"client_id": app.ClientID, "client_secret": app.ClientSecret, "grant_type": "authorization_code",
		"code": back.Query().Get("code"), "redirect_uri": redirect,
	})
	resp, err := http.Post(sim.URL+"/oauth/tokens", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("token exchange: %v", err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || resp.StatusCode != 200 || tok.AccessToken == "" {
		t.Fatalf("token exchange: status %d, err %v", resp.StatusCode, err)
	}
	return tok.AccessToken
}

// simClient is a client on sim with an OAuth access token (or the API key),
// retries that record instead of sleeping, and the default rate limiter.
func simClient(t testing.TB, sim *simulator.Running, apiKey bool, opts ...Option) (*Client, *sleepRecorder) {
	t.Helper()
	ts := APIKey(sim.APIKey())
	if !apiKey {
		ts = APIKey(simAccessToken(t, sim))
	}
	rec := &sleepRecorder{}
	base := []Option{WithRetry(RetryPolicy{Sleep: rec.sleep})}
	c, err := New(sim.URL, ts, append(base, opts...)...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, rec
}
