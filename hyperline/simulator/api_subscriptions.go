package simulator

import (
	"net/http"
	"net/url"
	"slices"
)

// subscriptionQuery is a parsed GET /v2/subscriptions filter (§8.2).
type subscriptionQuery struct {
	status    enumFilter
	customers []int // nil: every customer
	currency  []strFilter
}

// hiddenSubscriptionStatuses are what the list leaves out unless a
// status filter names them, as the spec says.
func hiddenSubscriptionStatuses() []string { return []string{"draft", "voided", "cancelled", "archived"} }

// expandSubscriptionStatus maps a status filter value to statuses, as the
// spec describes them: "all" is what an absent filter shows (everything
// but draft, voided, cancelled and archived), "any" is every status and
// "inactive" is pending and paused.
func expandSubscriptionStatus(v string) ([]string, bool) {
	all := subscriptionStatuses()
	switch v {
	case "all":
		var out []string
		for _, st := range all {
			if !slices.Contains(hiddenSubscriptionStatuses(), st) {
				out = append(out, st)
			}
		}
		return out, true
	case "any":
		return all[:], true
	case "inactive":
		return []string{"pending", "paused"}, true
	case "active", "errored", "cancelled", "paused", "pending", "draft", "voided", "archived":
		return []string{v}, true
	}
	return nil, false
}

func (s *Server) parseSubscriptionQuery(q url.Values, co *company) (subscriptionQuery, string) {
	var sq subscriptionQuery
	var msg string
	sq.status, msg = parseEnumFilter(q, "status", expandSubscriptionStatus)
	if msg != "" {
		return sq, msg
	}
	if !sq.status.set {
		sq.status, _ = parseEnumFilter(url.Values{"status": {"all"}}, "status", expandSubscriptionStatus)
	}
	// Not documented (very likely, per the API notes): customer_id and
	// customer_id__in.
	if q.Has("customer_id") || q.Has("customer_id__in") {
		ids := splitList(q.Get("customer_id__in"))
		if q.Has("customer_id") {
			ids = append(ids, q.Get("customer_id"))
		}
		sq.customers = s.data.customerIndexesOf(co, ids)
	}
	sq.currency = parseStringFilters(q, "currency")
	return sq, ""
}

// listSubscriptions answers GET /v2/subscriptions. Not documented: the
// order; by customer creation, then by subscription creation.
func (s *Server) listSubscriptions(w http.ResponseWriter, r *http.Request, c *apiCall) {
	co := c.company
	p, sq, ok := parseList(w, r.URL.Query(), func(q url.Values) (subscriptionQuery, string) { return s.parseSubscriptionQuery(q, co) })
	if !ok {
		return
	}
	pg := newPager[subscriptionJSON](p)
	visit := func(i int) {
		n := s.data.subCount(co, i)
		if n == 0 {
			return
		}
		if len(sq.currency) > 0 && !matchAll(sq.currency, &s.data.core(co, i).loc.currency) {
			return
		}
		for slot := range n {
			if sq.status.match(s.data.subStatus(co, i, slot)) {
				pg.offer(func() subscriptionJSON { return s.data.subscription(co, i, slot) })
			}
		}
	}
	eachCustomer(co, sq.customers, visit)
	pg.write(w)
}

// getSubscription answers GET /v2/subscriptions/{id}.
func (s *Server) getSubscription(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	i, slot, ok := s.data.subscriptionByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Subscription not found")
		return
	}
	writeJSON(w, http.StatusOK, s.data.subscription(c.company, i, slot))
}
