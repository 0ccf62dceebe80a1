package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestExitCodes: one command line per code of the README's table.
func TestExitCodes(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	loggedOut := newWorld(t)
	// No app, and an environment without dynamic registration (404 on
	// POST /oauth/register): nothing hlx can log in with.
	unconfigured := newWorldWith(t, simulator.Config{NoRegistration: true})
	unconfigured.opts.Getenv = func(string) string { return "" }
	for _, tt := range []struct {
		w    *world
		args []string
		want int
	}{
		{w, []string{"version"}, ExitOK},
		{w, []string{"api", "/v2/customers", "--api-url", "http://127.0.0.1:1"}, ExitLoginRequired},
		{w, []string{"list", "planets"}, ExitUsage},
		{w, []string{"lst"}, ExitUsage},
		{unconfigured, []string{"login"}, ExitConfig},
		{loggedOut, []string{"list", "customers"}, ExitLoginRequired},
		{w, []string{"get", "invoice", "inv_nosuchinvoice"}, ExitNotFound},
		{w, []string{"list", "customers", "--company", "no such company"}, ExitNotFound},
	} {
		if _, errOut, code := run(t, tt.w, tt.args[0], tt.args[1:]...); code != tt.want {
			t.Errorf("hlx %s: exit %d, want %d: %s", strings.Join(tt.args, " "), code, tt.want, errOut)
		}
	}
	// 1: a server that fails (the API refuses the host, 5xx after retries…).
	if _, errOut, code := run(t, w, "api", "/v2/customers/%00"); code != ExitFailure && code != ExitNotFound {
		t.Errorf("api with a bad path: exit %d: %s", code, errOut)
	}
	// 130: interrupted.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b strings.Builder
	if err := Run(ctx, "list", []string{"invoices"}, w.opts, &b, &b); ExitCode(err) != ExitInterrupted {
		t.Errorf("interrupted: exit %d", ExitCode(err))
	}
}

// TestLoginWithNothingToPaste: with no browser and stdin at its end the
// login says why it cannot finish, once, at once.
func TestLoginWithNothingToPaste(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	out, errOut, code := run(t, w, "login", "--no-browser")
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	last := lines[len(lines)-1]
	if code != ExitFailure || out != "" || !strings.HasPrefix(last, "hlx: login: nothing was pasted") ||
		strings.Count(errOut, "login: login") > 0 || !strings.Contains(last, "--no-browser and paste") {
		t.Errorf("login --no-browser </dev/null: exit %d, stderr:\n%s", code, errOut)
	}
}

// TestExpiredSessionWithoutSecret: a refresh needs the client secret; an
// expired session without one is "not configured" (exit 3), and says what
// to set.
func TestExpiredSessionWithoutSecret(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	env := w.opts.Getenv
	w.opts.Getenv = func(k string) string {
		if k == config.EnvClientSecret {
			return ""
		}
		return env(k)
	}
	w.opts.Now = func() time.Time { return time.Now().Add(25 * time.Hour) }
	for _, args := range [][]string{{"token"}, {"list", "customers"}, {"api", "/v1/companies"}} {
		_, errOut, code := run(t, w, args[0], args[1:]...)
		if code != ExitConfig || !strings.Contains(errOut, config.EnvClientSecret) {
			t.Errorf("%q with an expired session and no secret: exit %d: %s", args, code, errOut)
		}
	}
}
