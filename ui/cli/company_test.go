package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/ui/cli/company"
)

// TestCompanyByName: every command takes a company by ID or by name (any
// case, a unique prefix), `company use` sets the one commands use, and an
// unknown name exits 5 with the companies on stderr and nothing on stdout.
func TestCompanyByName(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	cos := w.sim.Companies()
	globex := cos[len(cos)-1]

	out, errOut, code := run(t, w, "company", "list", "--json")
	var listed []company.Listed
	if code != ExitOK || json.Unmarshal([]byte(out), &listed) != nil || len(listed) != len(cos) {
		t.Fatalf("company list --json: exit %d, %q, %s", code, out, errOut)
	}
	for _, c := range listed {
		if c.Current != (c.ID == small.ID) {
			t.Errorf("company list: %s current=%v", c.ID, c.Current)
		}
	}

	prefix := strings.ToLower(globex.Name[:4])
	if out, errOut, code := run(t, w, "company", "use", prefix); code != ExitOK || !strings.Contains(out, globex.ID) {
		t.Fatalf("company use %q: exit %d, %q, %s", prefix, code, out, errOut)
	}
	w.sim.ResetRequests()
	if _, errOut, code := run(t, w, "api", "/v2/customers?limit=1"); code != ExitOK {
		t.Fatalf("api after company use: exit %d: %s", code, errOut)
	}
	if reqs := dataRequests(w, "/v2/"); len(reqs) != 1 || reqs[0].CompanyHeader != globex.ID {
		t.Errorf("after company use %s the API saw %+v", globex.ID, reqs)
	}
	if out, _, _ := run(t, w, "company", "list"); !strings.Contains(out, "* "+globex.Name) {
		t.Errorf("company list does not mark %s:\n%s", globex.Name, out)
	}

	w.sim.ResetRequests()
	name := strings.ToUpper(small.Name)
	if _, errOut, code := run(t, w, "list", "customers", "--company", name, "--json"); code != ExitOK {
		t.Fatalf("--company %q: exit %d: %s", name, code, errOut)
	}
	for _, r := range dataRequests(w, "/v2/") {
		if r.CompanyHeader != small.ID {
			t.Fatalf("--company %q sent %q", name, r.CompanyHeader)
		}
	}

	for _, args := range [][]string{
		{"list", "customers", "--company", "no such company"},
		{"get", "customer", "cus_x", "--company", "no such company"},
		{"api", "/v2/customers", "--company", "no such company"},
		{"company", "use", "no such company"},
	} {
		out, errOut, code := run(t, w, args[0], args[1:]...)
		if code != ExitNotFound || out != "" || !strings.HasPrefix(errOut, `hlx: no company "no such company"`) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
		for _, c := range cos {
			if !regexp.MustCompile(regexp.QuoteMeta(c.Name) + ` +` + c.ID).MatchString(errOut) {
				t.Errorf("%q: stderr does not list %s (%s):\n%s", args, c.Name, c.ID, errOut)
			}
		}
	}
}

// TestAPIWithoutCompany: paths that belong to no company need none, and
// are sent without the company header.
func TestAPIWithoutCompany(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	w.choose(t, "")
	for _, path := range []string{"/v1/companies", "/oauth/userinfo"} {
		w.sim.ResetRequests()
		out, errOut, code := run(t, w, "api", path)
		if code != ExitOK || !json.Valid([]byte(out)) {
			t.Fatalf("api %s with no company: exit %d: %s", path, code, errOut)
		}
		for _, r := range w.sim.Requests() {
			if r.CompanyHeader != "" {
				t.Errorf("api %s sent Hyperline-CompanyId %q", path, r.CompanyHeader)
			}
		}
	}
	if _, errOut, code := run(t, w, "api", "/v2/customers"); code != ExitUsage || !strings.Contains(errOut, "hlx company use") {
		t.Errorf("api /v2/customers with no company: exit %d: %s", code, errOut)
	}
}
