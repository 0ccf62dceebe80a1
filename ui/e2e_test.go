package ui

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// simEnv is a simulator on a loopback port with a session store of its own.
type simEnv struct {
	sim      *simulator.Server
	url      string
	settings config.Settings
	store    *config.Store
}

func newSimEnv(t testing.TB, cfg simulator.Config) *simEnv {
	cfg.LoopbackAnyPort = true // logins listen on free ports (redirect URI port 0)
	sim := simulator.New(cfg)
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	app := sim.App()
	return &simEnv{
		sim: sim,
		url: srv.URL,
		settings: config.Settings{ClientID: app.ClientID, ClientSecret: app.ClientSecret,
			APIURL: srv.URL, RedirectURI: "http://127.0.0.1:0/callback"},
		store: config.NewStore(filepath.Join(t.TempDir(), "session.json")),
	}
}

// scriptedBrowser plays the user's browser: it approves the consent page
// and follows the redirect to hlx's loopback callback.
func scriptedBrowser(ctx context.Context, approve bool) func(string) error {
	return func(authorizeURL string) error {
		target, err := simulator.Consent(ctx, http.DefaultClient, authorizeURL, approve)
		if err != nil {
			return err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, target.String(), nil)
		if err != nil {
			return err
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

func (e *simEnv) backend(ctx context.Context) *backend.Backend {
	return backend.New(backend.Options{Settings: e.settings, Store: e.store, OpenBrowser: scriptedBrowser(ctx, true)})
}

func (e *simEnv) deps(ctx context.Context, s Session, d Data) Deps {
	return Deps{Context: ctx, Session: s, Data: d, Env: EnvironmentFor(e.url, true), Location: time.UTC,
		Clipboard: func(string) error { return nil }}
}

// typeRunes types s one rune per key (teatest's Type splits UTF-8 bytes).
func typeRunes(tm *teatest.TestModel, s string) {
	for _, r := range s {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// waitFor reads the program's output until it shows every string.
func waitFor(t *testing.T, tm *teatest.TestModel, wants ...string) {
	t.Helper()
	var seen []byte
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen = append(seen, b...)
		for _, w := range wants {
			if !bytes.Contains(seen, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

// TestEndToEnd drives the whole app in a real Bubble Tea program against
// the simulator over HTTP: a browser login with a scripted browser, the
// company picker, a customer's detail, and a company switch; then it checks
// from the simulator's log that Hyperline-CompanyId followed the choice.
func TestEndToEnd(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.2})
	companies := env.sim.Companies()
	if len(companies) < 2 {
		t.Fatalf("the simulator seeds %d companies", len(companies))
	}
	first, second := companies[1], companies[0]
	b := env.backend(ctx)
	s := choiceSaved{Backend: b, saved: make(chan string, 8)}
	tm := teatest.NewTestModel(t, New(env.deps(ctx, s, b)), teatest.WithInitialTermSize(100, 30))

	// No session: the login runs by itself, and with several companies the
	// picker opens by itself.
	waitFor(t, tm, "Choose a company", first.Name, second.Name)
	typeRunes(tm, first.Name)
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "[1 Customers]", "/"+formatCount(first.Customers))

	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	// Every request of the detail has been answered (the full object, its
	// related lists, its wallet and portal), so none is still on its way
	// to the server when the company changes below.
	loaded := regexp.MustCompile(`subscriptions [0-9]+ · invoices [0-9]`)
	var seen []byte
	objectArrived := func() bool {
		for _, r := range env.sim.Requests() {
			if strings.HasPrefix(r.Path, "/v2/customers/") && r.CompanyHeader == first.ID {
				return true
			}
		}
		return false
	}
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen = append(seen, b...)
		return bytes.Contains(seen, []byte("Portal")) && loaded.Match(seen) && objectArrived()
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(5*time.Millisecond))

	tm.Type("c")
	waitFor(t, tm, "Choose a company")
	typeRunes(tm, second.Name)
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor(t, tm, "[1 Customers]", "/"+formatCount(second.Customers))
	// The choice is saved by a command of its own, which may still run
	// after the page arrived.
	s.waitSaved(t, second.ID)
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	// Every company-scoped request carried the company chosen at the time.
	switched := false
	var detail, afterSwitch int
	for _, r := range env.sim.Requests() {
		if !strings.HasPrefix(r.Path, "/v2/customers") && !strings.HasPrefix(r.Path, "/v2/invoices") &&
			!strings.HasPrefix(r.Path, "/v2/subscriptions") {
			continue
		}
		switch r.CompanyHeader {
		case second.ID:
			switched = true
			afterSwitch++
		case first.ID:
			if switched {
				t.Errorf("%s %s went to %s after the switch", r.Method, r.Path, first.Name)
			}
			if strings.HasPrefix(r.Path, "/v2/customers/") {
				detail++
			}
		default:
			t.Errorf("%s %s carried Hyperline-CompanyId %q", r.Method, r.Path, r.CompanyHeader)
		}
	}
	if detail == 0 || afterSwitch == 0 {
		t.Fatalf("requests: %d customer details for %s, %d after switching to %s", detail, first.Name, afterSwitch, second.Name)
	}

	// The choice is saved: the next start opens on the second company.
	sess, err := env.store.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := sess.Current(env.url).CompanyID; got != second.ID {
		t.Fatalf("saved company = %q, want %q", got, second.ID)
	}
}

// TestEndToEndResumesTheSavedSession starts with the session the first
// login saved and lands on the saved company without the browser.
func TestEndToEndResumesTheSavedSession(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.2})
	company := env.loginAndChoose(t, ctx, 1)

	b := backend.New(backend.Options{Settings: env.settings, Store: env.store,
		OpenBrowser: func(string) error { t.Error("the browser was opened with a saved session"); return nil }})
	h := newHarnessWithDeps(t, env.deps(ctx, withoutEvents{b}, b), 120, 24).start()
	h.requireView("[1 Customers]", company.Name, "SIMULATOR", env.sim.User().Email, "/"+formatCount(company.Customers))
}

// TestEndToEndRefusedRefreshAsksForLoginAndReturns revokes every grant on
// the server: the next refresh fails, the app asks for a login, and after it
// the user is back on the same company.
func TestEndToEndRefusedRefreshAsksForLoginAndReturns(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.2})
	company := env.loginAndChoose(t, ctx, 0)
	b := env.backend(ctx)
	h := newHarnessWithDeps(t, env.deps(ctx, withoutEvents{b}, b), 120, 24).start()
	h.requireView(company.Name)

	env.sim.RevokeRefreshTokens()
	env.sim.ExpireAccessTokens()
	h.key("r")
	h.requireView("session has ended", "enter to log in")
	h.key("enter")
	h.requireView("[1 Customers]", company.Name, "/"+formatCount(company.Customers))
}

