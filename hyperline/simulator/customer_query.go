package simulator

import (
	"net/url"
	"slices"
	"strings"
)

// customerQuery is a parsed customer filter, shared by GET /v1/customers
// and GET /v2/customers, which the spec gives the same filters.
type customerQuery struct {
	name            []strFilter
	currency        []strFilter
	country         []strFilter
	externalID      []strFilter
	billingEmail    []strFilter
	taxID           []strFilter
	invoicingEntity []strFilter
	kind            enumFilter
	status          enumFilter
	subStatus       enumFilter
	paymentMethod   enumFilter
	created         []dateFilter
	updated         []dateFilter
	search          string
	searchBytes     []byte         // search, for the index
	table           *customerTable // the query compiled for the index
}

// expandCustomerStatus maps a status filter value to the categories it
// selects. The response status is only active or archived; the filter
// also knows inactive and imported. Not documented: what those two select;
// here inactive is an active customer with no active (or trialing)
// subscription, and
// imported one whose properties.source is "import". "all" is active and
// archived alike, as is an absent filter.
func expandCustomerStatus(v string) ([]string, bool) {
	switch v {
	case "all":
		return []string{"active", "archived"}, true
	case "active", "archived", "inactive", "imported":
		return []string{v}, true
	}
	return nil, false
}

// parseCustomerQuery reads the customer filters. Filters the spec lists
// but the simulator does not apply (segment_id, custom_properties,
// integration_entity_id) are ignored like unknown parameters.
func parseCustomerQuery(q url.Values) (cq customerQuery, msg string) {
	cq = customerQuery{
		name:            parseStringFilters(q, "name"),
		currency:        parseStringFilters(q, "currency"),
		country:         parseStringFilters(q, "country"),
		externalID:      parseStringFilters(q, "external_id"),
		billingEmail:    parseStringFilters(q, "billing_email"),
		taxID:           parseStringFilters(q, "tax_id"),
		invoicingEntity: parseStringFilters(q, "invoicing_entity_id"),
		search:          strings.ToLower(q.Get("search")),
	}
	cq.searchBytes = []byte(cq.search)
	defer func() { cq.table = cq.compile() }() // after every filter is read
	if cq.kind, msg = parseEnumFilter(q, "type", literalEnum([]string{"corporate", "person"})); msg != "" {
		return cq, msg
	}
	if cq.status, msg = parseEnumFilter(q, "status", expandCustomerStatus); msg != "" {
		return cq, msg
	}
	subStatuses := []string{"active", "pending", "cancelled", "paused", "trialing", "errored", "draft", "none"}
	if cq.subStatus, msg = parseEnumFilter(q, "subscription_status", literalEnum(subStatuses)); msg != "" {
		return cq, msg
	}
	methods := []string{"card", "direct_debit", "direct_debit_ach", "direct_debit_bacs", "transfer", "external", "missing", "errored"}
	if cq.paymentMethod, msg = parseEnumFilter(q, "payment_method_type", literalEnum(methods)); msg != "" {
		return cq, msg
	}
	if cq.created, msg = parseDateFilters(q, "created_at"); msg != "" {
		return cq, msg
	}
	cq.updated, msg = parseDateFilters(q, "updated_at")
	return cq, msg
}

// filtered reports whether any filter is set.
func (cq customerQuery) filtered() bool {
	return len(cq.name)+len(cq.currency)+len(cq.country)+len(cq.externalID)+len(cq.billingEmail)+
		len(cq.taxID)+len(cq.invoicingEntity)+len(cq.created)+len(cq.updated) > 0 ||
		cq.kind.set || cq.status.set || cq.subStatus.set || cq.paymentMethod.set || cq.search != ""
}

// needsHead reports whether matching needs the customer's first draws
// (customerHead) besides its core.
func (cq customerQuery) needsHead() bool {
	return len(cq.country)+len(cq.externalID)+len(cq.billingEmail)+len(cq.taxID)+len(cq.updated) > 0 ||
		cq.search != "" || cq.status.include["imported"]
}

// customerMatches applies the query to customer i, computing only what
// the filters given need: a full scan of a large company must stay cheap.
func (s *Server) customerMatches(cq customerQuery, co *company, i int) bool {
	if cq.indexable() {
		return s.customerMatchesIndexed(&cq, co, i)
	}
	return s.customerMatchesGenerated(cq, co, i)
}

// customerMatcher is customerMatches for one request's scan: the choice
// between the index and the generated customers is made once, not per
// customer.
func (s *Server) customerMatcher(cq customerQuery, co *company) func(i int) bool {
	if cq.indexable() {
		s.customerIndex(co)
		return func(i int) bool { return s.customerMatchesIndexed(&cq, co, i) }
	}
	return func(i int) bool { return s.customerMatchesGenerated(cq, co, i) }
}

