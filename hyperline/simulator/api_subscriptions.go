package simulator

import (
	"net/http"
	"net/url"
	"slices"
)

// subscriptionQuery is a parsed GET /v2/subscriptions filter.
type subscriptionQuery struct {
	status     enumFilter
	activation enumFilter
	customers  []int // narrowed by customer_id equality; nil: every customer
	customerID []strFilter
	currency   []strFilter
	planID     []strFilter
	purchase   []strFilter
	entity     []strFilter
	updated    []dateFilter
}

// hiddenSubscriptionStatuses are what the list leaves out unless a
// status filter names them, as the spec says.
func hiddenSubscriptionStatuses() []string {
	return []string{"draft", "voided", "cancelled", "archived"}
}

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

// parseSubscriptionQuery reads the subscription filters. Filters the
// simulator does not apply (original_quote_id, custom_properties,
// invoice_drafts, integration_entity_id) are ignored like unknown ones.
func (s *Server) parseSubscriptionQuery(q url.Values, co *company) (subscriptionQuery, string) {
	sq := subscriptionQuery{
		customerID: parseStringFilters(q, "customer_id"),
		currency:   parseStringFilters(q, "currency"),
		planID:     parseStringFilters(q, "plan_id"),
		purchase:   parseStringFilters(q, "purchase_order"),
		entity:     parseStringFilters(q, "invoicing_entity_id"),
	}
	var msg string
	if sq.status, msg = parseEnumFilter(q, "status", expandSubscriptionStatus); msg != "" {
		return sq, msg
	}
	if !sq.status.set {
		sq.status, _ = parseEnumFilter(url.Values{"status": {"all"}}, "status", expandSubscriptionStatus)
	}
	strategies := []string{"checkout", "contract_start_date", "quote", "start_date", "manually"}
	if sq.activation, msg = parseEnumFilter(q, "activation_strategy", literalEnum(strategies)); msg != "" {
		return sq, msg
	}
	if sq.updated, msg = parseDateFilters(q, "updated_at"); msg != "" {
		return sq, msg
	}
	// customer_id equality names customers by ID: decode them rather than
	// scan the company.
	var ids []string
	rest := sq.customerID[:0]
	for _, f := range sq.customerID {
		if f.op == "" || f.op == "equals" {
			ids = append(ids, f.values[0])
		} else {
			rest = append(rest, f)
		}
	}
	sq.customerID = rest
	if ids != nil {
		sq.customers = s.data.customerIndexesOf(co, ids)
		if slices.ContainsFunc(ids, func(id string) bool { return id != ids[0] }) {
			sq.customers = []int{}
		}
	}
	return sq, ""
}

// needsBuild reports whether a filter reads fields only a built
// subscription has.
func (sq subscriptionQuery) needsBuild() bool {
	return sq.activation.set || len(sq.planID)+len(sq.purchase)+len(sq.updated) > 0
}

// listSubscriptions answers GET /v2/subscriptions (take/skip). Not
// documented: the order; by customer creation, then by subscription
// creation.
func (s *Server) listSubscriptions(w http.ResponseWriter, r *http.Request, c *apiCall) {
	co := c.company
	p, sq, ok := parseList(w, r.URL.Query(), func(q url.Values) (subscriptionQuery, string) { return s.parseSubscriptionQuery(q, co) })
	if !ok {
		return
	}
	pg := newPager[subscriptionJSON](p)
	if sq.indexable() {
		s.subscriptionsIndexed(pg, sq, co)
		pg.write(w)
		return
	}
	visit := func(i int) {
		n := s.data.subCount(co, i)
		if n == 0 {
			return
		}
		cc := s.data.core(co, i)
		if !matchAll(sq.currency, &cc.loc.currency) || !matchAll(sq.entity, &co.catalog.entityID) {
			return
		}
		if len(sq.customerID) > 0 {
			if id := s.data.customerID(co, i); !matchAll(sq.customerID, &id) {
				return
			}
		}
		for slot := range n {
			if !sq.status.match(s.data.subStatus(co, i, slot)) {
				continue
			}
			if !sq.needsBuild() {
				pg.offer(func() subscriptionJSON { return s.data.subscription(co, i, slot) })
				continue
			}
			sub := s.data.subscription(co, i, slot)
			updated := stampTime(sub.UpdatedAt)
			if sq.activation.match(sub.ActivationStrategy) && matchAll(sq.planID, sub.PlanID) &&
				matchAll(sq.purchase, sub.PurchaseOrder) && matchDates(sq.updated, updated) {
				pg.offer(func() subscriptionJSON { return sub })
			}
		}
	}
	eachCustomer(co, sq.customers, visit)
	pg.write(w)
}

// getSubscription answers GET /v2/subscriptions/{id}. include_live_billing
// is accepted and ignored: the simulator computes no live billing.
func (s *Server) getSubscription(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	i, slot, ok := s.data.subscriptionByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Subscription not found")
		return
	}
	writeJSON(w, http.StatusOK, s.data.subscriptionDetails(c.company, i, slot))
}

// indexable reports whether the company's index answers every filter of
// sq: the status, and customers by ID equality.
func (sq subscriptionQuery) indexable() bool {
	return !sq.needsBuild() && len(sq.currency)+len(sq.entity)+len(sq.customerID) == 0
}

// subscriptionsIndexed is listSubscriptions on the index.
func (s *Server) subscriptionsIndexed(pg *pager[subscriptionJSON], sq subscriptionQuery, co *company) {
	ix := s.customerIndex(co)
	statuses := subscriptionStatuses()
	var ok [numSubscriptionStatuses]bool
	for k, name := range statuses {
		ok[k] = sq.status.match(name)
	}
	eachCustomer(co, sq.customers, func(i int) {
		lo, hi := int(ix.subStart[i]), int(ix.subStart[i+1])
		for r := lo; r < hi; r++ {
			if !ok[ix.subStatus[r]] {
				continue
			}
			if pg.total >= pg.skip && len(pg.items) < pg.take { // pg.offer without a closure per row
				pg.items = append(pg.items, s.data.subscription(co, i, r-lo))
			}
			pg.total++
		}
	})
}
