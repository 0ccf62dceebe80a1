package cli

import (
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
