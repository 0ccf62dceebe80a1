package simulator

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// UserAccessToken runs the OAuth code flow against the simulator at
// baseURL with its seeded app (consent approved, code exchanged) and
// returns the user's access token, which reaches every seeded company
// (the API key reaches one). It is for tests and tools that need a user's
// token without a login screen; hc may be nil (http.DefaultClient).
func UserAccessToken(ctx context.Context, hc *http.Client, baseURL string, app App) (string, error) {
	if hc == nil {
		hc = http.DefaultClient
	}
	const redirect = "http://127.0.0.1:8765/callback"
	q := url.Values{"client_id": {app.ClientID}, "redirect_uri": {redirect},
		"response_type": {"code"}, "state": {"st4te"}}
	back, err := Consent(ctx, hc, baseURL+"/oauth/authorize?"+q.Encode(), true)
	if err != nil {
		return "", err
	}
	body, _ := json.Marshal(map[string]string{
		"client_id": app.ClientID, "client_secret": app.ClientSecret, "grant_type": "authorization_code",
		"code": back.Query().Get("code"), "redirect_uri": redirect,
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/oauth/tokens", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return "", fmt.Errorf("token exchange: %w", err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || resp.StatusCode != http.StatusOK || tok.AccessToken == "" {
		return "", fmt.Errorf("token exchange: status %d, %v", resp.StatusCode, err)
	}
	return tok.AccessToken, nil
}
