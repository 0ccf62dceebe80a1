package backend

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// simEnv is a simulator on a loopback port with a session store of its own.
type simEnv struct {
	sim      *simulator.Server
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
		settings: config.Settings{ClientID: app.ClientID, ClientSecret: app.ClientSecret,
			APIURL: srv.URL, RedirectURI: "http://127.0.0.1:0/callback"},
		store: config.NewStore(filepath.Join(t.TempDir(), "session.json")),
	}
}

// backend logs in through a scripted browser that approves the consent.
func (e *simEnv) backend(ctx context.Context) *Backend {
	return New(Options{Settings: e.settings, Store: e.store, OpenBrowser: func(authorizeURL string) error {
		return simulator.Approve(ctx, nil, authorizeURL)
	}})
}

// TestBackendReportsLoadingCompaniesBeforeFetchingThem: the login screen's
// last step must show while the profile and companies load, not after.
func TestBackendReportsLoadingCompaniesBeforeFetchingThem(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.2})
	fetched := func() int {
		n := 0
		for _, r := range env.sim.Requests() {
			if r.Path == "/oauth/userinfo" || r.Path == "/v1/companies" {
				n++
			}
		}
		return n
	}
	var stages []deps.LoginStage
	fetchedAtStep := -1
	_, err := env.backend(ctx).Login(ctx, func(p deps.LoginProgress) {
		if p.Stage == deps.LoginLoadingCompanies && fetchedAtStep < 0 {
			fetchedAtStep = fetched()
		}
		if len(stages) == 0 || stages[len(stages)-1] != p.Stage {
			stages = append(stages, p.Stage)
		}
	})
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	want := []deps.LoginStage{deps.LoginStarting, deps.LoginWaiting, deps.LoginExchanging, deps.LoginLoadingCompanies}
	if !slices.Equal(stages, want) {
		t.Fatalf("stages = %v, want %v", stages, want)
	}
	if fetchedAtStep != 0 {
		t.Fatalf("the loading step came after %d profile and company requests, want before any", fetchedAtStep)
	}
}

func TestLoginNoteOverSSHSaysHowToForwardTheCallbackPort(t *testing.T) {
	t.Parallel()
	b := New(Options{Settings: config.Settings{RedirectURI: "http://127.0.0.1:9999/callback"}})
	var got []deps.LoginProgress
	b.loginEvent(auth.EventURL{URL: "https://x/authorize", Reason: "running over SSH"}, func(p deps.LoginProgress) { got = append(got, p) })
	if len(got) != 1 || !strings.Contains(got[0].Note, "ssh -L 9999:127.0.0.1:9999") {
		t.Fatalf("note over SSH = %+v, want the port-forward hint", got)
	}
	// The port the login bound (a registered fallback) wins over the setting.
	got = nil
	b.loginEvent(auth.EventURL{URL: "https://x/authorize", Reason: "running over SSH", RedirectURI: "http://127.0.0.1:8766/callback"},
		func(p deps.LoginProgress) { got = append(got, p) })
	if len(got) != 1 || !strings.Contains(got[0].Note, "ssh -L 8766:127.0.0.1:8766") {
		t.Fatalf("note over SSH after a fallback = %+v, want port 8766", got)
	}
	got = nil
	b.loginEvent(auth.EventURL{URL: "https://x/authorize", Reason: "--no-browser"}, func(p deps.LoginProgress) { got = append(got, p) })
	if len(got) != 1 || strings.Contains(got[0].Note, "ssh -L") {
		t.Fatalf("note without SSH = %+v, want no port-forward hint", got)
	}
}

// TestBackendForwardsOnlyTheOpenAccountsTokenEvents: a token source left
// behind by a logout (a request of the old login still running, refreshing
// on a 401) must not report into the app, which may be logged in to
// another account by then; the open account's reports still arrive.
func TestBackendForwardsOnlyTheOpenAccountsTokenEvents(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.2})
	b := env.backend(ctx)
	drain := func() []deps.SessionEvent {
		var evs []deps.SessionEvent
		for {
			select {
			case ev := <-b.Events():
				evs = append(evs, ev)
			default:
				return evs
			}
		}
	}
	if _, err := b.Login(ctx, func(deps.LoginProgress) {}); err != nil {
		t.Fatalf("login: %v", err)
	}
	old := b.opened().Tokens
	held, err := old.TokenContext(ctx)
	if err != nil {
		t.Fatalf("token: %v", err)
	}
	if err := b.Logout(ctx); err != nil {
		t.Fatalf("logout: %v", err)
	}
	drain()
	if _, err := old.ForceRefresh(ctx, held.AccessToken); err == nil {
		t.Fatal("the logged-out token source refreshed")
	}
	if evs := drain(); len(evs) != 0 {
		t.Fatalf("the old token source reported %+v", evs)
	}

	if _, err := b.Login(ctx, func(deps.LoginProgress) {}); err != nil {
		t.Fatalf("login again: %v", err)
	}
	drain()
	cur, err := b.opened().Tokens.TokenContext(ctx)
	if err != nil {
		t.Fatalf("token: %v", err)
	}
	if _, err := b.opened().Tokens.ForceRefresh(ctx, cur.AccessToken); err != nil {
		t.Fatalf("refresh the open account: %v", err)
	}
	if evs := drain(); len(evs) == 0 || evs[len(evs)-1].Kind != deps.Refreshed {
		t.Fatalf("the open account's refresh reported %+v, want it to end in deps.Refreshed", evs)
	}
}
