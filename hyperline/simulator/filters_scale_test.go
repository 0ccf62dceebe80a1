package simulator

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFullFieldFiltersStayCheap: filtering customers on country,
// external_id or billing_email scans every customer of the company, so it
// must not build each whole customer object (subscriptions included) just
// to read three fields; at a million customers that took over 20 s of CPU
// per request. Allocations per scanned customer are counted, which does
// not depend on the machine's speed.
//
// Not parallel: testing.AllocsPerRun refuses to run in a parallel test.
func TestFullFieldFiltersStayCheap(t *testing.T) {
	const customers = 20_000
	s := New(Config{LargeCustomers: customers, ReadLimit: -1})
	tok := func() string {
		clientID := s.App().ClientID
		s.store.mu.Lock()
		defer s.store.mu.Unlock()
		_, access := s.store.issueLocked(clientID, time.Now().Add(time.Hour))
		return access
	}()
	large := s.Companies()[2].ID
	for _, query := range []string{
		"country=FR&take=1",
		"external_id__isNull=true&take=1",
		"billing_email__contains=billing&take=1",
	} {
		allocs := testing.AllocsPerRun(2, func() {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodGet, "/v1/customers?"+query, nil)
			req.Header.Set("Authorization", "Bearer "+tok)
			req.Header.Set(companyHeader, large)
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: status %d", query, rec.Code)
			}
		})
		if perCustomer := allocs / customers; perCustomer > 8 {
			t.Errorf("%s: %.1f allocations per scanned customer, want at most 8", query, perCustomer)
		}
	}
}

// TestHeadFiltersMatchFullCustomers: the cheap filters on country,
// external_id and billing_email pick exactly the customers whose full
// objects carry those values.
func TestHeadFiltersMatchFullCustomers(t *testing.T) {
	t.Parallel()
	s := New(Config{ReadLimit: -1})
	co := s.data.companies[1]
	tests := []struct {
		query string
		want  func(customerV1JSON) bool
	}{
		{"country=FR", func(c customerV1JSON) bool { return c.Country != nil && *c.Country == "FR" }},
		{"country__not=FR", func(c customerV1JSON) bool { return *c.Country != "FR" }},
		{"external_id__isNotNull=true", func(c customerV1JSON) bool { return c.ExternalID != nil }},
		{"external_id__startsWith=crm-101", func(c customerV1JSON) bool {
			return c.ExternalID != nil && strings.HasPrefix(*c.ExternalID, "crm-101")
		}},
		{"billing_email__endWith=.de", func(c customerV1JSON) bool {
			return c.BillingEmail != nil && strings.HasSuffix(*c.BillingEmail, ".de")
		}},
		{"billing_email__isNull=true&country__not=DE", func(c customerV1JSON) bool {
			return c.BillingEmail == nil && (c.Country == nil || *c.Country != "DE")
		}},
	}
	for _, tt := range tests {
		var want []string
		for i := range co.customers {
			cr := s.data.customer(co, i)
			if c := cr.v1(); tt.want(c) {
				want = append(want, c.ID)
			}
		}
		q, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		cq, msg := parseCustomerQuery(q)
		if msg != "" {
			t.Fatalf("%s: %s", tt.query, msg)
		}
		var got []string
		for i := range co.customers {
			if s.customerMatches(cq, co, i) {
				got = append(got, s.data.customerID(co, i))
			}
		}
		if len(want) == 0 || len(want) == co.customers || !slices.Equal(got, want) {
			t.Errorf("%s: matched %d customers, full objects say %d", tt.query, len(got), len(want))
		}
	}
}
