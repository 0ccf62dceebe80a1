package hyperline

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// appsServer is a minimal Apps API double: it records bodies and answers with
// the documented statuses and shapes.
func appsServer(t *testing.T, bodies *[]map[string]json.RawMessage) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+testToken {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var body map[string]json.RawMessage
		if b, _ := io.ReadAll(r.Body); len(b) > 0 {
			if r.Header.Get("Content-Type") != "application/json" {
				t.Errorf("%s %s: Content-Type %q", r.Method, r.URL.Path, r.Header.Get("Content-Type"))
			}
			_ = json.Unmarshal(b, &body)
			*bodies = append(*bodies, body)
		}
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/v1/apps":
			_, _ = io.WriteString(w, `[{"id":"app_1","name":"One","description":null,"logo_uri":null,"callbacks":["http://127.0.0.1:8765/callback"],"client_id":"cli_1"}]`)
		case r.Method == http.MethodPost && r.URL.Path == "/v1/apps":
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"id":"app_2","name":"Two","description":null,"logo_uri":null,"callbacks":["http://127.0.0.1:8765/callback"],"client_id":"cli_2","client_secret":"sec_2222222222"}`)
		case r.Method == http.MethodPut && r.URL.Path == "/v1/apps/app_2":
			_, _ = io.WriteString(w, `{"id":"app_2","name":"Renamed","description":"d","logo_uri":null,"callbacks":["http://localhost/cb"],"client_id":"cli_2"}`)
		case r.Method == http.MethodDelete && r.URL.Path == "/v1/apps/app_2":
			w.WriteHeader(http.StatusNoContent)
		case r.Method == http.MethodDelete && r.URL.Path == "/v1/apps/app_text":
			// Not the documented 204, but a 2xx all the same.
			w.Header().Set("Content-Type", "text/plain")
			_, _ = io.WriteString(w, "App deleted")
		default:
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"message":"Route not found"}`)
		}
	}))
}

func TestAppsAPI(t *testing.T) {
	t.Parallel()
	var bodies []map[string]json.RawMessage
	srv := appsServer(t, &bodies)
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	ctx := context.Background()

	apps, err := c.ListApps(ctx)
	if err != nil || len(apps) != 1 || apps[0].ClientID != "cli_1" || apps[0].ClientSecret != "" {
		t.Fatalf("ListApps: %v %+v", err, apps)
	}
	created, err := c.CreateApp(ctx, AppInput{Name: "Two", Callbacks: []string{"http://127.0.0.1:8765/callback"}})
	if err != nil || created.ClientSecret != "sec_2222222222" || created.ID != "app_2" {
		t.Fatalf("CreateApp: %v %+v", err, created)
	}
	desc := "d"
	updated, err := c.UpdateApp(ctx, "app_2", AppInput{Name: "Renamed", Description: &desc, Callbacks: []string{"http://localhost/cb"}})
	if err != nil || updated.Name != "Renamed" || updated.ClientSecret != "" {
		t.Fatalf("UpdateApp: %v %+v", err, updated)
	}
	if err := c.DeleteApp(ctx, "app_2"); err != nil {
		t.Fatalf("DeleteApp: %v", err)
	}
	if err := c.DeleteApp(ctx, "app_text"); err != nil {
		t.Fatalf("DeleteApp with a text 200: %v", err)
	}
	if err := c.DeleteApp(ctx, "app_404"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("DeleteApp unknown: %v", err)
	}

	// Create leaves unset optional fields out; update sends all four, nulls included.
	if len(bodies) != 2 {
		t.Fatalf("%d bodies", len(bodies))
	}
	if _, ok := bodies[0]["description"]; ok {
		t.Errorf("create sent description: %s", bodies[0]["description"])
	}
	for _, k := range []string{"name", "description", "logo_uri", "callbacks"} {
		if _, ok := bodies[1][k]; !ok {
			t.Errorf("update did not send %s", k)
		}
	}
	if string(bodies[1]["logo_uri"]) != "null" {
		t.Errorf("update logo_uri = %s, want null", bodies[1]["logo_uri"])
	}
	if _, err := c.CreateApp(ctx, AppInput{Name: "no callbacks"}); err == nil || !strings.Contains(err.Error(), "callback") {
		t.Errorf("CreateApp without callbacks: %v", err)
	}
}

func TestListAppsToleratesEnvelope(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(serve(200, "application/json", `{"data":[{"id":"app_1","client_id":"c"}]}`))
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	apps, err := c.ListApps(context.Background())
	if err != nil || len(apps) != 1 || apps[0].ID != "app_1" {
		t.Fatalf("%v %+v", err, apps)
	}
}
