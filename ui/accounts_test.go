package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// TestAccountSwitchAcrossEnvironments logs in to two environments (two
// simulators) in one session file, opens the app on the first, and
// switches to the second with a: its last company opens, the first
// company's data is gone, the status bar names the new environment, and
// the switch costs the second environment only the new company's first
// page (no login, no company list).
func TestAccountSwitchAcrossEnvironments(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := newSimEnv(t, simulator.Config{Scale: 0.2})
	second := newSimEnv(t, simulator.Config{Scale: 0.2, Seed: 99})
	second.store = first.store // one session file, two environments
	first.loginAndChoose(t, ctx, 1)
	want := second.loginAndChoose(t, ctx, 2)

	be := backend.New(backend.Options{Settings: first.settings, Store: first.store,
		SettingsFor: func(apiURL string) (config.Settings, error) { return second.settings, nil }})
	h := newHarnessWithDeps(t, first.deps(ctx, withoutEvents{be}, be), 100, 30).start()
	before := h.app.scope.company
	h.key("a")
	h.requireView("Accounts and environments", "127.0.0.1", "log in to another account")
	m, ok := h.app.top().(*accountsModel)
	if !ok || len(m.accounts) != 2 {
		t.Fatalf("the picker lists %+v", m)
	}
	target := -1
	for i, a := range m.accounts {
		if a.APIURL == second.settings.APIURL {
			target = i
		}
	}
	for m.cursor != target {
		if m.cursor < target {
			h.key("down")
		} else {
			h.key("up")
		}
		m = h.app.top().(*accountsModel)
	}
	second.sim.ResetRequests()
	first.sim.ResetRequests()
	h.key("enter")

	if h.app.scope.company.ID != want.ID || h.app.scope.company.ID == before.ID {
		t.Fatalf("after the switch the company is %+v, want %s", h.app.scope.company, want.ID)
	}
	if got := h.app.c.env.APIURL; got != second.settings.APIURL {
		t.Fatalf("the app's environment is %s", got)
	}
	b := h.browser()
	for _, c := range b.customers().base.items {
		if c.ID == "" {
			t.Fatal("an empty customer")
		}
	}
	var paths []string
	for _, r := range second.sim.Requests() {
		paths = append(paths, r.Method+" "+r.Path)
		if r.CompanyHeader != "" && r.CompanyHeader != want.ID {
			t.Fatalf("a request for %s after switching to %s", r.CompanyHeader, want.ID)
		}
	}
	if len(paths) != 1 || paths[0] != "GET /v2/customers" {
		t.Fatalf("the switch made %v", paths)
	}
	if n := len(first.sim.Requests()); n != 0 {
		t.Fatalf("the old environment got %d requests after the switch", n)
	}
	t.Logf("account switch: %d request(s): %v", len(paths), paths)
	h.requireView(strings.ToUpper(strings.TrimPrefix(second.settings.APIURL, "http://")))
}

// TestAccountsPickerLogsInToAnother: the picker's last line starts a
// browser login in the open environment, dropping the company shown.
func TestAccountsPickerLogsInToAnother(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24, withAccounts()).start()
	h.key("a")
	h.requireView("production", "support@example.com  logged out", "+ log in to another account of sandbox")
	for range 3 {
		h.key("down")
	}
	h.session.mu.Lock()
	h.session.account.Email = "grace@example.com"
	h.session.mu.Unlock()
	h.key("enter")
	if h.app.c.account.Email != "grace@example.com" {
		t.Fatalf("after the login the account is %q", h.app.c.account.Email)
	}
	h.requireView("grace@example.com")
}
