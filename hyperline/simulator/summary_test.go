package simulator

import "testing"

// A customer's summary of each of its subscriptions (built without the
// products and amounts) must read as the full subscription does.
func TestCustomerSubscriptionSummariesMatch(t *testing.T) {
	t.Parallel()
	s := New(Config{Seed: 3})
	co := s.data.companies[1]
	seen := 0
	for i := range min(co.customers, 400) {
		cr := s.data.customer(co, i)
		for slot, sum := range cr.common.Subscriptions {
			full := s.data.subscription(co, i, slot)
			if sum.ID != full.ID || !samePtr(sum.PlanID, full.PlanID) || !samePtr(sum.CheckoutSessionID, full.CheckoutSessionID) ||
				!samePtr(sum.CurrentPeriodStartedAt, dateOf(full.CurrentPeriodStartedAt)) ||
				!samePtr(sum.CurrentPeriodEndsAt, dateOf(full.CurrentPeriodEndsAt)) {
				t.Fatalf("customer %d slot %d: summary %+v, subscription %+v", i, slot, sum, full)
			}
			seen++
		}
	}
	if seen == 0 {
		t.Fatal("no subscriptions checked")
	}
}

func samePtr(a, b *string) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
