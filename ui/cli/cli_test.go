package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/session"
)

// world is a simulator plus options pointing every file into a temp dir.
type world struct {
	sim  *simulator.Running
	opts Options
}

func newWorld(t *testing.T) *world {
	t.Helper()
	return newWorldWith(t, simulator.Config{})
}

// newWorldWith is a world on a simulator configured by cfg.
func newWorldWith(t *testing.T, cfg simulator.Config) *world {
	t.Helper()
	// Logins listen on free ports (redirect URI port 0): LoopbackAnyPort.
	cfg.LoopbackAnyPort = true
	sim, err := simulator.Start("127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	dir := t.TempDir()
	app := sim.App()
	env := map[string]string{
		config.EnvClientID:     app.ClientID,
		config.EnvClientSecret: app.ClientSecret,
	}
	return &world{sim: sim, opts: Options{
		APIURL:       sim.URL,
		RedirectURI:  "http://127.0.0.1:0/callback",
		StorePath:    filepath.Join(dir, "hlx", "session.json"),
		SettingsPath: filepath.Join(dir, "hlx", "config.json"),
		StateDir:     filepath.Join(dir, "state"),
		Getenv:       func(k string) string { return env[k] },
		OpenBrowser: func(authURL string) error {
			loc, err := simulator.Consent(context.Background(), nil, authURL, true)
			if err != nil {
				return err
			}
			resp, err := http.Get(loc.String())
			if err != nil {
				return err
			}
			return resp.Body.Close()
		},
	}}
}

func run(t *testing.T, w *world, cmd string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := Run(context.Background(), cmd, args, w.opts, &out, &errOut)
	return out.String(), errOut.String(), ExitCode(err)
}

func (w *world) session(t *testing.T) *config.Session {
	t.Helper()
	s, err := config.NewStore(w.opts.StorePath).Load()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCommandsEndToEnd(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	user := w.sim.User()

	out, errOut, code := run(t, w, "login")
	if code != ExitOK {
		t.Fatalf("login exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Logged in to " + strings.TrimSuffix(w.sim.URL, "/"), user.Email, "Companies (3)", "Access token expires", "(in 24h00m)"} {
		if !strings.Contains(out, want) {
			t.Errorf("login output lacks %q:\n%s", want, out)
		}
	}
	for _, step := range []string{"Opened the Hyperline login page", "Exchanging the code for tokens…", "Fetching your profile and companies…"} {
		if !strings.Contains(errOut, step) {
			t.Errorf("login progress lacks %q:\n%s", step, errOut)
		}
	}
	apiURL, _ := config.NormalizeAPIURL(w.sim.URL)
	tok := w.session(t).Current(apiURL).Token
	secrets := []string{tok.AccessToken, tok.RefreshToken, w.sim.App().ClientSecret}

	out, _, code = run(t, w, "status")
	if code != ExitOK {
		t.Fatalf("status exit %d", code)
	}
	for _, want := range []string{user.Email, "current", "none chosen", "refresh token", "yes", "(env)", tok.AccessToken[:4] + "…", "(in 24h00m)"} {
		if !strings.Contains(out, want) {
			t.Errorf("status output lacks %q:\n%s", want, out)
		}
	}
	jsonOut, _, code := run(t, w, "status", "--json")
	if code != ExitOK {
		t.Fatalf("status --json exit %d", code)
	}
	var report session.StatusReport
	if err := json.Unmarshal([]byte(jsonOut), &report); err != nil {
		t.Fatalf("status --json: %v\n%s", err, jsonOut)
	}
	acc := report.Environments[0].Accounts[0]
	if !report.Environments[0].Selected || !acc.Current || !acc.LoggedIn || !acc.Token.HasRefreshToken ||
		*acc.Token.ExpiresInSeconds < 86000 || report.Settings.ClientSecret.Value != "set" || report.Settings.ClientID.Source != config.SourceEnv {
		t.Errorf("status report = %s", jsonOut)
	}
	for _, s := range secrets {
		if strings.Contains(out, s) || strings.Contains(jsonOut, s) {
			t.Fatal("status printed a secret")
		}
	}

	out, _, code = run(t, w, "token")
	if code != ExitOK || strings.TrimSpace(out) != tok.AccessToken {
		t.Errorf("token: exit %d, printed the stored token: %v", code, strings.TrimSpace(out) == tok.AccessToken)
	}

	out, errOut, code = run(t, w, "logout")
	if code != ExitOK || !strings.Contains(out, "refresh token revoked") {
		t.Errorf("logout exit %d: %s%s", code, out, errOut)
	}
	if _, _, code := run(t, w, "status"); code != ExitLoginRequired {
		t.Errorf("status after logout exit %d, want %d", code, ExitLoginRequired)
	}
	if _, _, code := run(t, w, "token"); code != ExitLoginRequired {
		t.Errorf("token after logout exit %d, want %d", code, ExitLoginRequired)
	}
	if _, _, code := run(t, w, "logout"); code != ExitLoginRequired {
		t.Errorf("second logout exit %d, want %d", code, ExitLoginRequired)
	}
}

func TestLogoutOfflineWarns(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, errOut, code := run(t, w, "login"); code != ExitOK {
		t.Fatal(errOut)
	}
	w.opts.HTTPClient = &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		return nil, os.ErrDeadlineExceeded
	})}
	out, errOut, code := run(t, w, "logout")
	if code != ExitOK || !strings.Contains(errOut, "may still be valid") || !strings.Contains(out, "local tokens deleted") {
		t.Errorf("offline logout exit %d:\n%s\n%s", code, out, errOut)
	}
}

