package auth

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// requestSchema compiles the JSON request body schema of a POST operation
// of the spec extract.
func requestSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	raw, err := os.ReadFile("../hyperline/testdata/openapi/spec-extract.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("spec.json", doc); err != nil {
		t.Fatal(err)
	}
	ptr := "/paths/" + strings.ReplaceAll(path, "/", "~1") + "/post/requestBody/content/application~1json/schema"
	sch, err := c.Compile("spec.json#" + ptr)
	if err != nil {
		t.Fatalf("compile %s: %v", ptr, err)
	}
	return sch
}

// TestPublicClientRequestsMatchTheSpec: what hlx sends as a public client
// is what the spec's request schemas allow: the registration, the code
// exchange and the check that a stored client is still known. Its revoke lacks exactly client_secret, which
// the spec requires and a public client does not have (see Logout).
func TestPublicClientRequestsMatchTheSpec(t *testing.T) {
	t.Parallel()
	e := newDynEnv(t, simulator.Config{})
	e.login(t)
	e.login(t) // the stored client is checked first: one more token request
	if _, err := Logout(t.Context(), LogoutOptions{Settings: e.settings, Store: e.store, HTTPClient: e.rec.client()}); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, sent := range e.rec.sent("") {
		path, body, _ := strings.Cut(sent, " ")
		if !strings.HasPrefix(body, "{") {
			continue
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		err = requestSchema(t, path).Validate(inst)
		if path == "/oauth/revoke" {
			var m map[string]any
			_ = json.Unmarshal([]byte(body), &m)
			if err == nil || m["client_secret"] != nil || !strings.Contains(err.Error(), "client_secret") {
				t.Errorf("revoke %s: %v, want only client_secret missing", body, err)
			}
		} else if err != nil {
			t.Errorf("%s %s: %v", path, body, err)
		}
		seen[path]++
	}
	for _, p := range []string{"/oauth/register", "/oauth/tokens", "/oauth/revoke"} {
		if seen[p] == 0 {
			t.Errorf("no request to %s was checked (%v)", p, seen)
		}
	}
}
