package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

// TestListJSONIsEveryObject: --json prints one valid array holding every
// object of the company, every status included, in the API's order.
func TestListJSONIsEveryObject(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	cc := w.api(t, small.ID)
	want := totals(t, cc)
	for _, k := range kinds {
		out, errOut, code := run(t, w, "list", k.Plural(), "--json")
		if code != ExitOK {
			t.Fatalf("list %s --json: exit %d: %s", k.Plural(), code, errOut)
		}
		var items []struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatalf("list %s --json is not a JSON array: %v", k.Plural(), err)
		}
		if len(items) != want[k] || want[k] == 0 {
			t.Errorf("list %s --json: %d items, the API counts %d", k.Plural(), len(items), want[k])
		}
		if k == kindInvoice && want[k] <= hyperline.MaxTake {
			t.Errorf("the company has %d invoices: too few to span pages", want[k])
		}
		var ids []string
		for _, it := range items {
			ids = append(ids, it.ID)
		}
		if apiOrder := listIDs(t, cc, k); !slices.Equal(ids, apiOrder) {
			t.Errorf("list %s --json is not in the API's order", k.Plural())
		}
	}
}

// listIDs walks a list with the client, every status included.
func listIDs(t *testing.T, cc *hyperline.CompanyClient, k objectKind) []string {
	t.Helper()
	ctx := context.Background()
	var ids []string
	add := func(id string, err error) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	switch k {
	case kindCustomer:
		for c, err := range cc.Customers(ctx, hyperline.CustomerListOptions{}) {
			add(c.ID, err)
		}
	case kindSubscription:
		for s, err := range cc.Subscriptions(ctx, hyperline.SubscriptionListOptions{Status: []hyperline.SubscriptionStatus{hyperline.StatusAny}}) {
			add(s.ID, err)
		}
	case kindInvoice:
		for inv, err := range cc.Invoices(ctx, hyperline.InvoiceListOptions{Status: []string{hyperline.InvoiceFilterAll}}) {
			add(inv.ID, err)
		}
	}
	return ids
}

