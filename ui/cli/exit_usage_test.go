package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUsageExitCodes: a word a command does not know, or a blank
// --company, is a usage error (exit 2) with nothing on stdout, as the
// README's table says; cobra's own commands printed their help and exited 0,
// and `--company ""` read as the current company.
func TestUsageExitCodes(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	for _, args := range [][]string{
		{"completion", "bogus"},
		{"completion"},
		{"help", "bogus"},
		{"help", "company", "bogus"},
		{"list", "customers", "--company", ""},
		{"list", "customers", "--company=  "},
		{"get", "invoice", "INV-1", "--company", ""},
		{"api", "/v2/customers", "--company", ""},
		{"--company", ""},
	} {
		out, errOut, code := run(t, w, args[0], args[1:]...)
		if code != ExitUsage || out != "" || !strings.HasPrefix(errOut, "hlx: ") {
			t.Errorf("hlx %q: exit %d, want %d; stdout %q, stderr %q", args, code, ExitUsage, out, errOut)
		}
	}
	for _, args := range [][]string{{"completion", "bash"}, {"help", "company"}, {"help"}} {
		if out, errOut, code := run(t, w, args[0], args[1:]...); code != ExitOK || out == "" {
			t.Errorf("hlx %q: exit %d, stdout %d bytes: %s", args, code, len(out), errOut)
		}
	}
}

// TestExitCodeTableRows: the README's table row by row, for the cases
// TestExitCodes does not run.
func TestExitCodeTableRows(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	noCompany, _ := loggedIn(t)
	noCompany.choose(t, "")
	loggedOut := newWorld(t)
	badConfig := newWorld(t)
	if err := os.MkdirAll(filepath.Dir(badConfig.opts.SettingsPath), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(badConfig.opts.SettingsPath, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		w    *world
		args []string
		want int
	}{
		{w, []string{"list", "customers", "--sandbox", "--api-url", "http://127.0.0.1:1"}, ExitUsage},
		{noCompany, []string{"list", "customers"}, ExitUsage},
		{w, []string{"version", "extra"}, ExitUsage},
		{w, []string{"login", "--no-such-flag"}, ExitUsage},
		{badConfig, []string{"list", "customers"}, ExitConfig},
		{loggedOut, []string{"status"}, ExitLoginRequired},
		{loggedOut, []string{"token"}, ExitLoginRequired},
		{w, []string{"api", "/v2/no-such-path"}, ExitNotFound},
		{w, []string{"company", "use", "no such company"}, ExitNotFound},
		{w, []string{"get", "customer", "cus_nosuchcustomer"}, ExitNotFound},
	} {
		if _, errOut, code := run(t, tt.w, tt.args[0], tt.args[1:]...); code != tt.want {
			t.Errorf("hlx %s: exit %d, want %d: %s", strings.Join(tt.args, " "), code, tt.want, errOut)
		}
	}
}
