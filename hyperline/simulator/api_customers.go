package simulator

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"
)

// listCompanies answers GET /v1/companies with every company the
// credential can see, oldest first, in one page: the spec gives the
// endpoint no parameters, so take and skip are ignored like any unknown
// parameter.
func (s *Server) listCompanies(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	visible := s.visibleCompanies(c.cred)
	out := make([]companyJSON, 0, len(visible))
	for _, co := range visible {
		out = append(out, companyJSON{ID: co.id, Name: co.name, LogoURL: co.logoURL, FaviconURL: co.faviconURL, Address: co.address})
	}
	writeJSON(w, http.StatusOK, listEnvelope[companyJSON]{
		Meta: listMeta{Total: len(out), Taken: len(out), Skipped: 0},
		Data: out,
	})
}

// listCustomersV1 answers the deprecated GET /v1/customers (take/skip),
// oldest first. Not documented: the order; the v1 list takes no sort, and
// creation order is stable.
func (s *Server) listCustomersV1(w http.ResponseWriter, r *http.Request, c *apiCall) {
	p, cq, ok := parseList(w, r.URL.Query(), parseCustomerQuery)
	if !ok {
		return
	}
	co := c.company
	pg := newPager[customerV1JSON](p)
	if !cq.filtered() {
		pg.total = co.customers
		for i := p.skip; i < co.customers && len(pg.items) < p.take; i++ {
			cr := s.data.customer(co, i)
			pg.items = append(pg.items, cr.v1())
		}
		pg.write(w)
		return
	}
	matches := s.customerMatcher(cq, co)
	for i := range co.customers {
		if matches(i) {
			pg.offer(func() customerV1JSON {
				cr := s.data.customer(co, i)
				return cr.v1()
			})
		}
	}
	pg.write(w)
}

// listCustomersV2 answers GET /v2/customers: a cursor list, newest first
// by default.
func (s *Server) listCustomersV2(w http.ResponseWriter, r *http.Request, c *apiCall) {
	q := r.URL.Query()
	co := c.company
	p, msg := s.data.parseCursorPage(q, cursorCustomers, co, []string{"created_at", "updated_at"})
	var cq customerQuery
	if msg == "" {
		cq, msg = parseCustomerQuery(q)
	}
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	res := cursorResult{page: p}
	if p.sort == "updated_at" {
		s.customersByUpdate(&res, cq, co)
	} else {
		s.customersByCreation(&res, cq, co)
	}
	keys, next := res.finish(s.data, cursorCustomers, co, q)
	var total *int
	if p.includeTotal {
		total = &res.total
	}
	writeJSONBytes(w, http.StatusOK, s.customerPage(co, keys, next, total))
}

// customersByCreation walks customers in creation order (which is index
// order) from the cursor on and stops once the page is full, so a page
// costs what it skips over, not the whole company.
func (s *Server) customersByCreation(res *cursorResult, cq customerQuery, co *company) {
	p := res.page
	lo, hi := s.createdSpan(cq, co)
	i, step := lo, 1
	if p.desc {
		i, step = hi-1, -1
	}
	if p.after != nil {
		i = p.after.index + step
	}
	matches := s.customerMatcher(cq, co)
	for ; i >= lo && i < hi && !res.full(); i += step {
		if !cq.filtered() || matches(i) {
			res.keys = append(res.keys, seqKey{index: i})
		}
	}
	if !p.includeTotal {
		return
	}
	if !cq.filtered() {
		res.total = co.customers
		return
	}
	if cq.indexable() && cq.search == "" && lo == 0 && hi == co.customers {
		res.total = s.countIndexed(&cq, co)
		return
	}
	for i := lo; i < hi; i++ {
		if matches(i) {
			res.total++
		}
	}
}

