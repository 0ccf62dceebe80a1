package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
)

// TestOAuthRequestsSendHlxUserAgent: the OAuth endpoint's requests name
// hlx as the API client does, not Go's default User-Agent.
func TestOAuthRequestsSendHlxUserAgent(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var agents []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.Method+" "+r.URL.Path+" "+r.UserAgent())
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"access_token":"a","refresh_token":"r","expires_in":3600,"token_type":"Bearer"}`))
	}))
	defer srv.Close()
	e := newEndpoint(config.Settings{APIURL: srv.URL, ClientID: "c"}, srv.Client(), nil)
	if _, err := e.refresh(context.Background(), "r"); err != nil {
		t.Fatal(err)
	}
	e.authorizePath(context.Background())
	mu.Lock()
	defer mu.Unlock()
	if len(agents) != 2 {
		t.Fatalf("requests = %q", agents)
	}
	for _, a := range agents {
		if !strings.HasSuffix(a, " "+hyperline.UserAgent("")) {
			t.Errorf("%s: want User-Agent %q", a, hyperline.UserAgent(""))
		}
	}
}