// loginAndChoose logs in with the scripted browser and saves the i-th
// company as the choice.
func (e *simEnv) loginAndChoose(t testing.TB, ctx context.Context, i int) simulator.CompanyInfo {
	t.Helper()
	b := e.backend(ctx)
	if _, err := b.Login(ctx, func(LoginProgress) {}); err != nil {
		t.Fatalf("login: %v", err)
	}
	co := e.sim.Companies()[i]
	cs, err := b.Companies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.ID == co.ID {
			if err := b.ChooseCompany(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
	}
	return co
}

// choiceSaved reports each company choice once the backend has saved it.
type choiceSaved struct {
	*backend.Backend
	saved chan string
}

func (c choiceSaved) ChooseCompany(ctx context.Context, co hyperline.Company) error {
	err := c.Backend.ChooseCompany(ctx, co)
	if err == nil {
		c.saved <- co.ID
	}
	return err
}

// waitSaved waits until the company is saved as the choice.
func (c choiceSaved) waitSaved(t *testing.T, companyID string) {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case id := <-c.saved:
			if id == companyID {
				return
			}
		case <-timeout:
			t.Fatalf("company %s was never saved as the choice", companyID)
		}
	}
}

// withoutEvents hides the token source's events, whose listener would
// block the synchronous harness.
type withoutEvents struct{ *backend.Backend }

func (withoutEvents) Events() <-chan SessionEvent { return nil }