func TestUsageAndConfigErrors(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, _, code := run(t, w, "status", "--sandbox", "--api-url", "http://127.0.0.1:1"); code != ExitUsage {
		t.Errorf("--sandbox with --api-url: exit %d", code)
	}
	if _, _, code := run(t, w, "status", "--api-url", "http://api.example.com"); code != ExitUsage {
		t.Errorf("plain http to a remote host: exit %d", code)
	}
	if _, _, code := run(t, w, "token", "--bogus"); code != ExitUsage {
		t.Errorf("unknown flag: exit %d", code)
	}
	if _, _, code := run(t, w, "token", "extra"); code != ExitUsage {
		t.Errorf("extra argument: exit %d", code)
	}
	if _, _, code := run(t, w, "login", "-h"); code != ExitOK {
		t.Errorf("-h: exit %d", code)
	}
	// Without app credentials hlx registers itself; only where the
	// environment has no dynamic registration is that a config error.
	noRegistration := newWorldWith(t, simulator.Config{NoRegistration: true})
	noRegistration.opts.Getenv = func(string) string { return "" }
	if _, _, code := run(t, noRegistration, "login"); code != ExitConfig {
		t.Errorf("login without app credentials: exit %d, want %d", code, ExitConfig)
	}
}

func TestSwitchAndLogoutByEmail(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, errOut, code := run(t, w, "login"); code != ExitOK {
		t.Fatal(errOut)
	}
	apiURL, _ := config.NormalizeAPIURL(w.sim.URL)
	if err := config.NewStore(w.opts.StorePath).Update(func(s *config.Session) error {
		s.Upsert(apiURL, "second@example.com").Token.AccessToken = "second-access-token"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := run(t, w, "switch"); code != ExitOK || !strings.Contains(out, "second@example.com") {
		t.Fatalf("switch exit %d: %s%s", code, out, errOut)
	}
	if got := w.session(t).Env(apiURL).Current; got != "second@example.com" {
		t.Errorf("current = %q", got)
	}
	if _, _, code := run(t, w, "switch", "nobody@example.com"); code != ExitUsage {
		t.Errorf("switch to unknown account: exit %d", code)
	}
	// Flags after the positional email are parsed too.
	if out, errOut, code := run(t, w, "logout", "second@example.com", "--api-url", w.sim.URL); code != ExitOK {
		t.Fatalf("logout by email exit %d: %s%s", code, out, errOut)
	}
	if got := w.session(t).Env(apiURL).Current; got != w.sim.User().Email {
		t.Errorf("current after logging out the current account = %q", got)
	}
}

func TestStatusReportsCorruptSession(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if err := os.MkdirAll(filepath.Dir(w.opts.StorePath), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(w.opts.StorePath, []byte("{oops"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, w, "status")
	if code != ExitLoginRequired || !strings.Contains(errOut, "moved it to") {
		t.Errorf("status on corrupt file: exit %d, stderr %q", code, errOut)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestTokenWarnsWhenRefreshCannotBeSaved: when the session file cannot be
// written after a rotating refresh, `hlx token` still prints the new token
// (it works until it expires) but exits 1 and says the session needs a new
// login, where it used to warn and exit 0.
func TestTokenFailsWhenRefreshCannotBeSaved(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, errOut, code := run(t, w, "login"); code != ExitOK {
		t.Fatal(errOut)
	}
	w.opts.Now = func() time.Time { return time.Now().Add(25 * time.Hour) } // the token has expired
	dir := filepath.Dir(w.opts.StorePath)
	w.opts.HTTPClient = &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := http.DefaultTransport.RoundTrip(r)
		if err == nil && strings.HasSuffix(r.URL.Path, "/oauth/tokens") {
			// The server has answered; now the directory cannot be written
			// (a file in its place defeats even root).
			if err := os.Rename(dir, dir+".aside"); err != nil {
				t.Error(err)
			} else if err := os.WriteFile(dir, nil, 0o600); err != nil {
				t.Error(err)
			}
		}
		return resp, err
	})}
	out, errOut, code := run(t, w, "token")
	if code != ExitFailure || strings.TrimSpace(out) == "" {
		t.Fatalf("token exit %d, want %d with the token still printed: %q %s", code, ExitFailure, out, errOut)
	}
	if !strings.Contains(errOut, "could not be saved") || !strings.Contains(errOut, "new login") {
		t.Errorf("stderr = %q, want it to say the session needs a new login", errOut)
	}
	if strings.Contains(errOut, strings.TrimSpace(out)) {
		t.Error("the warning contains the token")
	}
}
