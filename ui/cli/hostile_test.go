package cli

import (
	"strings"
	"testing"
	"unicode"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// unsafeRune reports a rune that must never reach a terminal from the
// API: C0 controls but newline and tab (the commands' own layout), DEL,
// C1 controls, and invisible formatting characters (bidi overrides,
// zero-width characters, the BOM).
func unsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// TestHostileDataNeverReachesTheTerminal runs the data and session
// commands on a company whose name and customers' names are made of
// escape sequences, and checks every rune they print.
func TestHostileDataNeverReachesTheTerminal(t *testing.T) {
	t.Parallel()
	w := newWorldWith(t, simulator.Config{Scale: 0.4, Hostile: true})
	if _, errOut, code := run(t, w, "login"); code != ExitOK {
		t.Fatalf("login exit %d: %s", code, errOut)
	}
	hostile := w.sim.Companies()[0]
	w.choose(t, hostile.ID)
	cc := w.api(t, hostile.ID)
	ids := listIDs(t, cc, kindCustomer)
	if len(ids) < 10 {
		t.Fatalf("%d hostile customers", len(ids))
	}
	commands := [][]string{
		{"status"},
		{"list", "customers"},
		{"list", "customers", "--json"},
		{"list", "customers", "--csv"},
		{"list", "invoices"},
		{"list", "subscriptions", "--json"},
		{"api", "/v2/customers?limit=20"},
		{"get", "customer", "cus_nosuchcustomer"},
	}
	for _, id := range ids {
		commands = append(commands, []string{"get", "customer", id}, []string{"get", "customer", id, "--json"})
	}
	for _, c := range commands {
		stdout, stderr, code := run(t, w, c[0], c[1:]...)
		if code != ExitOK && c[len(c)-1] != "cus_nosuchcustomer" {
			t.Errorf("hlx %s: exit %d: %s", strings.Join(c, " "), code, stderr)
		}
		for name, out := range map[string]string{"stdout": stdout, "stderr": stderr} {
			for i, r := range out {
				if unsafeRune(r) {
					t.Errorf("hlx %s wrote %U to %s: …%q…", strings.Join(c, " "), r, name, out[max(0, i-20):min(len(out), i+20)])
					break
				}
			}
		}
	}
	// The JSON shows the escapes, so support can see them.
	stdout, _, _ := run(t, w, "list", "customers", "--json")
	for _, esc := range []string{`\u001b`, `\u0007`, `\u009b`, `\u202e`, `\u200b`} {
		if !strings.Contains(stdout, esc) {
			t.Errorf("the customers' JSON never shows %s", esc)
		}
	}
}
