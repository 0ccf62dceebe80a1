package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestWorklistCountsEveryCompany: hlx worklist prints a row per company
// and a column per worklist, one request per cell, and --json the same
// counts, each the total the list itself gives.
func TestWorklistCountsEveryCompany(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	w.sim.ResetRequests()
	out, errOut, code := run(t, w, "worklist")
	if code != ExitOK {
		t.Fatalf("worklist: exit %d: %s", code, errOut)
	}
	for _, co := range w.sim.Companies() {
		if !strings.Contains(out, co.Name) {
			t.Errorf("no row for %s:\n%s", co.Name, out)
		}
	}
	for _, want := range []string{" 1  Payment failed", "status:late due:<30d", "payment_method:missing", "TOTAL"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if n := len(dataRequests(w, "/v2/")); n != 5*len(w.sim.Companies()) {
		t.Errorf("%d list requests, want one per worklist and company (%d)", n, 5*len(w.sim.Companies()))
	}
	out, errOut, code = run(t, w, "worklist", "--json")
	if code != ExitOK {
		t.Fatalf("worklist --json: exit %d: %s", code, errOut)
	}
	var got struct {
		Worklists []struct {
			Name, Kind, Filter string
			Total              int
			Companies          []struct {
				ID    string `json:"company_id"`
				Count *int   `json:"count"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Worklists) != 5 {
		t.Fatalf("--json: %v\n%s", err, out)
	}
	failed := got.Worklists[0]
	if failed.Name != "Payment failed" || failed.Kind != "invoices" || len(failed.Companies) != len(w.sim.Companies()) {
		t.Fatalf("first worklist %+v", failed)
	}
	sum := 0
	for _, c := range failed.Companies {
		if c.Count == nil {
			t.Fatalf("no count for %s", c.ID)
		}
		sum += *c.Count
	}
	if sum != failed.Total || sum == 0 {
		t.Errorf("total %d, companies sum to %d", failed.Total, sum)
	}
}

// TestWorklistRefusesABadOne: a worklist of the settings file that does
// not read is a configuration error naming it, before any request.
func TestWorklistRefusesABadOne(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	body := `{"version":1,"worklists":[{"name":"Late","kind":"invoice","filter":"status:latte"}]}`
	if err := os.WriteFile(w.opts.SettingsPath, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	w.sim.ResetRequests()
	_, errOut, code := run(t, w, "worklist")
	if code != ExitConfig || !strings.Contains(errOut, `worklist "Late": filter "status:latte": status: unknown value "latte"`) ||
		!strings.Contains(errOut, filepath.Base(w.opts.SettingsPath)) {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := len(dataRequests(w, "/v")); n != 0 {
		t.Errorf("%d requests for a bad worklist", n)
	}
	// The explorer refuses to start on it too, before it takes the screen.
	_, errOut, code = run(t, w, "--no-browser")
	if code != ExitConfig || !strings.Contains(errOut, `worklist "Late": filter "status:latte"`) {
		t.Fatalf("explorer: exit %d: %s", code, errOut)
	}
}

// TestListAllCompanies: --all-companies lists every company, each JSON
// object with company_id and company_name first, each CSV row with
// company id and name columns.
func TestListAllCompanies(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	out, errOut, code := run(t, w, "list", "invoices", "--filter", "status:error", "--all-companies", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	perCompany := map[string]int{}
	for _, it := range items {
		if it["status"] != "error" || it["company_name"] == "" || it["id"] == nil {
			t.Fatalf("item %v", it)
		}
		perCompany[it["company_id"].(string)]++
	}
	for _, co := range w.sim.Companies() {
		cc := w.api(t, co.ID)
		want := 0
		for _, err := range cc.Invoices(t.Context(), hyperline.InvoiceListOptions{Status: []string{"error"}}) {
			if err != nil {
				t.Fatal(err)
			}
			want++
		}
		if perCompany[co.ID] != want || want == 0 {
			t.Errorf("%s: %d items, the API has %d", co.Name, perCompany[co.ID], want)
		}
	}
	out, errOut, code = run(t, w, "list", "subscriptions", "--status", "errored", "--all-companies", "--csv")
	if code != ExitOK {
		t.Fatalf("csv: exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][0] != "company_id" || rows[0][1] != "company_name" || rows[0][2] != "id" {
		t.Fatalf("csv: %v %v", err, rows[:min(len(rows), 2)])
	}
	_, errOut, code = run(t, w, "list", "invoices", "--filter", "customer:Acme", "--all-companies")
	if code != ExitUsage || !strings.Contains(errOut, "one company's customer") {
		t.Fatalf("customer: with --all-companies: exit %d: %s", code, errOut)
	}
}

// TestWorklistAllAccounts: --all-accounts counts in the companies of the
// session's other logged-in accounts too (here one of another
// environment, another simulator), each read with its own token and
// labelled with its account.
func TestWorklistAllAccounts(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	other, err := simulator.Start("127.0.0.1:0", simulator.Config{Seed: 2, Scale: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = other.Close() })
	tok, err := simulator.UserAccessToken(t.Context(), nil, other.URL, other.App())
	if err != nil {
		t.Fatal(err)
	}
	otherURL, _ := config.NormalizeAPIURL(other.URL)
	if err := config.NewStore(w.opts.StorePath).Update(func(s *config.Session) error {
		acc := s.Upsert(otherURL, "ops@example.com")
		acc.Token = config.Token{AccessToken: tok, TokenType: "bearer", Expiry: time.Now().Add(time.Hour)}
		for _, co := range other.Companies() {
			acc.Companies = append(acc.Companies, config.Company{ID: co.ID, Name: co.Name})
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, w, "worklist", "--all-accounts", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Worklists []struct {
			Companies []struct {
				ID      string `json:"company_id"`
				Account string `json:"account"`
				Count   *int   `json:"count"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	cos := got.Worklists[0].Companies
	if len(cos) != len(w.sim.Companies())+len(other.Companies()) {
		t.Fatalf("%d companies, want both accounts' %d", len(cos), len(w.sim.Companies())+len(other.Companies()))
	}
	others := 0
	for _, c := range cos {
		if c.Account == "ops@example.com" {
			others++
		}
		if c.Count == nil {
			t.Fatalf("no count for %s", c.ID)
		}
	}
	if others != len(other.Companies()) {
		t.Fatalf("%d companies of the other account, want %d", others, len(other.Companies()))
	}
	if n := len(other.Requests()); n == 0 {
		t.Fatal("the other account's simulator saw no request")
	}
	out, _, _ = run(t, w, "worklist", "--all-accounts")
	if !strings.Contains(out, other.Companies()[0].Name[:10]) {
		t.Fatalf("no row of the other account:\n%s", out)
	}
}
