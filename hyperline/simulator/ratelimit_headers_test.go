package simulator

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestRateLimitHeadersOnEveryResponse: the docs list X-RateLimit-Limit,
// -Remaining and -Reset as response headers and Retry-After for 429 only,
// so every answer of the API host carries the first three, OAuth endpoints
// and refusals included.
func TestRateLimitHeadersOnEveryResponse(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{ReadLimit: 5})
	tok := login(t, sim)
	app := sim.App()
	json := http.Header{"Content-Type": {"application/json"}}
	bearer := func(tk string) http.Header { return http.Header{"Authorization": {"Bearer " + tk}} }
	tests := []struct {
		name, method, path string
		header             http.Header
		body               string
		status             int
	}{
		{"data 200", "GET", "/v1/companies", bearer(tok.AccessToken), "", 200},
		{"data 401", "GET", "/v1/customers", nil, "", 401},
		{"route 404", "GET", "/v1/subscriptions", bearer(tok.AccessToken), "", 404},
		{"userinfo 200", "GET", "/oauth/userinfo", bearer(tok.AccessToken), "", 200},
		{"userinfo 401", "GET", "/oauth/userinfo", nil, "", 401},
		{"authorize 400", "GET", "/oauth/authorize?client_id=nobody", nil, "", 400},
		{"authorize 302", "GET", "/oauth/authorize?client_id=" + app.ClientID + "&redirect_uri=" + testRedirect, nil, "", 302},
		{"tokens 400 form", "POST", "/oauth/tokens", http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, "a=b", 400},
		{"tokens 401", "POST", "/oauth/tokens", json, `{"client_id":"x","client_secret":"y","grant_type":"refresh_token"}`, 401},
		{"revoke 204", "POST", "/oauth/revoke", json, `{"client_id":"` + app.ClientID + `","client_secret":"` + app.ClientSecret + `","token":"nope"}`, 204},
		{"apps 200", "GET", "/v1/apps", bearer(sim.APIKey()), "", 200},
	}
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tt := range tests {
		req, err := http.NewRequestWithContext(context.Background(), tt.method, sim.URL+tt.path, strings.NewReader(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header = tt.header.Clone()
		if req.Header == nil {
			req.Header = http.Header{}
		}
		resp, err := noFollow.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d; body %s", tt.name, resp.StatusCode, tt.status, body)
		}
		for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} {
			if resp.Header.Get(h) == "" {
				t.Errorf("%s: no %s header", tt.name, h)
			}
		}
		if ra := resp.Header.Get("Retry-After"); ra != "" {
			t.Errorf("%s: Retry-After %q on a %d", tt.name, ra, resp.StatusCode)
		}
	}
	// Past the limit, the OAuth reads are refused like the others.
	for range 5 {
		do(t, "GET", sim.URL+"/oauth/userinfo", bearer(tok.AccessToken), nil)
	}
	resp, body := do(t, "GET", sim.URL+"/oauth/userinfo", bearer(tok.AccessToken), nil)
	wantStatus(t, resp, body, http.StatusTooManyRequests)
	if resp.Header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
}