var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]{2,3})?$`)

// TestListCSV: a header and one row per object, money as plain decimals.
func TestListCSV(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	want := totals(t, w.api(t, small.ID))
	headers := map[objectKind]string{
		kindCustomer:     "id,name,status,status_api,type,currency,billing_email,external_id,country,created_at",
		kindSubscription: "id,customer_id,name,status,status_api,currency,next_payment_at,next_payment_amount,current_period_ends_at,created_at",
		kindInvoice: "id,number,type,status,status_api,customer_id,customer_name,customer_email,currency," +
			"total_amount,amount_due,amount_paid,issued_at,due_at,days_overdue,settled_at",
	}
	for _, k := range kinds {
		out, errOut, code := run(t, w, "list", k.String(), "--csv")
		if code != ExitOK {
			t.Fatalf("list %s --csv: exit %d: %s", k, code, errOut)
		}
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("list %s --csv: %v", k, err)
		}
		if got := strings.Join(rows[0], ","); got != headers[k] {
			t.Errorf("list %s --csv header = %s", k, got)
		}
		if len(rows)-1 != want[k] {
			t.Errorf("list %s --csv: %d rows, the API counts %d", k, len(rows)-1, want[k])
		}
		if k != kindInvoice {
			continue
		}
		for _, row := range rows[1:] {
			for _, cell := range row[9:12] {
				if !plainNumber.MatchString(cell) {
					t.Fatalf("invoice amount %q is not a plain decimal (row %q)", cell, row)
				}
			}
		}
	}
	// The money matches the client's: 12345.67 for 1234567 cents.
	inv, err := w.api(t, small.ID).ListInvoices(context.Background(), hyperline.InvoiceListOptions{
		ListOptions: hyperline.ListOptions{Take: 1}, Status: []string{hyperline.InvoiceFilterAll}})
	if err != nil || len(inv.Items) == 0 {
		t.Fatal(err)
	}
	out, _, _ := run(t, w, "list", "invoices", "--csv", "--search", inv.Items[0].Number)
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	if len(rows) != 2 || rows[1][0] != inv.Items[0].ID || rows[1][9] != inv.Items[0].Total().Decimal() {
		t.Errorf("invoice %s by number: %q, want total %s", inv.Items[0].Number, rows, inv.Items[0].Total().Decimal())
	}
}

// TestListTableAndFilters: the default table, --status and --search reach
// the API, and subscriptions refuse a search.
func TestListTableAndFilters(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	out, errOut, code := run(t, w, "list", "customers")
	if code != ExitOK {
		t.Fatalf("list customers: exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "ID ") || !strings.Contains(lines[0], "BILLING EMAIL") || len(lines)-1 != small.Customers {
		t.Errorf("table: %d rows for %d customers, header %q", len(lines)-1, small.Customers, lines[0])
	}

	out, errOut, code = run(t, w, "list", "subscriptions", "--status", "active", "--json")
	if code != ExitOK {
		t.Fatalf("list subscriptions --status active: exit %d: %s", code, errOut)
	}
	var subs []hyperline.Subscription
	if err := json.Unmarshal([]byte(out), &subs); err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if s.Status != hyperline.SubscriptionActive {
			t.Errorf("--status active listed a %s subscription", s.Status)
		}
	}

	w.sim.ResetRequests()
	if _, errOut, code := run(t, w, "list", "customers", "--search", "zzz-no-such", "--json"); code != ExitOK {
		t.Fatalf("list customers --search: exit %d: %s", code, errOut)
	}
	reqs := dataRequests(w, "/v2/customers")
	if len(reqs) == 0 || !strings.Contains(reqs[0].Query, "search=zzz-no-such") {
		t.Errorf("--search did not reach the API: %+v", reqs)
	}

	var b strings.Builder
	err := Run(context.Background(), "list", []string{"subscriptions", "--search", "x"}, w.opts, &b, &b)
	if ExitCode(err) != ExitUsage || !strings.Contains(err.Error(), "no search for subscriptions") {
		t.Errorf("list subscriptions --search: exit %d: %v", ExitCode(err), err)
	}
	for _, cmd := range []string{"get", "list", "api"} {
		if out, _, code := run(t, w, cmd, "-h"); code != ExitOK || !strings.Contains(out, "Usage:\n  hlx "+cmd) || !strings.Contains(out, "--company") {
			t.Errorf("%s -h: exit %d:\n%s", cmd, code, out)
		}
	}
	for _, args := range [][]string{{"customers", "--json", "--csv"}, {"planets"}, {}, {"customers", "-o", "x.txt"}, {"invoices", "--status", "paid,"}} {
		if _, _, code := run(t, w, "list", args...); code != ExitUsage {
			t.Errorf("list %q: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

// TestListToFile: -o writes the API's exact JSON to a 0600 file and only
// says so on stderr.
func TestListToFile(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	path := filepath.Join(t.TempDir(), "customers.json")
	out, errOut, code := run(t, w, "list", "customers", "--json", "-o", path)
	if code != ExitOK || out != "" || !strings.Contains(errOut, "Wrote ") || !strings.Contains(errOut, path) {
		t.Fatalf("list -o: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("file: %v %v", info, err)
	}
	b, _ := os.ReadFile(path)
	var items []json.RawMessage
	if err := json.Unmarshal(b, &items); err != nil || len(items) != small.Customers {
		t.Errorf("file holds %d customers (%v), want %d", len(items), err, small.Customers)
	}
	customers, err := w.api(t, small.ID).AllCustomers(context.Background(), hyperline.CustomerListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if string(items[0]) != string(customers[0].Raw) {
		t.Errorf("the file's first item is not the API's bytes:\n%s\n%s", items[0], customers[0].Raw)
	}
}

// TestCompanySwitching: the session's company by default, --company for
// another, and a clear usage error when none is chosen.
func TestCompanySwitching(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	medium := w.sim.Companies()[1]
	count := func(args ...string) int {
		t.Helper()
		out, errOut, code := run(t, w, "list", append([]string{"customers", "--json"}, args...)...)
		if code != ExitOK {
			t.Fatalf("list customers %q: exit %d: %s", args, code, errOut)
		}
		var items []json.RawMessage
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatal(err)
		}
		return len(items)
	}
	if got := count(); got != small.Customers {
		t.Errorf("session's company: %d customers, want %d", got, small.Customers)
	}
	w.sim.ResetRequests()
	if got := count("--company", medium.ID); got != medium.Customers {
		t.Errorf("--company %s: %d customers, want %d", medium.ID, got, medium.Customers)
	}
	for _, r := range dataRequests(w, "/v2/") {
		if r.CompanyHeader != medium.ID {
			t.Fatalf("--company: a request went to %q", r.CompanyHeader)
		}
	}
	var b strings.Builder
	err := Run(context.Background(), "get", []string{"customer", "cus_x", "--company", "co_not_mine"}, w.opts, &b, &b)
	if ExitCode(err) != ExitNotFound || !strings.Contains(err.Error(), `no company "co_not_mine"`) || !strings.Contains(err.Error(), medium.ID) {
		t.Errorf("unknown company: exit %d: %v", ExitCode(err), err)
	}

	w.choose(t, "")
	err = Run(context.Background(), "list", []string{"customers"}, w.opts, &b, &b)
	if ExitCode(err) != ExitUsage || !strings.Contains(err.Error(), "--company") || !strings.Contains(err.Error(), medium.ID) {
		t.Errorf("no company chosen: exit %d: %v", ExitCode(err), err)
	}
}

// TestDataCommandsNeedLogin: without a session every data command exits 4
// and says to log in, before any API call.
func TestDataCommandsNeedLogin(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, args := range [][]string{{"get", "customer", "cus_1"}, {"list", "invoices", "--json"}, {"api", "/v2/customers"}} {
		var out, errOut strings.Builder
		err := Run(context.Background(), args[0], args[1:], w.opts, &out, &errOut)
		if ExitCode(err) != ExitLoginRequired || out.Len() != 0 || !strings.Contains(err.Error(), "hlx login") {
			t.Errorf("%q logged out: exit %d, stdout %q, error %v", args, ExitCode(err), out.String(), err)
		}
	}
	if len(dataRequests(w, "/v")) != 0 {
		t.Error("a data command called the API without a session")
	}
}

// TestListInterrupted: a cancelled context (Ctrl-C) exits 130.
func TestListInterrupted(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b strings.Builder
	if err := Run(ctx, "list", []string{"invoices", "--json"}, w.opts, &b, &b); ExitCode(err) != ExitInterrupted {
		t.Errorf("cancelled list: exit %d: %v", ExitCode(err), err)
	}
}

// TestListFilterRefusesBeforeSending: a key, value or text the list does
// not take exits 2 with what is allowed, and the simulator receives no
// request at all (issue 22 item 20: --status nonsense was sent, and the
// server's 400 exited 1).
func TestListFilterRefusesBeforeSending(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"customers", "--status", "nonsense"}, []string{`unknown value "nonsense"`, "all, active, inactive, imported, archived"}},
		{[]string{"invoices", "--filter", "stat:late"}, []string{`unknown filter "stat:"`, "status:, customer:, issued:, due:"}},
		{[]string{"invoices", "--filter", "status:pa"}, []string{`unknown value "pa"`, "paid, partly paid (partially_paid)"}},
		{[]string{"invoices", "--filter", "due:last-week"}, []string{`cannot read the date "last-week"`}},
		{[]string{"invoices", "--filter", "status:late", "--status", "paid"}, []string{"given twice"}},
		{[]string{"invoices", "--search", "acme"}, []string{"by number only"}},
		{[]string{"subscriptions", "--filter", "created:2026"}, []string{`unknown filter "created:"`, "status:, customer:"}},
	} {
		w.sim.ResetRequests()
		_, errOut, code := run(t, w, "list", tc.args...)
		if code != ExitUsage {
			t.Errorf("list %q: exit %d, want %d (%s)", tc.args, code, ExitUsage, errOut)
		}
		for _, s := range tc.want {
			if !strings.Contains(errOut, s) {
				t.Errorf("list %q: %q lacks %q", tc.args, errOut, s)
			}
		}
		if n := len(w.sim.Requests()); n != 0 {
			t.Errorf("list %q sent %d requests", tc.args, n)
		}
	}
}

// TestListSearchIsTheExplorersText: --search on invoices is a part of the
// number (invoice_number__contains), as text typed in the explorer's
// filter line; --status is status:VALUE.
func TestListSearchIsTheExplorersText(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	w.sim.ResetRequests()
	if _, errOut, code := run(t, w, "list", "invoices", "--json", "--search", "INV-1", "--status", "late,error"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	reqs := dataRequests(w, "/v2/invoices")
	if len(reqs) == 0 || !strings.Contains(reqs[0].Query, "invoice_number__contains=INV-1") ||
		!strings.Contains(reqs[0].Query, "status__in=late%2Cerror") {
		t.Fatalf("sent %+v", reqs)
	}
}

// TestListStatusTakesLabels: --status and --filter take a status as
// people read it, and send the API's value; the table says both.
func TestListStatusTakesLabels(t *testing.T) {
	t.Parallel()
	w, _ := loggedIn(t)
	for _, args := range [][]string{
		{"invoices", "--status", "payment failed,grace-period"},
		{"invoices", "--filter", `status:"payment failed",grace_period`},
	} {
		w.sim.ResetRequests()
		out, errOut, code := run(t, w, "list", args...)
		if code != ExitOK {
			t.Fatalf("list %q: exit %d: %s", args, code, errOut)
		}
		reqs := dataRequests(w, "/v2/invoices")
		if len(reqs) == 0 || !strings.Contains(reqs[0].Query, "status__in=error%2Cgrace_period") {
			t.Fatalf("list %q sent %+v", args, reqs)
		}
		if strings.Contains(out, "\n") && !strings.Contains(out, " (error)") && !strings.Contains(out, " (grace_period)") {
			t.Errorf("list %q: the table does not say the statuses whole:\n%s", args, out)
		}
	}
}

// TestListCompletesStatuses: --status completes the list's values, with
// the label people read beside the API's value, the next one after a
// comma.
func TestListCompletesStatuses(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	out, _, code := run(t, w, "__complete", "list", "invoices", "--status", "late,pa")
	if code != ExitOK || !strings.Contains(out, "late,paid\n") || !strings.Contains(out, "late,partially_paid\tpartly paid\n") ||
		strings.Contains(out, "late,late") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
