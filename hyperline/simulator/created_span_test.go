package simulator

import (
	"net/url"
	"slices"
	"testing"
	"time"
)

// TestCreatedDatesGrowWithTheIndex: the binary search of created_at
// filters rests on creation dates that grow, a millisecond at least, with
// the customer's index.
func TestCreatedDatesGrowWithTheIndex(t *testing.T) {
	t.Parallel()
	s := New(Config{Seed: 3, LargeCustomers: 50_000})
	for _, co := range s.data.companies {
		prev := time.Time{}
		for i := 0; i < co.customers; i += max(1, co.customers/5000) {
			at := s.data.core(co, i).createdAt
			if !at.After(prev) {
				t.Fatalf("%s: customer %d created at %v, not after the one before (%v)", co.id, i, at, prev)
			}
			prev = at
		}
	}
}

// TestCreatedAtWindowsMatchTheScan: created_at ranges (gte/lt, gt/lte,
// equals) answer exactly the customers a scan of every customer finds,
// in both orders, with the same total.
func TestCreatedAtWindowsMatchTheScan(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{Seed: 5, Scale: 0.2})
	tok := login(t, sim).AccessToken
	co := sim.Companies()[1]
	all := walkCursor[customerV2Probe](t, sim, "/v2/customers?limit=100&order=asc", tok, co.ID)
	if len(all) < 50 {
		t.Fatalf("only %d customers", len(all))
	}
	at := func(i int) string { return all[i].CreatedAt }
	cases := []struct {
		query string
		want  func(c customerV2Probe) bool
	}{
		{"created_at__gte=" + at(10) + "&created_at__lt=" + at(40), func(c customerV2Probe) bool { return c.CreatedAt >= at(10) && c.CreatedAt < at(40) }},
		{"created_at__gt=" + at(10) + "&created_at__lte=" + at(40), func(c customerV2Probe) bool { return c.CreatedAt > at(10) && c.CreatedAt <= at(40) }},
		{"created_at=" + at(7), func(c customerV2Probe) bool { return c.CreatedAt == at(7) }},
		{"created_at__lt=" + at(0), func(customerV2Probe) bool { return false }},
	}
	for _, tc := range cases {
		var want []string
		for _, c := range all {
			if tc.want(c) {
				want = append(want, c.ID)
			}
		}
		for _, order := range []string{"asc", "desc"} {
			q := "/v2/customers?limit=7&include_total=true&order=" + order + "&" + encodePlus(tc.query)
			got := walkCursor[customerV2Probe](t, sim, q, tok, co.ID)
			ids := make([]string, len(got))
			for i, c := range got {
				ids[i] = c.ID
			}
			if order == "desc" {
				slices.Reverse(ids)
			}
			if !slices.Equal(ids, want) {
				t.Errorf("%s %s: %d customers, want %d", tc.query, order, len(ids), len(want))
			}
			first := cursorGet[customerV2Probe](t, sim, q, tok, co.ID)
			if first.Total == nil || *first.Total != len(want) {
				t.Errorf("%s: total %v, want %d", tc.query, first.Total, len(want))
			}
		}
	}
}

// customerV2Probe is the part of a v2 customer these tests read. The
// API's timestamps are UTC with milliseconds, so they sort as text.
type customerV2Probe struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	CreatedAt string `json:"created_at"`
}

// encodePlus escapes the "+" a time zone could carry in a raw query.
func encodePlus(q string) string {
	v, _ := url.ParseQuery(q)
	return v.Encode()
}
