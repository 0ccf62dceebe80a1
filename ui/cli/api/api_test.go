package api

import (
	"testing"

	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

func TestAPIPath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"/v2/customers?limit=2":   "/v2/customers?limit=2",
		"v2/customers":            "/v2/customers",
		"v2/customers/a%2Fb?x=1":  "/v2/customers/a%2Fb?x=1",
		" /v1/companies#frag ":    "/v1/companies",
		"/v2/x?next=https://evil": "/v2/x?next=https://evil",
	} {
		u, err := apiPath(in)
		if err != nil || u.String() != want {
			t.Errorf("apiPath(%q) = %v, %v; want %s", in, u, err, want)
		}
	}
	for _, in := range []string{"", "https://evil.example/v2", "//evil.example/v2", "http:/v2", "mailto:x@y"} {
		if _, err := apiPath(in); cmdutil.ExitCode(err) != cmdutil.ExitUsage {
			t.Errorf("apiPath(%q): %v, want a usage error", in, err)
		}
	}
}
