package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

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
	var stages []LoginStage
	fetchedAtStep := -1
	_, err := env.backend(ctx).Login(ctx, func(p LoginProgress) {
		if p.Stage == LoginLoadingCompanies && fetchedAtStep < 0 {
			fetchedAtStep = fetched()
		}
		if len(stages) == 0 || stages[len(stages)-1] != p.Stage {
			stages = append(stages, p.Stage)
		}
	})
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	want := []LoginStage{LoginStarting, LoginWaiting, LoginExchanging, LoginLoadingCompanies}
	if !slices.Equal(stages, want) {
		t.Fatalf("stages = %v, want %v", stages, want)
	}
	if fetchedAtStep != 0 {
		t.Fatalf("the loading step came after %d profile and company requests, want before any", fetchedAtStep)
	}
}

func TestLoginNoteOverSSHSaysHowToForwardTheCallbackPort(t *testing.T) {
	t.Parallel()
	b := NewBackend(BackendOptions{Settings: config.Settings{RedirectURI: "http://127.0.0.1:9999/callback"}})
	var got []LoginProgress
	b.loginEvent(auth.EventURL{URL: "https://x/authorize", Reason: "running over SSH"}, func(p LoginProgress) { got = append(got, p) })
	if len(got) != 1 || !strings.Contains(got[0].Note, "ssh -L 9999:127.0.0.1:9999") {
		t.Fatalf("note over SSH = %+v, want the port-forward hint", got)
	}
	// The port the login bound (a registered fallback) wins over the setting.
	got = nil
	b.loginEvent(auth.EventURL{URL: "https://x/authorize", Reason: "running over SSH", RedirectURI: "http://127.0.0.1:8766/callback"},
		func(p LoginProgress) { got = append(got, p) })
	if len(got) != 1 || !strings.Contains(got[0].Note, "ssh -L 8766:127.0.0.1:8766") {
		t.Fatalf("note over SSH after a fallback = %+v, want port 8766", got)
	}
	got = nil
	b.loginEvent(auth.EventURL{URL: "https://x/authorize", Reason: "--no-browser"}, func(p LoginProgress) { got = append(got, p) })
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
	drain := func() []SessionEvent {
		var evs []SessionEvent
		for {
			select {
			case ev := <-b.Events():
				evs = append(evs, ev)
			default:
				return evs
			}
		}
	}
	if _, err := b.Login(ctx, func(LoginProgress) {}); err != nil {
		t.Fatalf("login: %v", err)
	}
	old := b.ts
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

	if _, err := b.Login(ctx, func(LoginProgress) {}); err != nil {
		t.Fatalf("login again: %v", err)
	}
	drain()
	cur, err := b.ts.TokenContext(ctx)
	if err != nil {
		t.Fatalf("token: %v", err)
	}
	if _, err := b.ts.ForceRefresh(ctx, cur.AccessToken); err != nil {
		t.Fatalf("refresh the open account: %v", err)
	}
	if evs := drain(); len(evs) == 0 || evs[len(evs)-1].Kind != Refreshed {
		t.Fatalf("the open account's refresh reported %+v, want it to end in Refreshed", evs)
	}
}
