package lookup_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/lookup"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// find runs lookup.Find from the env's current company, after clearing
// the simulator's request log so a test can count what Find sent.
func (e *env) find(t *testing.T, query string) (*lookup.Result, error) {
	t.Helper()
	e.sim.ResetRequests()
	return lookup.Find(t.Context(), e.c, e.current().ID, e.companies, query)
}

// wantOne checks that r is the single object id of kind in company co.
func wantOne(t *testing.T, r *lookup.Result, err error, kind lookup.Kind, id string, co hyperline.Company) {
	t.Helper()
	if err != nil {
		t.Fatalf("Find: %v", err)
	}
	if r.Ambiguous() {
		t.Fatalf("Find gave %d candidates, want one %s", len(r.Candidates), id)
	}
	if r.Kind != kind || r.ID() != id || r.Company.ID != co.ID || r.Company.Name != co.Name {
		t.Fatalf("Find = %s %s in %s (%q), want %s %s in %s (%q)", r.Kind, r.ID(), r.Company.ID, r.Company.Name, kind, id, co.ID, co.Name)
	}
}

func TestFindIDInCurrentCompany(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	co := e.current()
	cus := e.customerWith(t, co, func(hyperline.Customer) bool { return true })
	sub := e.subscription(t, co)
	inv := e.invoice(t, co)
	for _, tc := range []struct {
		kind lookup.Kind
		id   string
	}{{lookup.KindCustomer, cus.ID}, {lookup.KindSubscription, sub.ID}, {lookup.KindInvoice, inv.ID}} {
		r, err := e.find(t, "  "+tc.id+"\n")
		wantOne(t, r, err, tc.kind, tc.id, co)
		if r.By != "id" {
			t.Errorf("%s: By = %q, want id", tc.id, r.By)
		}
		if n := len(e.dataRequests()); n != 1 {
			t.Errorf("%s: %d requests, want the one GET", tc.id, n)
		}
	}
	r, _ := e.find(t, cus.ID)
	if r.Customer == nil || r.Subscription != nil || r.Invoice != nil || r.Label() != cus.Name {
		t.Errorf("customer result: %+v, label %q", r.Match, r.Label())
	}
	r, _ = e.find(t, inv.ID)
	if r.Invoice == nil || r.Label() != inv.Number {
		t.Errorf("invoice result: label %q, want %q", r.Label(), inv.Number)
	}
}

func TestFindIDInAnotherCompany(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	for _, other := range e.companies[1:] {
		cus := e.customerWith(t, other, func(hyperline.Customer) bool { return true })
		inv := e.invoice(t, other)
		for _, tc := range []struct {
			kind lookup.Kind
			id   string
		}{{lookup.KindCustomer, cus.ID}, {lookup.KindInvoice, inv.ID}} {
			r, err := e.find(t, tc.id)
			wantOne(t, r, err, tc.kind, tc.id, other)
			// Only this ID's requests: a GET the previous find cancelled
			// once it had its answer can reach the server after the reset.
			var reqs []simulator.RequestRecord
			for _, req := range e.dataRequests() {
				if strings.HasSuffix(req.Path, "/"+tc.id) {
					reqs = append(reqs, req)
				}
			}
			if len(reqs) == 0 || reqs[0].CompanyHeader != e.current().ID {
				t.Errorf("%s: the current company was not asked first: %+v", tc.id, reqs)
			}
			if len(reqs) > len(e.companies) {
				t.Errorf("%s: %d requests for %d companies", tc.id, len(reqs), len(e.companies))
			}
		}
	}
}

func TestFindEmail(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	co := e.current()
	cus := e.customerWith(t, co, func(c hyperline.Customer) bool { return c.BillingEmail != nil })
	email := *cus.BillingEmail
	r, err := e.find(t, "mailto:"+email)
	if err != nil {
		t.Fatalf("Find: %v", err)
	}
	matches := []lookup.Match{r.Match}
	if r.Ambiguous() {
		matches = r.Candidates
	}
	seen := false
	for _, m := range matches {
		if m.Kind != lookup.KindCustomer || m.Company.ID != co.ID || deref(m.Customer.BillingEmail) != email {
			t.Errorf("match %s in %s has email %q, want %q in %s", m.ID(), m.Company.ID, deref(m.Customer.BillingEmail), email, co.ID)
		}
		seen = seen || m.ID() == cus.ID
	}
	if !seen || r.By != "email" {
		t.Errorf("Find(%q) by %s did not give %s: %+v", email, r.By, cus.ID, matches)
	}
	if n := len(e.dataRequests()); n != 1 {
		t.Errorf("%d requests, want one list call in the current company", n)
	}
}

