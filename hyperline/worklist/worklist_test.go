package worklist

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/filter"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

func TestBuiltinsParse(t *testing.T) {
	t.Parallel()
	for _, w := range Builtins() {
		if _, err := w.Query(testNow, time.UTC); err != nil {
			t.Errorf("%s: %v", w.Name, err)
		}
	}
}

func TestLoadSaysWhatIsWrong(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		spec Spec
		want string
	}{
		{Spec{Kind: "invoices", Filter: "status:late"}, `worklist number 1: needs a "name"`},
		{Spec{Name: "X", Filter: "status:late"}, `worklist "X": needs a "kind"`},
		{Spec{Name: "X", Kind: "transactions", Filter: "status:late"}, `kind "transactions": want invoices, customers or subscriptions`},
		{Spec{Name: "X", Kind: "invoices"}, `needs a "filter", e.g. "status:late due:<30d"`},
		{Spec{Name: "X", Kind: "invoices", Filter: "status:latte"}, `filter "status:latte": status: unknown value "latte"`},
		{Spec{Name: "X", Kind: "customers", Filter: "payment_method:expired"}, `unknown value "expired"`},
		{Spec{Name: "X", Kind: "invoices", Filter: "customer:Acme"}, "a worklist runs in every company"},
		{Spec{Name: "X", Kind: "subscriptions", Filter: "acme"}, "no search for subscriptions"},
		{Spec{Name: "payment FAILED", Kind: "invoices", Filter: "status:error"}, `the name "payment FAILED" is taken`},
	} {
		all, err := Load([]Spec{c.spec}, testNow, time.UTC)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want it to say %q", c.spec, err, c.want)
		}
		if len(all) != len(Builtins()) {
			t.Errorf("%+v: %d worklists, want the built-in ones only", c.spec, len(all))
		}
	}
	all, err := Load([]Spec{{Name: "Big late", Kind: "Invoice", Filter: "status:late due:<60d"}}, testNow, time.UTC)
	if err != nil || len(all) != len(Builtins())+1 || all[len(all)-1].List != filter.Invoices || all[len(all)-1].Builtin {
		t.Fatalf("a good one: %v, %+v", err, all)
	}
}

// TestCountAllOneRequestPerCell counts the built-in worklists in the
// seeded companies: one request per worklist and company, each asking
// for one item and the total, and each count the number of objects the
// whole list holds.
func TestCountAllOneRequestPerCell(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	lists := Builtins()
	got := map[[2]string]int{}
	CountAll(context.Background(), ClientSource{e.c}, e.companies, lists, testNow, time.UTC, func(c Cell) {
		if c.Err != nil {
			t.Errorf("%s in %s: %v", lists[c.List].Name, c.Company.Name, c.Err)
		}
		got[[2]string{lists[c.List].Name, c.Company.ID}] = c.Total
	})
	reqs := e.listRequests()
	if want := Requests(len(lists), len(e.companies)); len(reqs) != want || len(got) != want {
		t.Fatalf("%d requests, %d cells, want %d of each", len(reqs), len(got), want)
	}
	for _, r := range reqs {
		q, _ := url.ParseQuery(r.Query)
		if r.Path == "/v2/subscriptions" {
			if q.Get("take") != "1" {
				t.Errorf("%s?%s: want take=1", r.Path, r.Query)
			}
		} else if q.Get("limit") != "1" || q.Get("include_total") != "true" {
			t.Errorf("%s?%s: want limit=1 and include_total=true", r.Path, r.Query)
		}
	}
	// Each count is what walking the whole list finds.
	ctx := context.Background()
	for _, w := range lists {
		q, _ := w.Query(testNow, time.UTC)
		for _, co := range e.companies {
			cc, n := e.c.Company(co.ID), 0
			var err error
			switch w.List {
			case filter.Invoices:
				var all []hyperline.Invoice
				all, err = cc.AllInvoices(ctx, filter.InvoiceOptions(q, ""))
				n = len(all)
			case filter.Customers:
				var all []hyperline.Customer
				all, err = cc.AllCustomers(ctx, filter.CustomerOptions(q))
				n = len(all)
			case filter.Subscriptions:
				var all []hyperline.Subscription
				all, err = cc.AllSubscriptions(ctx, filter.SubscriptionOptions(q, ""))
				n = len(all)
			}
			if err != nil || n != got[[2]string{w.Name, co.ID}] {
				t.Errorf("%s in %s: counted %d, the list holds %d (%v)", w.Name, co.Name, got[[2]string{w.Name, co.ID}], n, err)
			}
		}
	}
}

// TestDemoWorklists: the demo's companies (the simulator at scale 1, 20
// ms a request) make every built-in worklist worth opening, and their
// grid takes one request per cell, about one round trip.
func TestDemoWorklists(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{Scale: 1, Latency: 20 * time.Millisecond})
	lists := Builtins()
	start := time.Now()
	CountAll(context.Background(), ClientSource{e.c}, e.companies, lists, testNow, time.UTC, func(c Cell) {
		if c.Err != nil || c.Total == 0 {
			t.Errorf("%s in %s: %d, %v", lists[c.List].Name, c.Company.Name, c.Total, c.Err)
		}
	})
	took := time.Since(start)
	if n := len(e.listRequests()); n != Requests(len(lists), len(e.companies)) {
		t.Fatalf("%d requests, want %d", n, Requests(len(lists), len(e.companies)))
	}
	t.Logf("demo: %d companies × %d worklists: %d requests in %v", len(e.companies), len(lists),
		len(e.listRequests()), took.Round(time.Millisecond))
}

