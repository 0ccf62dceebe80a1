package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestLoginWithoutAnApp: with nothing configured, hlx login registers hlx
// as a public client and says so; hlx status (text and JSON) names the
// client; hlx token refreshes an expired token without any secret; hlx
// logout deletes the tokens here and says the server kept them valid.
func TestLoginWithoutAnApp(t *testing.T) {
	t.Parallel()
	w := newWorldWith(t, simulator.Config{AccessTTL: time.Hour})
	w.opts.Getenv = func(string) string { return "" } // no app anywhere

	out, errOut, code := run(t, w, "login")
	if code != ExitOK || !strings.Contains(errOut, "registering hlx with Hyperline as a public client") ||
		!strings.Contains(out, "Client: hlx, registered dynamically (public client dyn_…).") {
		t.Fatalf("login: exit %d\n%s\n%s", code, out, errOut)
	}
	if got := w.sim.DynamicClients(); len(got) != 1 {
		t.Fatalf("registered %v", got)
	}

	out, _, code = run(t, w, "status")
	if code != ExitOK || strings.Count(out, "hlx, registered dynamically (public client dyn_…)") != 2 {
		t.Fatalf("status: exit %d\n%s", code, out)
	}
	out, _, _ = run(t, w, "status", "--json")
	var report struct {
		Settings struct {
			Client        string `json:"client"`
			Registrations string `json:"registrations_file"`
		} `json:"settings"`
		Environments []struct {
			Accounts []struct {
				Client string `json:"client"`
			} `json:"accounts"`
		} `json:"environments"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out)
	}
	want := "hlx, registered dynamically (public client dyn_…)"
	if report.Settings.Client != want || !strings.HasSuffix(report.Settings.Registrations, "clients.json") ||
		len(report.Environments) != 1 || report.Environments[0].Accounts[0].Client != want {
		t.Fatalf("status --json: %s", out)
	}

	// An hour later the access token has expired: hlx token refreshes it
	// with the client id alone.
	w.opts.Now = func() time.Time { return time.Now().Add(2 * time.Hour) }
	out, errOut, code = run(t, w, "token")
	if code != ExitOK || len(strings.TrimSpace(out)) < 20 {
		t.Fatalf("token: exit %d\n%s\n%s", code, out, errOut)
	}

	out, errOut, code = run(t, w, "logout")
	if code != ExitOK || !strings.Contains(out, "the server keeps them valid") || !strings.Contains(errOut, "public client") {
		t.Fatalf("logout: exit %d\n%s\n%s", code, out, errOut)
	}
	out, _, _ = run(t, w, "status")
	if !regexp.MustCompile(`login client +hlx, registered dynamically`).MatchString(out) {
		t.Errorf("status after logout does not keep the registration:\n%s", out)
	}
}