// customerMatchesGenerated is customerMatches on the generated customer.
func (s *Server) customerMatchesGenerated(cq customerQuery, co *company, i int) bool {
	cc := s.data.core(co, i)
	if !matchAll(cq.name, &cc.name) || !matchAll(cq.currency, &cc.loc.currency) ||
		!matchAll(cq.invoicingEntity, &co.catalog.entityID) || !matchDates(cq.created, cc.createdAt) {
		return false
	}
	if cq.kind.set && !cq.kind.match(cc.kind) {
		return false
	}
	if cq.subStatus.set && !slices.ContainsFunc(s.subscriptionSummaryStatuses(co, i), cq.subStatus.match) {
		return false
	}
	if cq.paymentMethod.set && !cq.paymentMethod.match(s.data.payment(co, i, cc.loc).filterValue()) {
		return false
	}
	if !cq.needsHead() {
		return !cq.status.set || s.customerStatusMatches(cq, co, i, cc, nil)
	}
	h := s.data.head(co, i, cc)
	if cq.status.set && !s.customerStatusMatches(cq, co, i, cc, &h) {
		return false
	}
	if !matchAll(cq.country, h.country(cc)) || !matchAll(cq.externalID, h.externalID(i)) ||
		!matchAll(cq.billingEmail, h.billingEmail(cc)) || !matchDates(cq.updated, s.data.customerUpdated(cc, h)) {
		return false
	}
	if len(cq.taxID) > 0 {
		var taxID *string
		if h.hasVAT {
			taxID = ptr(cc.loc.vatPrefix + uintText(h.vatNumber))
		}
		if !matchAll(cq.taxID, taxID) {
			return false
		}
	}
	if cq.search != "" {
		id := s.data.customerID(co, i)
		return searchMatches(cq.search, &cc.name, h.billingEmail(cc), &id, h.externalID(i))
	}
	return true
}

// customerStatusMatches applies the status filter to customer i; h is its
// head when the filter needs it (imported).
func (s *Server) customerStatusMatches(cq customerQuery, co *company, i int, cc customerCore, h *customerHead) bool {
	for category := range cq.status.include {
		if cq.status.exclude[category] {
			continue
		}
		switch category {
		case "active", "archived":
			if cc.status == category {
				return true
			}
		case "inactive":
			if st := s.subscriptionSummaryStatuses(co, i); cc.status == "active" && !slices.Contains(st, "active") && !slices.Contains(st, "trialing") {
				return true
			}
		case "imported":
			if h != nil && h.hasProperties && propertySources()[h.source] == "import" {
				return true
			}
		}
	}
	return false
}

// indexable reports whether the company's index answers every filter of
// cq: type, status (but imported), subscription status and search.
func (cq customerQuery) indexable() bool {
	return len(cq.name)+len(cq.currency)+len(cq.country)+len(cq.externalID)+len(cq.billingEmail)+
		len(cq.taxID)+len(cq.invoicingEntity)+len(cq.created)+len(cq.updated) == 0 &&
		!cq.status.include["imported"] && !cq.paymentMethod.set
}

// customerTable is an indexable customer query compiled to lookups, once
// per request: which kinds and which (archived, subscribed) states pass,
// which subscription summary bits, and the customers the search hits.
type customerTable struct {
	kind       [3]bool    // corporate, person, automatically_created
	status     [2][2]bool // [archived][has an active or trialing subscription]
	subMask    uint16     // summary bits the subscription_status filter takes
	searchHits []uint64   // bitmap of the customers the search hits; nil until used
}

// compile builds cq's lookups.
func (cq customerQuery) compile() *customerTable {
	t := &customerTable{}
	for k, name := range []string{"corporate", "person", "automatically_created"} {
		t.kind[k] = !cq.kind.set || cq.kind.match(name)
	}
	for archived := range 2 {
		for subscribed := range 2 {
			ok := !cq.status.set
			for category := range cq.status.include {
				if cq.status.exclude[category] {
					continue
				}
				status := map[bool]string{false: "active", true: "archived"}[archived == 1]
				ok = ok || category == status || category == "inactive" && archived == 0 && subscribed == 0
			}
			t.status[archived][subscribed] = ok
		}
	}
	t.subMask = ^uint16(0)
	if cq.subStatus.set {
		t.subMask = 0
		for b, name := range summaryBits() {
			if cq.subStatus.match(name) {
				t.subMask |= 1 << b
			}
		}
	}
	return t
}

// customerMatchesIndexed is customerMatches on the index.
func (s *Server) customerMatchesIndexed(cq *customerQuery, co *company, i int) bool {
	ix := s.customerIndex(co)
	t := cq.table
	fl, sum := ix.custFlags[i], ix.subSummary[i]
	kind := 0
	switch {
	case fl&custPerson != 0:
		kind = 1
	case fl&custAutomatic != 0:
		kind = 2
	}
	archived, subscribed := 0, 0
	if fl&custArchived != 0 {
		archived = 1
	}
	if sum&(summaryActive|summaryTrialing) != 0 {
		subscribed = 1
	}
	if !t.kind[kind] || !t.status[archived][subscribed] || sum&t.subMask == 0 {
		return false
	}
	if cq.search == "" {
		return true
	}
	if t.searchHits == nil {
		t.searchHits = s.searchIndex(co).searchHits(cq.searchBytes, co.customers)
	}
	return t.searchHits[i/64]&(1<<(i%64)) != 0
}

// countIndexed counts the customers an indexable query without search
// matches, from the buckets: no pass over the customers.
func (s *Server) countIndexed(cq *customerQuery, co *company) int {
	ix, t, n := s.customerIndex(co), cq.table, 0
	for kind := range 3 {
		for archived := range 2 {
			for sum := range 1024 {
				subscribed := 0
				if sum&(summaryActive|summaryTrialing) != 0 {
					subscribed = 1
				}
				if t.kind[kind] && t.status[archived][subscribed] && uint16(sum)&t.subMask != 0 {
					n += ix.custBuckets[(kind*2+archived)*1024+sum]
				}
			}
		}
	}
	return n
}
