package lookup_test

import (
	"net/url"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestFindRequestBound checks the cost of the worst case of each rule, a
// query that matches nothing anywhere: at most perCompany requests to each
// company, no second page of any list, and one GET (not a list) for an ID.
func TestFindRequestBound(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	for _, tc := range []struct {
		query      string
		perCompany int
	}{
		{"cus_doesnotexist0", 1},
		{"sub_doesnotexist0", 1},
		{"inv_doesnotexist0", 1},
		{"nobody@nowhere.invalid", 1},
		{"ZZZ-404", 2},
	} {
		if _, err := e.find(t, tc.query); err == nil {
			t.Fatalf("Find(%q) found something", tc.query)
		}
		reqs := e.dataRequests()
		perCo := map[string]int{}
		for _, r := range reqs {
			perCo[r.CompanyHeader]++
			q, _ := url.ParseQuery(r.Query)
			if q.Has("cursor") || q.Has("skip") {
				t.Errorf("%s: %s %s?%s asks for a later page", tc.query, r.Method, r.Path, r.Query)
			}
		}
		for _, co := range e.companies {
			if perCo[co.ID] != tc.perCompany {
				t.Errorf("%s: %d requests to %s, want %d", tc.query, perCo[co.ID], co.ID, tc.perCompany)
			}
		}
		if len(reqs) != tc.perCompany*len(e.companies) {
			t.Errorf("%s: %d requests in all, want %d", tc.query, len(reqs), tc.perCompany*len(e.companies))
		}
		t.Logf("%-24s %d requests for %d companies", tc.query, len(reqs), len(e.companies))
	}
}
