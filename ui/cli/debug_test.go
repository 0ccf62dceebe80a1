package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/config"
)

// TestDebugLogForCommands: --debug and HLX_DEBUG=1 log every command's
// HTTP exchanges, redacted, and say where on stderr.
func TestDebugLogForCommands(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	_, errOut, code := run(t, w, "list", "customers", "--debug")
	if code != ExitOK || !strings.Contains(errOut, "hlx: debug log: "+w.opts.StateDir) {
		t.Fatalf("list --debug: exit %d: %s", code, errOut)
	}
	env := w.opts.Getenv
	w.opts.Getenv = func(k string) string {
		if k == "HLX_DEBUG" {
			return "1"
		}
		return env(k)
	}
	if _, errOut, code := run(t, w, "company", "list"); code != ExitOK || !strings.Contains(errOut, "hlx: debug log: ") {
		t.Fatalf("HLX_DEBUG=1 company list: exit %d: %s", code, errOut)
	}
	apiURL, _ := config.NormalizeAPIURL(w.sim.URL)
	tok := w.session(t).Current(apiURL).Token
	logs, _ := filepath.Glob(filepath.Join(w.opts.StateDir, "*", "*"))
	more, _ := filepath.Glob(filepath.Join(w.opts.StateDir, "*"))
	logs = append(logs, more...)
	var all strings.Builder
	for _, p := range logs {
		if b, err := os.ReadFile(p); err == nil {
			all.Write(b)
		}
	}
	text := all.String()
	if !strings.Contains(text, "/v2/customers") || !strings.Contains(text, "/v1/companies") {
		t.Errorf("the debug logs (%v) miss the commands' requests:\n%.500s", logs, text)
	}
	if strings.Contains(text, tok.AccessToken) || (tok.RefreshToken != "" && strings.Contains(text, tok.RefreshToken)) {
		t.Error("a token reached the debug log")
	}
}