// manyCompanies plays n companies over the simulator's three: company i
// is the simulator's i%3 under another id, so each count is a real
// request through the client's rate limiter.
type manyCompanies struct {
	src  Source
	real map[string]string
}

func newManyCompanies(src Source, seeded []hyperline.Company, n int) (manyCompanies, []hyperline.Company) {
	m := manyCompanies{src: src, real: map[string]string{}}
	var cos []hyperline.Company
	for i := range n {
		co := seeded[i%len(seeded)]
		id := co.ID + "-" + string(rune('a'+i/len(seeded)))
		m.real[id] = co.ID
		cos = append(cos, hyperline.Company{ID: id, Name: co.Name})
	}
	return m, cos
}

func (m manyCompanies) Customers(ctx context.Context, id string, o hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error) {
	return m.src.Customers(ctx, m.real[id], o)
}
func (m manyCompanies) Subscriptions(ctx context.Context, id string, o hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error) {
	return m.src.Subscriptions(ctx, m.real[id], o)
}
func (m manyCompanies) Invoices(ctx context.Context, id string, o hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error) {
	return m.src.Invoices(ctx, m.real[id], o)
}

// TestCountAllThirtyCompanies counts the built-in worklists in 30
// companies at 20 ms latency: one request per cell, fired together, within the
// rate limit (200 reads per 10 s), so the grid takes about one round trip.
// (150 requests: 5 worklists × 30 companies.)
func TestCountAllThirtyCompanies(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{Latency: 20 * time.Millisecond})
	src, cos := newManyCompanies(ClientSource{e.c}, e.companies, 30)
	lists := Builtins()
	start := time.Now()
	cells := 0
	CountAll(context.Background(), src, cos, lists, testNow, time.UTC, func(c Cell) {
		if c.Err != nil {
			t.Errorf("%s in %s: %v", lists[c.List].Name, c.Company.ID, c.Err)
		}
		cells++
	})
	took := time.Since(start)
	if want := Requests(len(lists), 30); len(e.listRequests()) != want || cells != want {
		t.Fatalf("%d requests, %d cells, want %d", len(e.listRequests()), cells, want)
	}
	t.Logf("30 companies × %d worklists: %d requests in %v", len(lists), cells, took.Round(time.Millisecond))
}

// TestCountWaitsOutRateLimit: a 429 the client's retries do not outlast
// pauses the count, which is sent again; it never fails.
func TestCountWaitsOutRateLimit(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{}, hyperline.WithRetry(hyperline.RetryPolicy{MaxAttempts: 1}))
	e.sim.SetFaults(simulator.Faults{RateLimitRate: 1})
	var pauses []time.Duration
	pause := func(ctx context.Context, d time.Duration) error {
		pauses = append(pauses, d)
		if len(pauses) == 2 {
			e.sim.SetFaults(simulator.Faults{})
		}
		return nil
	}
	w := Builtins()[0]
	q, _ := w.Query(testNow, time.UTC)
	n, err := count(context.Background(), pause, ClientSource{e.c}, e.companies[1].ID, w, q)
	if err != nil || n == 0 {
		t.Fatalf("count: %d, %v", n, err)
	}
	if len(pauses) != 2 || pauses[0] != RateLimitPause || pauses[1] != 2*RateLimitPause {
		t.Fatalf("pauses %v, want 1s then 2s", pauses)
	}
	if got := len(e.listRequests()); got != 3 {
		t.Fatalf("%d requests, want 3 (two answered 429)", got)
	}
}

func TestFirstRowsLabelledAndSorted(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	w := Builtins()[1] // late over 30 days
	q, _ := w.Query(testNow, time.UTC)
	var rows []Row
	for _, co := range e.companies {
		got, total, err := FirstRows(context.Background(), ClientSource{e.c}, co, w, q, 20)
		if err != nil || total < len(got) || len(got) == 0 {
			t.Fatalf("%s: %d rows of %d, %v", co.Name, len(got), total, err)
		}
		for _, r := range got {
			if r.Company.ID != co.ID || r.Due == nil || !r.Due.Before(testNow.AddDate(0, 0, -29)) {
				t.Fatalf("%s: row %+v", co.Name, r)
			}
		}
		rows = append(rows, got...)
	}
	Sort(rows, ByDue)
	for i := 1; i < len(rows); i++ {
		if rows[i].Due.Before(*rows[i-1].Due) {
			t.Fatalf("by due: %v before %v", rows[i-1].Due, rows[i].Due)
		}
	}
	Sort(rows, ByAmount)
	for i := 1; i < len(rows); i++ {
		if rows[i].Currency < rows[i-1].Currency ||
			rows[i].Currency == rows[i-1].Currency && rows[i].Amount > rows[i-1].Amount {
			t.Fatalf("by amount: %d before %d", rows[i-1].Amount, rows[i].Amount)
		}
	}
	Sort(rows, ByCompany)
	for i := 1; i < len(rows); i++ {
		if strings.ToLower(rows[i].Company.Name) < strings.ToLower(rows[i-1].Company.Name) {
			t.Fatalf("by company: %s before %s", rows[i-1].Company.Name, rows[i].Company.Name)
		}
	}
}
