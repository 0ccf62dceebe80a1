package lookup_test

import (
	"errors"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/lookup"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestFindSharedReferenceGivesCandidates looks up an external ID that two
// other companies both use (the simulator numbers external IDs by customer
// position, so companies share them) and the current one does not: both
// customers come back as candidates, in the order of the companies.
func TestFindSharedReferenceGivesCandidates(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	a, b := e.companies[1], e.companies[2]
	var ref string
	for _, c := range e.customers(t, a, hyperline.CustomerListOptions{}) {
		if c.ExternalID == nil {
			continue
		}
		opts := hyperline.CustomerListOptions{ExternalID: *c.ExternalID}
		if len(e.customers(t, e.current(), opts)) == 0 && len(e.customers(t, b, opts)) == 1 {
			ref = *c.ExternalID
			break
		}
	}
	if ref == "" {
		t.Fatal("no external ID shared by the two other companies only")
	}
	r, err := e.find(t, ref)
	if err != nil {
		t.Fatalf("Find(%q): %v", ref, err)
	}
	if !r.Ambiguous() || len(r.Candidates) != 2 || r.ID() != "" {
		t.Fatalf("Find(%q) = %+v, want two candidates and no single match", ref, r)
	}
	for i, co := range []hyperline.Company{a, b} {
		m := r.Candidates[i]
		if m.Kind != lookup.KindCustomer || m.Company.ID != co.ID || deref(m.Customer.ExternalID) != ref {
			t.Errorf("candidate %d: %s %s in %s, want the customer with external ID %q in %s", i, m.Kind, m.ID(), m.Company.ID, ref, co.ID)
		}
	}
}

// TestFindStopsOnUnauthorized: a token the API refuses fails every
// company alike, so the lookup stops after the current company.
func TestFindStopsOnUnauthorized(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	bad, err := hyperline.New(e.sim.URL, hyperline.APIKey("not-a-token"))
	if err != nil {
		t.Fatal(err)
	}
	e.sim.ResetRequests()
	_, err = lookup.Find(t.Context(), bad, e.current().ID, e.companies, "cus_abc")
	if !errors.Is(err, hyperline.ErrUnauthorized) || errors.Is(err, lookup.ErrNotFound) {
		t.Fatalf("Find with a refused token: %v, want ErrUnauthorized", err)
	}
	if n := len(e.sim.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}
