package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

// TestGetByAnyReference: get resolves what a ticket quotes — an invoice
// number, a billing email, a dashboard URL — as go-to does, in the chosen
// company or, with --all-companies, in any.
func TestGetByAnyReference(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	ctx := context.Background()
	cc := w.api(t, small.ID)
	invs, err := cc.ListInvoices(ctx, hyperline.InvoiceListOptions{ListOptions: hyperline.ListOptions{Take: 5},
		Status: []string{hyperline.InvoiceFilterAll}})
	if err != nil || len(invs.Items) == 0 {
		t.Fatal(err)
	}
	inv := invs.Items[0]
	getJSON := func(args ...string) (string, string) {
		t.Helper()
		out, errOut, code := run(t, w, "get", append(args, "--json")...)
		if code != ExitOK {
			t.Fatalf("get %q: exit %d: %s", args, code, errOut)
		}
		var v struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("get %q: %v\n%s", args, err, out)
		}
		return v.ID, errOut
	}
	if id, _ := getJSON("invoice", inv.Number); id != inv.ID {
		t.Errorf("get invoice %s = %s, want %s", inv.Number, id, inv.ID)
	}
	url := "https://app.hyperline.co/app/invoices/" + inv.ID + "?tab=lines"
	if id, _ := getJSON("invoice", url); id != inv.ID {
		t.Errorf("get invoice <url> = %s, want %s", id, inv.ID)
	}
	if out, errOut, code := run(t, w, "get", "customer", inv.ID); code != ExitNotFound || out != "" || !strings.Contains(errOut, "names an invoice, not a customer") {
		t.Errorf("get customer <invoice id>: exit %d, %q, %s", code, out, errOut)
	}

	// A customer of another company: not found in the company named with
	// --company, found with --all-companies (and, as go-to finds it,
	// without --company: TestGetSearchesTheOtherCompaniesAsGoToDoes).
	cos := w.sim.Companies()
	other := cos[1]
	page, err := w.api(t, other.ID).ListCustomers(ctx, hyperline.CustomerListOptions{ListOptions: hyperline.ListOptions{Take: 1}})
	if err != nil || len(page.Items) == 0 {
		t.Fatal(err)
	}
	cus := page.Items[0]
	if _, _, code := run(t, w, "get", "customer", cus.ID, "--company", cos[0].ID); code != ExitNotFound {
		t.Errorf("get customer of another company: exit %d, want %d", code, ExitNotFound)
	}
	id, errOut := getJSON("customer", cus.ID, "--all-companies")
	if id != cus.ID || !strings.Contains(errOut, other.ID) {
		t.Errorf("--all-companies: got %s, stderr %q; want %s found in %s", id, errOut, cus.ID, other.ID)
	}
}

// TestGetAmbiguousListsCandidates: a billing email shared by several
// customers is not guessed: the candidates go to stderr, stdout stays
// empty, and the exit code is 6.
func TestGetAmbiguousListsCandidates(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	cos := w.sim.Companies()
	big := cos[len(cos)-1]
	w.choose(t, big.ID)
	byEmail := map[string][]string{}
	shared := ""
	for c, err := range w.api(t, big.ID).Customers(context.Background(), hyperline.CustomerListOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		if c.BillingEmail == nil {
			continue
		}
		byEmail[*c.BillingEmail] = append(byEmail[*c.BillingEmail], c.ID)
		if len(byEmail[*c.BillingEmail]) == 2 {
			shared = *c.BillingEmail
			break
		}
	}
	if shared == "" {
		t.Skip("the simulator's data has no shared billing email")
	}
	out, errOut, code := run(t, w, "get", "customer", shared)
	if code != ExitAmbiguous || out != "" {
		t.Fatalf("get customer %s: exit %d, stdout %q, stderr %s", shared, code, out, errOut)
	}
	for _, id := range byEmail[shared] {
		if !strings.Contains(errOut, id) {
			t.Errorf("stderr does not offer %s:\n%s", id, errOut)
		}
	}
}

// TestAPIPaginateAndJQ: --paginate follows a cursor list to its end and
// prints one array; --jq filters it; an offset list pages by skip.
func TestAPIPaginateAndJQ(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	out, errOut, code := run(t, w, "api", "/v2/customers?limit=7", "--paginate")
	var all []map[string]any
	if code != ExitOK || json.Unmarshal([]byte(out), &all) != nil {
		t.Fatalf("--paginate: exit %d: %s\n%.200s", code, errOut, out)
	}
	if len(all) != small.Customers {
		t.Errorf("--paginate gave %d customers, want %d", len(all), small.Customers)
	}
	seen := map[any]bool{}
	for _, c := range all {
		if seen[c["id"]] {
			t.Errorf("customer %v twice", c["id"])
		}
		seen[c["id"]] = true
	}
	out, errOut, code = run(t, w, "api", "/v2/customers?limit=7", "--paginate", "--jq", ".[].id")
	if lines := strings.Fields(out); code != ExitOK || len(lines) != small.Customers || !strings.HasPrefix(lines[0], "cus_") {
		t.Errorf("--jq .[].id: exit %d, %d lines: %s %.100s", code, len(lines), errOut, out)
	}
	out, _, code = run(t, w, "api", "/v2/subscriptions?take=3", "--paginate", "--jq", "length")
	subs := 0
	for _, err := range w.api(t, small.ID).Subscriptions(context.Background(), hyperline.SubscriptionListOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		subs++
	}
	if code != ExitOK || strings.TrimSpace(out) != strings.TrimSpace(jsonNumber(subs)) {
		t.Errorf("offset list --paginate: exit %d, length %s, want %d", code, out, subs)
	}
	if _, errOut, code := run(t, w, "api", "/v1/companies", "--jq", ".[[["); code != ExitUsage || !strings.Contains(errOut, "--jq") {
		t.Errorf("bad --jq: exit %d: %s", code, errOut)
	}
}

func jsonNumber(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