func TestFindEmailInAnotherCompany(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	other := e.companies[len(e.companies)-1]
	cus := e.customerWith(t, other, func(c hyperline.Customer) bool {
		return c.BillingEmail != nil &&
			len(e.customers(t, e.current(), hyperline.CustomerListOptions{BillingEmail: *c.BillingEmail})) == 0
	})
	r, err := e.find(t, *cus.BillingEmail)
	if err != nil {
		t.Fatalf("Find: %v", err)
	}
	if r.Ambiguous() {
		for _, m := range r.Candidates {
			if m.Company.ID == e.current().ID {
				t.Errorf("candidate %s is in the current company, which has no such email", m.ID())
			}
		}
		return
	}
	wantOne(t, r, err, lookup.KindCustomer, cus.ID, other)
	if n := len(e.dataRequests()); n != len(e.companies) {
		t.Errorf("%d requests, want one list call per company (%d)", n, len(e.companies))
	}
}

func TestFindExternalID(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	co := e.current()
	cus := e.customerWith(t, co, func(c hyperline.Customer) bool { return c.ExternalID != nil })
	r, err := e.find(t, *cus.ExternalID)
	wantOne(t, r, err, lookup.KindCustomer, cus.ID, co)
	if r.By != "reference" {
		t.Errorf("By = %q, want reference", r.By)
	}
	if n := len(e.dataRequests()); n != 2 {
		t.Errorf("%d requests, want the two list calls in the current company", n)
	}
}

func TestFindInvoiceNumber(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	co := e.current()
	inv := e.invoice(t, co)
	r, err := e.find(t, inv.Number)
	wantOne(t, r, err, lookup.KindInvoice, inv.ID, co)
	if r.Invoice.Number != inv.Number {
		t.Errorf("number %q, want %q", r.Invoice.Number, inv.Number)
	}
}

func TestFindURLPaste(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	other := e.companies[1]
	cus := e.customerWith(t, other, func(hyperline.Customer) bool { return true })
	r, err := e.find(t, " https://app.hyperline.co/app/customers/"+cus.ID+"?tab=invoices ")
	wantOne(t, r, err, lookup.KindCustomer, cus.ID, other)
	if r.Query != cus.ID {
		t.Errorf("Query = %q, want the ID out of the URL", r.Query)
	}
}

func TestFindNotFound(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	for _, tc := range []struct{ query, want string }{
		{"cus_doesnotexist0", `no customer has the ID "cus_doesnotexist0" in the 3 companies you can reach`},
		{"inv_doesnotexist0", `no invoice has the ID "inv_doesnotexist0" in the 3 companies you can reach`},
		{"nobody@nowhere.invalid", `no customer has the billing email "nobody@nowhere.invalid" in the 3 companies you can reach`},
		{"ZZZ-404", `no invoice number or customer external ID matches "ZZZ-404" in the 3 companies you can reach`},
	} {
		r, err := e.find(t, tc.query)
		if !errors.Is(err, lookup.ErrNotFound) {
			t.Errorf("Find(%q) = %+v, %v; want ErrNotFound", tc.query, r, err)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("Find(%q) error:\n got %s\nwant %s", tc.query, err, tc.want)
		}
	}
}

// TestFindSkipsUnreachableCompanies passes a company the token cannot
// reach (the simulator answers 403) as the current one and among the
// others: it is skipped like a company without the object.
func TestFindSkipsUnreachableCompanies(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	ghost := hyperline.Company{ID: "com_unreachable", Name: "Gone"}
	other := e.companies[2]
	cus := e.customerWith(t, other, func(c hyperline.Customer) bool { return c.ExternalID != nil })
	companies := append([]hyperline.Company{ghost}, e.companies...)
	r, err := lookup.Find(t.Context(), e.c, ghost.ID, companies, cus.ID)
	wantOne(t, r, err, lookup.KindCustomer, cus.ID, other)
	_, err = lookup.Find(t.Context(), e.c, ghost.ID, companies, "ZZZ-404")
	if !errors.Is(err, lookup.ErrNotFound) {
		t.Errorf("unknown reference with an unreachable company: %v, want ErrNotFound", err)
	}
}

func TestFindListsCompaniesWhenNotGiven(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	cus := e.customerWith(t, e.companies[1], func(hyperline.Customer) bool { return true })
	r, err := lookup.Find(t.Context(), e.c, "", nil, cus.ID)
	wantOne(t, r, err, lookup.KindCustomer, cus.ID, e.companies[1])
}

func TestFindInvalidQueryMakesNoRequest(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	for _, q := range []string{"  ", "https://app.hyperline.co/app/settings"} {
		if _, err := e.find(t, q); !errors.Is(err, lookup.ErrInvalidQuery) {
			t.Errorf("Find(%q): %v, want ErrInvalidQuery", q, err)
		}
		if n := len(e.sim.Requests()); n != 0 {
			t.Errorf("Find(%q) sent %d requests", q, n)
		}
	}
}

func TestFindStopsAtDeadline(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.sim.SetFaults(simulator.Faults{Latency: time.Minute})
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	_, err := lookup.Find(ctx, e.c, e.current().ID, e.companies, "ZZZ-404")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Find past its deadline: %v, want context.DeadlineExceeded", err)
	}
}
