package simulator

import (
	"net/http"
	"net/url"
	"strings"
)

// listCompanies answers GET /v1/companies with the companies the
// credential can see, oldest first.
func (s *Server) listCompanies(w http.ResponseWriter, r *http.Request, c *apiCall) {
	p, msg := parsePage(r.URL.Query())
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	pg := newPager[companyJSON](p)
	for _, co := range s.visibleCompanies(c.cred) {
		pg.offer(func() companyJSON {
			return companyJSON{ID: co.id, Name: co.name, LogoURL: co.logoURL, FaviconURL: co.faviconURL, Address: co.address}
		})
	}
	pg.write(w)
}

// customerQuery is a parsed GET /v1/customers filter.
type customerQuery struct {
	ids          []strFilter
	name         []strFilter
	kind         []strFilter
	currency     []strFilter
	country      []strFilter
	externalID   []strFilter
	billingEmail []strFilter
	status       enumFilter
	created      []dateFilter
	search       string
}

// parseCustomerQuery reads the customer filters (§7.4). Not documented:
// "status" accepts active and archived plus "all"; search is a
// case-insensitive match on the name or the ID.
func parseCustomerQuery(q url.Values) (customerQuery, string) {
	cq := customerQuery{
		ids:          parseStringFilters(q, "id"),
		name:         parseStringFilters(q, "name"),
		kind:         parseStringFilters(q, "type"),
		currency:     parseStringFilters(q, "currency"),
		country:      parseStringFilters(q, "country"),
		externalID:   parseStringFilters(q, "external_id"),
		billingEmail: parseStringFilters(q, "billing_email"),
		search:       strings.ToLower(q.Get("search")),
	}
	var msg string
	cq.status, msg = parseEnumFilter(q, "status", func(v string) ([]string, bool) {
		switch v {
		case "all":
			return []string{"active", "archived"}, true
		case "active", "archived":
			return []string{v}, true
		}
		return nil, false
	})
	if msg != "" {
		return cq, msg
	}
	cq.created, msg = parseDateFilters(q, "created_at")
	return cq, msg
}

// filtered reports whether any filter is set.
func (cq customerQuery) filtered() bool {
	return len(cq.ids)+len(cq.name)+len(cq.kind)+len(cq.currency)+len(cq.country)+
		len(cq.externalID)+len(cq.billingEmail)+len(cq.created) > 0 || cq.status.set || cq.search != ""
}

// needsHead reports whether matching needs the customer's first draws
// (customerHead) besides its core.
func (cq customerQuery) needsHead() bool {
	return len(cq.country)+len(cq.externalID)+len(cq.billingEmail) > 0
}

// matches applies the query to customer i.
func (s *Server) customerMatches(cq customerQuery, co *company, i int) bool {
	cc := s.data.core(co, i)
	var id string
	if len(cq.ids) > 0 || cq.search != "" {
		id = s.data.customerID(co, i)
	}
	if !matchAll(cq.ids, &id) || !matchAll(cq.name, &cc.name) || !matchAll(cq.kind, &cc.kind) ||
		!matchAll(cq.currency, &cc.loc.currency) || !cq.status.match(cc.status) {
		return false
	}
	for _, f := range cq.created {
		if !f.match(cc.createdAt) {
			return false
		}
	}
	if cq.search != "" && !strings.Contains(strings.ToLower(cc.name), cq.search) && !strings.Contains(strings.ToLower(id), cq.search) {
		return false
	}
	if cq.needsHead() {
		h := s.data.head(co, i, cc)
		return (len(cq.country) == 0 || matchAll(cq.country, h.country(cc))) &&
			(len(cq.externalID) == 0 || matchAll(cq.externalID, h.externalID(i))) &&
			(len(cq.billingEmail) == 0 || matchAll(cq.billingEmail, h.billingEmail(cc)))
	}
	return true
}

// listCustomers answers GET /v1/customers, oldest first. Not documented:
// the order; creation order, which is stable.
func (s *Server) listCustomers(w http.ResponseWriter, r *http.Request, c *apiCall) {
	p, cq, ok := parseList(w, r.URL.Query(), parseCustomerQuery)
	if !ok {
		return
	}
	co := c.company
	pg := newPager[customerJSON](p)
	build := func(i int) func() customerJSON { return func() customerJSON { return s.data.customer(co, i) } }
	indexes := s.customerIndexes(cq, co)
	switch {
	case !cq.filtered():
		pg.total = co.customers
		for i := p.skip; i < co.customers && len(pg.items) < p.take; i++ {
			pg.items = append(pg.items, s.data.customer(co, i))
		}
	case indexes != nil:
		for _, i := range indexes {
			if s.customerMatches(cq, co, i) {
				pg.offer(build(i))
			}
		}
	default:
		for i := range co.customers {
			if s.customerMatches(cq, co, i) {
				pg.offer(build(i))
			}
		}
	}
	pg.write(w)
}

// customerIndexes narrows a query with id or id__in to the customers it
// names, in creation order, so such lookups do not scan; nil when the
// query has neither.
func (s *Server) customerIndexes(cq customerQuery, co *company) []int {
	var ids []string
	for _, f := range cq.ids {
		switch f.op {
		case "", "equals", "in":
			ids = append(ids, f.values...)
		}
	}
	if ids == nil {
		return nil
	}
	return s.data.customerIndexesOf(co, ids)
}

// getCustomer answers GET /v1/customers/{id}.
func (s *Server) getCustomer(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	i, ok := s.data.customerByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Customer not found")
		return
	}
	writeJSON(w, http.StatusOK, s.data.customerDetail(c.company, i))
}

// eachCustomer visits the customer indexes a customer filter narrowed the
// list to (only), or, when there was none (nil), every customer of co in
// order.
func eachCustomer(co *company, only []int, visit func(i int)) {
	if only != nil {
		for _, i := range only {
			visit(i)
		}
		return
	}
	for i := range co.customers {
		visit(i)
	}
}