// createdSpan is the range of customer indexes a created_at filter can
// match. Customers are created in index order (customerCreated grows with
// the index, a millisecond at least), so a range of dates is a range of
// indexes, found by binary search rather than a scan; the filters are
// still applied to each customer in it. Not documented: how fast the real
// API filters by date; an index makes it cheap there too.
func (s *Server) createdSpan(cq customerQuery, co *company) (lo, hi int) {
	n := co.customers
	lo, hi = 0, n
	at := func(i int) time.Time { return s.data.core(co, i).createdAt }
	from := func(t time.Time) int { return sort.Search(n, func(i int) bool { return !at(i).Before(t) }) }
	after := func(t time.Time) int { return sort.Search(n, func(i int) bool { return at(i).After(t) }) }
	for _, f := range cq.created {
		switch f.op {
		case "gte":
			lo = max(lo, from(f.at))
		case "gt":
			lo = max(lo, after(f.at))
		case "lt":
			hi = min(hi, from(f.at))
		case "lte":
			hi = min(hi, after(f.at))
		case "", "equals":
			lo, hi = max(lo, from(f.at)), min(hi, after(f.at))
		}
	}
	return lo, max(lo, hi)
}

// customersByUpdate scans every customer for its update time: that order
// is not the index order, so the page is the first limit+1 matches after
// the cursor, kept in a bounded heap.
func (s *Server) customersByUpdate(res *cursorResult, cq customerQuery, co *company) {
	top := topKeys{page: res.page, k: res.page.limit + 1}
	matches := s.customerMatcher(cq, co)
	for i := range co.customers {
		if cq.filtered() && !matches(i) {
			continue
		}
		res.total++
		cc := s.data.core(co, i)
		k := seqKey{at: s.data.customerUpdated(cc, s.data.head(co, i, cc)).UnixMilli(), index: i}
		if res.page.wanted(k) {
			top.offer(k)
		}
	}
	res.keys = top.sorted()
}

// getCustomerV1 answers the deprecated GET /v1/customers/{id}.
func (s *Server) getCustomerV1(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	i, ok := s.data.customerByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Customer not found")
		return
	}
	writeJSON(w, http.StatusOK, s.data.customerDetailsV1(c.company, i))
}

// getCustomerV2 answers GET /v2/customers/{id}.
func (s *Server) getCustomerV2(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	i, ok := s.data.customerByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Customer not found")
		return
	}
	writeJSON(w, http.StatusOK, s.data.customerDetails(c.company, i))
}

// customerPortal answers GET /v1/customers/{id}/portal with the URL of the
// customer's billing portal. Not documented: the URL's form; a page the
// simulator serves itself, /portal/<customer id> on the host the request
// came to. Not documented: an unknown customer answers 404 {message}, as
// the other customer endpoints do.
func (s *Server) customerPortal(w http.ResponseWriter, r *http.Request, c *apiCall) {
	if _, ok := s.data.customerByID(c.company, c.args[0]); !ok {
		writeError(w, http.StatusNotFound, "Customer not found")
		return
	}
	writeJSON(w, http.StatusOK, portalJSON{URL: baseURL(r) + "/portal/" + url.PathEscape(c.args[0])})
}

// baseURL is the simulator's own origin as the request reached it.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
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

// searchMatches reports whether a customer matches search (lower-cased).
// Not documented: which fields search looks at; a case-insensitive
// substring of the name, billing e-mail, ID or external ID.
func searchMatches(search string, fields ...*string) bool {
	for _, f := range fields {
		if f != nil && strings.Contains(strings.ToLower(*f), search) {
			return true
		}
	}
	return false
}

// subscriptionSummaryStatuses lists the statuses customer i's subscriptions
// show in its summary, or "none" when it has none.
func (s *Server) subscriptionSummaryStatuses(co *company, i int) []string {
	n := s.data.subCount(co, i)
	if n == 0 {
		return []string{"none"}
	}
	out := make([]string, 0, n)
	for slot := range n {
		out = append(out, s.data.summaryStatus(co, i, slot))
	}
	return slices.Compact(out)
}
