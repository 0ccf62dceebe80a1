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
func parseCustomerQuery(q url.Values) (customerQuery, string) {
	cq := customerQuery{
		name:            parseStringFilters(q, "name"),
		currency:        parseStringFilters(q, "currency"),
		country:         parseStringFilters(q, "country"),
		externalID:      parseStringFilters(q, "external_id"),
		billingEmail:    parseStringFilters(q, "billing_email"),
		taxID:           parseStringFilters(q, "tax_id"),
		invoicingEntity: parseStringFilters(q, "invoicing_entity_id"),
		search:          strings.ToLower(q.Get("search")),
	}
	var msg string
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
