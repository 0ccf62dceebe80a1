package ui

import (
	"context"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
	"github.com/hyperline-tui/hlx/ui/cli/list"
)

// TestListFilterSendsTheExplorersParameters types the same filter into
// the explorer's filter line and into `hlx list KIND --filter`, against
// one simulator, and compares the query strings it received: the same
// filters, the paging and order aside (the explorer loads one page in its
// order, the command line walks every page).
func TestListFilterSendsTheExplorersParameters(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	env := newSimEnv(t, simulator.Config{Scale: 0.2})
	env.loginAndChoose(t, ctx, 1)
	now := time.Date(2026, 11, 15, 10, 30, 0, 0, time.Local)
	be := backend.New(backend.Options{Settings: env.settings, Store: env.store})
	deps := env.deps(ctx, withoutEvents{be}, be)
	deps.Now, deps.Location = func() time.Time { return now }, time.Local // the command line reads dates in time.Local
	h := newHarnessWithDeps(t, deps, 120, 30).start()
	h.key("3")
	inv := h.browser().invoices().base.items[0]

	for _, tc := range []struct {
		tab, kind, path, line string
	}{
		{"3", "invoices", "/v2/invoices", `status:late,error customer:"` + inv.Customer.Name + `" issued:2020..2026 due:<today 1`},
		{"3", "invoices", "/v2/invoices", "status:open,paid due:7d"},
		{"2", "subscriptions", "/v2/subscriptions", "status:active,errored customer:" + inv.Customer.ID},
		{"1", "customers", "/v2/customers", "status:archived created:>=2020-01-01 a"},
	} {
		h.key("esc")
		h.key(tc.tab)
		env.sim.ResetRequests()
		h.filterLine(tc.line)
		explorer := filterQueries(env.sim.Requests())
		if len(explorer) == 0 || !strings.Contains(strings.Join(explorer, "\n"), tc.path+"?") {
			t.Fatalf("%s: the explorer sent %v", tc.line, explorer)
		}

		env.sim.ResetRequests()
		f := cliFactory(t, env, now)
		cmd := list.NewCmdList(f, nil)
		cmd.SetArgs([]string{tc.kind, "--json", "--filter", tc.line})
		if err := cmd.ExecuteContext(ctx); err != nil {
			t.Fatalf("hlx list %s --filter %q: %v", tc.kind, tc.line, err)
		}
		if cli := filterQueries(env.sim.Requests()); !slices.Equal(cli, explorer) {
			t.Errorf("%s:\nthe command line sent %v\nthe explorer sent     %v", tc.line, cli, explorer)
		}
	}
}

// filterQueries are the list requests' paths and queries, paging and order
// left out, each once, sorted. The explorer's look-ups of the names it
// shows (GET /v2/customers/{id}) are no list requests.
func filterQueries(reqs []simulator.RequestRecord) []string {
	var out []string
	for _, r := range reqs {
		if r.Method != "GET" || strings.Count(r.Path, "/") != 2 || !strings.HasPrefix(r.Path, "/v2/") {
			continue
		}
		q, _ := url.ParseQuery(r.Query)
		for _, k := range []string{"take", "skip", "limit", "cursor", "include_total", "sort", "order"} {
			q.Del(k)
		}
		if s := r.Path + "?" + q.Encode(); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// cliFactory is the command line's factory on env's session, its clock
// at now.
func cliFactory(t *testing.T, env *simEnv, now time.Time) *cmdutil.Factory {
	t.Helper()
	streams, _, _ := cmdutil.Test()
	dir := t.TempDir()
	vars := map[string]string{config.EnvClientID: env.settings.ClientID, config.EnvClientSecret: env.settings.ClientSecret}
	return &cmdutil.Factory{IO: streams, Version: "test",
		Flags:     cmdutil.GlobalFlags{APIURL: env.url, RedirectURI: env.settings.RedirectURI},
		Getenv:    func(k string) string { return vars[k] },
		Now:       func() time.Time { return now },
		StorePath: env.store.Path(), SettingsPath: filepath.Join(dir, "config.json"), StateDir: dir}
}
