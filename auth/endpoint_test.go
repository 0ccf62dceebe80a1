package auth

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/config"
)

// TestEndpointErrorsNeverEchoSecrets: a token or revoke endpoint that
// repeats the request in its error text (both documented shapes) must not
// get the client secret, refresh token, code or PKCE verifier into hlx's
// error messages.
func TestEndpointErrorsNeverEchoSecrets(t *testing.T) {
	t.Parallel()
	for _, shape := range []string{"message", "error_description"} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_ = json.NewEncoder(w).Encode(map[string]string{shape: "cannot accept " + string(body)})
		}))
		defer srv.Close()
		const (
			secret   = "client-secret-0123456789"
			refresh  = "refresh-token-0123456789"
			code     = "auth-code-0123456789"
			verifier = "pkce-verifier-0123456789"
		)
		ep := newEndpoint(config.Settings{APIURL: srv.URL, ClientID: "client-id", ClientSecret: secret}, srv.Client(), nil)
		ctx := context.Background()
		_, refreshErr := ep.refresh(ctx, refresh)
		_, exchangeErr := ep.exchange(ctx, code, "http://127.0.0.1:8765/callback", verifier)
		revokeErr := ep.revoke(ctx, refresh)
		for _, err := range []error{refreshErr, exchangeErr, revokeErr} {
			var oe *OAuthError
			if !errors.As(err, &oe) {
				t.Fatalf("%s: err = %v, want an *OAuthError", shape, err)
			}
			for _, s := range []string{secret, refresh, code, verifier} {
				if strings.Contains(err.Error(), s) {
					t.Errorf("%s: error %q contains a secret", shape, err)
				}
			}
			if !strings.Contains(err.Error(), "client-id") {
				t.Errorf("%s: error %q lost the server's (harmless) text", shape, err)
			}
		}
	}
}
