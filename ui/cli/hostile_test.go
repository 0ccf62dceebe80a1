package cli

import (
	"encoding/json"
	"slices"
	"strconv"
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

// TestHostileDataNeverReachesTheTerminal runs every command on a login
// whose user, company and customers are named with escape sequences, and
// checks every rune each prints on stdout and stderr.
func TestHostileDataNeverReachesTheTerminal(t *testing.T) {
	t.Parallel()
	w := newWorldWith(t, simulator.Config{Scale: 0.4, Hostile: true})
	stdout, stderr, code := run(t, w, "login")
	if code != ExitOK {
		t.Fatalf("login exit %d: %s", code, stderr)
	}
	checkSafe(t, []string{"login"}, stdout, stderr)
	hostile := w.sim.Companies()[0]
	w.choose(t, hostile.ID)
	cc := w.api(t, hostile.ID)
	ids := listIDs(t, cc, kindCustomer)
	if len(ids) < 10 {
		t.Fatalf("%d hostile customers", len(ids))
	}
	commands := [][]string{
		{"status"},
		{"status", "--json"},
		{"company", "list"},
		{"company", "list", "--json"},
		{"company", "use", "hostile"},
		{"list", "customers", "--company", "no such company"},
		{"api", "/oauth/userinfo"},
		{"api", "/v2/customers", "--paginate", "--jq", ".[].name"},
		{"__complete", "list", "customers", "--company", ""},
		{"__complete", "company", "use", ""},
		{"list", "customers"},
		{"list", "customers", "--json"},
		{"list", "invoices", "--all-companies"},
		{"list", "customers", "--all-companies", "--json"},
		{"list", "customers", "--all-companies", "--csv"},
		{"worklist"},
		{"worklist", "--json"},
		{"list", "customers", "--csv"},
		{"list", "invoices"},
		{"list", "subscriptions", "--json"},
		{"api", "/v2/customers?limit=20"},
		{"get", "customer", "cus_nosuchcustomer"},
	}
	for _, id := range ids {
		commands = append(commands, []string{"get", "customer", id}, []string{"get", "customer", id, "--json"},
			[]string{"summary", id}, []string{"summary", id, "--json"})
	}
	commands = append(commands, []string{"logout"})
	for _, c := range commands {
		stdout, stderr, code := run(t, w, c[0], c[1:]...)
		if code != ExitOK && c[len(c)-1] != "cus_nosuchcustomer" && c[len(c)-1] != "no such company" {
			t.Errorf("hlx %s: exit %d: %s", strings.Join(c, " "), code, stderr)
		}
		checkSafe(t, c, stdout, stderr)
		if slices.Contains(c, "--json") && !validForJQ(stdout) {
			t.Errorf("hlx %s: stdout is not JSON that jq takes:\n%.300s", strings.Join(c, " "), stdout)
		}
	}
	// The JSON shows the escapes, so support can see them.
	if _, errOut, code := run(t, w, "login"); code != ExitOK {
		t.Fatalf("login again: exit %d: %s", code, errOut)
	}
	w.choose(t, hostile.ID)
	stdout, _, _ = run(t, w, "list", "customers", "--json")
	for _, esc := range []string{`\u001b`, `\u0007`, `\u009b`, `\u202e`, `\u200b`} {
		if !strings.Contains(stdout, esc) {
			t.Errorf("the customers' JSON never shows %s", esc)
		}
	}
}

// checkSafe fails the test where a command's output holds a rune that
// must not reach a terminal.
func checkSafe(t *testing.T, cmd []string, stdout, stderr string) {
	t.Helper()
	for name, out := range map[string]string{"stdout": stdout, "stderr": stderr} {
		for i, r := range out {
			if unsafeRune(r) {
				t.Errorf("hlx %s wrote %U to %s: …%q…", strings.Join(cmd, " "), r, name, out[max(0, i-20):min(len(out), i+20)])
				break
			}
		}
	}
}

// validForJQ reports whether out is JSON with no lone surrogate escape,
// which encoding/json accepts but jq refuses.
func validForJQ(out string) bool {
	if !json.Valid([]byte(out)) {
		return false
	}
	for i := 0; i+6 <= len(out); i++ {
		if out[i] != '\\' {
			continue
		}
		if out[i+1] == '\\' {
			i++
			continue
		}
		if out[i+1] != 'u' {
			continue
		}
		v, err := strconv.ParseUint(out[i+2:i+6], 16, 16)
		if err != nil {
			return false
		}
		switch {
		case v >= 0xdc00 && v <= 0xdfff:
			return false
		case v >= 0xd800 && v <= 0xdbff:
			if i+12 > len(out) || out[i+6:i+8] != `\u` {
				return false
			}
			i += 6
		}
	}
	return true
}
