package hyperline

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestErrorNeverCarriesTheSentToken: the token the request sent is
// redacted from an error however the server echoes it: opaque (no
// "Bearer", no known prefix), in JSON with its "/" escaped, in plain text,
// in a list of messages, and where the message is cut, so that no start
// of it survives the cut.
func TestErrorNeverCarriesTheSentToken(t *testing.T) {
	t.Parallel()
	const token = "Zq9v/opaque+Token~with.no-known_shape0123456789"
	escaped := strings.ReplaceAll(token, "/", `\/`)
	long := strings.Repeat("x", maxMessageLen-12)
	for name, tc := range map[string]struct{ contentType, body string }{
		"json":         {"application/json", `{"message":"token ` + token + ` is revoked"}`},
		"json escaped": {"application/json", `{"message":"token ` + escaped + ` is revoked"}`},
		"json list":    {"application/json", `{"message":["bad", "token ` + token + `"]}`},
		"oauth":        {"application/json", `{"error":"invalid_token","error_description":"` + token + `"}`},
		"plain text":   {"text/plain", "unknown credential " + token + "\n"},
		"cut json":     {"application/json", `{"message":"` + long + token + `"}`},
		"cut text":     {"text/plain", long + token},
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer "+token {
				t.Errorf("%s: the request carried %q", name, r.Header.Get("Authorization"))
			}
			w.Header().Set("Content-Type", tc.contentType)
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, tc.body)
		}))
		c, _ := newTestClient(t, srv)
		c.ts = APIKey(token)
		_, err := c.ListCompanies(context.Background())
		srv.Close()
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		for n := 8; n <= len(token); n++ {
			if strings.Contains(err.Error(), token[:n]) {
				t.Errorf("%s: the error carries the token's first %d characters: %v", name, n, err)
				break
			}
		}
	}
}
