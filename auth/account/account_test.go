package account_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/auth/account"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// login logs an account in to sim through a scripted browser that
// approves the consent, and returns the settings it logged in with.
func login(t *testing.T, sim *simulator.Running, store *config.Store) config.Settings {
	t.Helper()
	app := sim.App()
	s := config.Settings{APIURL: sim.URL, ClientID: app.ClientID, ClientSecret: app.ClientSecret,
		RedirectURI: "http://127.0.0.1:0/callback"}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	browser := func(authorizeURL string) error { return simulator.Approve(ctx, nil, authorizeURL) }
	if _, err := auth.Login(ctx, auth.LoginOptions{Settings: s, Store: store, OpenBrowser: browser}); err != nil {
		t.Fatalf("login: %v", err)
	}
	return s
}

// TestOpenChooseAndSwitch opens the logged-in account against the
// simulator over HTTP, refreshes and chooses its companies, lists the
// session's accounts and switches; a session with no account needs a login.
func TestOpenChooseAndSwitch(t *testing.T) {
	t.Parallel()
	sim, err := simulator.Start("127.0.0.1:0", simulator.Config{Seed: 1, LoopbackAnyPort: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	store := config.NewStore(filepath.Join(t.TempDir(), "hlx", "session.json"))
	opts := account.Options{Store: store}

	if _, err := account.Open(config.Settings{APIURL: sim.URL}, "", opts, nil); !errors.Is(err, auth.ErrLoginRequired) {
		t.Fatalf("open before any login: %v, want login required", err)
	}
	s := login(t, sim, store)
	a, err := account.Open(s, "", opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	companies, err := a.RefreshCompanies(context.Background())
	if err != nil || len(companies) == 0 {
		t.Fatalf("companies: %v, %v", companies, err)
	}
	if err := a.UseCompany(companies[len(companies)-1]); err != nil {
		t.Fatal(err)
	}
	reopened, err := account.Open(s, a.Email(), opts, nil)
	if err != nil || reopened.Account.CompanyID != companies[len(companies)-1].ID || len(reopened.Account.Companies) != len(companies) {
		t.Fatalf("reopened: %+v, %v", reopened.Account, err)
	}

	all, err := account.List(store)
	if err != nil || len(all) != 1 || !all[0].Current || all[0].Email != a.Email() || !all[0].LoggedIn {
		t.Fatalf("accounts: %+v, %v", all, err)
	}
	if _, err := account.SetCurrent(store, s.APIURL, ""); !errors.As(err, new(*account.ChoiceError)) {
		t.Errorf("switch with no other account: %v, want a choice to make", err)
	}
	if _, err := account.SetCurrent(store, s.APIURL, "nobody@example.com"); !errors.Is(err, account.ErrNotInSession) {
		t.Errorf("switch to an unknown account: %v", err)
	}
	if _, err := account.SetCurrent(store, "https://elsewhere.example", ""); !errors.Is(err, auth.ErrNotLoggedIn) {
		t.Errorf("switch in an environment with no account: %v", err)
	}
	if got, err := account.Switch(s, a.Email(), opts, nil); err != nil || got.Email() != a.Email() {
		t.Errorf("switch to the open account: %v", err)
	}
}
