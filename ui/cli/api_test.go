package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestAPIGet: a raw GET with the session's token and company, printed as
// indented JSON.
func TestAPIGet(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	w.opts.UserAgent = "hlx/test"
	w.sim.ResetRequests()
	out, errOut, code := run(t, w, "api", "/v2/customers?limit=2")
	if code != ExitOK {
		t.Fatalf("api: exit %d: %s", code, errOut)
	}
	var page struct {
		Data    []json.RawMessage `json:"data"`
		HasMore bool              `json:"has_more"`
	}
	if err := json.Unmarshal([]byte(out), &page); err != nil {
		t.Fatalf("api output is not JSON: %v\n%s", err, out)
	}
	if len(page.Data) != 2 || !page.HasMore || !strings.HasPrefix(out, "{\n  \"") {
		t.Errorf("api /v2/customers?limit=2: %d customers, has_more %v", len(page.Data), page.HasMore)
	}
	reqs := dataRequests(w, "/v2/customers")
	if len(reqs) != 1 || reqs[0].Query != "limit=2" || reqs[0].CompanyHeader != small.ID || !reqs[0].Authorized {
		t.Errorf("requests: %+v", reqs)
	}

	// Without the leading slash, with -X GET, for another company.
	medium := w.sim.Companies()[1]
	if _, errOut, code := run(t, w, "api", "-X", "get", "v2/invoices?limit=1", "--company", medium.ID); code != ExitOK {
		t.Fatalf("api -X get: exit %d: %s", code, errOut)
	}
	if reqs := dataRequests(w, "/v2/invoices"); len(reqs) != 1 || reqs[0].CompanyHeader != medium.ID {
		t.Errorf("--company: %+v", reqs)
	}
}

// TestAPIRefusals: only GET, only paths on the API, and error answers go
// to stderr with exit 1.
func TestAPIRefusals(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	w.sim.ResetRequests()
	for _, args := range [][]string{
		{"-X", "POST", "/v2/customers"},
		{"/v2/customers", "-X", "DELETE"},
		{"https://evil.example/v2/customers"},
		{"//evil.example/v2/customers"},
		{},
	} {
		var b strings.Builder
		err := Run(context.Background(), "api", args, w.opts, &b, &b)
		if ExitCode(err) != ExitUsage {
			t.Errorf("api %q: exit %d: %v", args, ExitCode(err), err)
		}
	}
	var b strings.Builder
	err := Run(context.Background(), "api", []string{"-X", "POST", "/v2/customers"}, w.opts, &b, &b)
	if err == nil || !strings.Contains(err.Error(), "only GET") {
		t.Errorf("POST refused with %v", err)
	}
	if got := dataRequests(w, "/v"); len(got) > 0 {
		t.Errorf("a refused call reached the API: %+v", got)
	}

	var out, errOut strings.Builder
	err = Run(context.Background(), "api", []string{"/v2/customers/cus_nope"}, w.opts, &out, &errOut)
	if ExitCode(err) != ExitNotFound || out.Len() != 0 || !strings.Contains(err.Error(), "404") || errOut.Len() == 0 {
		t.Errorf("404: exit %d, stdout %q, stderr %q, error %v", ExitCode(err), out.String(), errOut.String(), err)
	}
}
