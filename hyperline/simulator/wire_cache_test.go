package simulator

import (
	"bytes"
	"testing"
)

// TestCustomerPageFromCacheIsTheEnvelope: a v2 customer page assembled
// from the cached wire forms (before and after the cache fills, with and
// without next cursor and total) is byte for byte the encoded envelope.
func TestCustomerPageFromCacheIsTheEnvelope(t *testing.T) {
	t.Parallel()
	s := New(Config{Seed: 9, Scale: 0.1, Hostile: true})
	for _, co := range s.data.companies {
		keys := []seqKey{}
		for i := range min(co.customers, 7) {
			keys = append(keys, seqKey{index: i})
		}
		next, total := "abc\"<&>", 12345
		for round := range 2 { // the first round fills the cache
			for _, tc := range []struct {
				next  *string
				total *int
			}{{nil, nil}, {&next, &total}, {&next, nil}} {
				env := cursorEnvelope[customerJSON]{Data: []customerJSON{}, NextCursor: tc.next, HasMore: tc.next != nil, Total: tc.total}
				for _, k := range keys {
					cr := s.data.customer(co, k.index)
					env.Data = append(env.Data, cr.v2())
				}
				want := encodeJSON(env)
				if got := s.customerPage(co, keys, tc.next, tc.total); !bytes.Equal(got, want) {
					t.Fatalf("%s round %d: page\n%s\nwant\n%s", co.name, round, got, want)
				}
			}
		}
	}
	if !s.WarmCustomers(s.data.companies[0].id) || s.WarmCustomers("cmp_nothing") {
		t.Fatal("WarmCustomers")
	}
}
