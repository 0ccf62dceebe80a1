package simulator

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// invoiceQuery is a parsed GET /v1/invoices filter (§9.4).
type invoiceQuery struct {
	status       enumFilter
	kind         enumFilter
	customers    []int // nil: every customer
	subscription []strFilter
	number       []strFilter
	customerName []strFilter
}

// parseInvoiceQuery reads the v1 invoice filters. Their names are
// camelCase (customerId, subscriptionId, invoiceNumber, customerName).
// Faithful to the ruby client's observation, snake_case customer_id is
// not a v1 invoice filter and is ignored like any unknown parameter, so a
// client must use customerId (or check results itself).
func (s *Server) parseInvoiceQuery(q url.Values, co *company) (invoiceQuery, string) {
	var iq invoiceQuery
	var msg string
	statuses, kinds := invoiceStatuses(), invoiceTypes()
	if iq.status, msg = parseEnumFilter(q, "status", literalEnum(statuses[:])); msg != "" {
		return iq, msg
	}
	if iq.kind, msg = parseEnumFilter(q, "type", literalEnum(kinds[:])); msg != "" {
		return iq, msg
	}
	if q.Has("customerId") || q.Has("customerId__in") {
		ids := splitList(q.Get("customerId__in"))
		if q.Has("customerId") {
			ids = append(ids, q.Get("customerId"))
		}
		iq.customers = s.data.customerIndexesOf(co, ids)
	}
	iq.subscription = parseStringFilters(q, "subscriptionId")
	iq.number = parseStringFilters(q, "invoiceNumber")
	iq.customerName = parseStringFilters(q, "customerName")
	return iq, ""
}

// perInvoice reports whether some filter looks at single invoices rather
// than at whole customers.
func (iq invoiceQuery) perInvoice() bool {
	return iq.status.set || iq.kind.set || len(iq.subscription)+len(iq.number) > 0
}

// literalEnum expands a value to itself when it is one of values.
func literalEnum(values []string) func(string) ([]string, bool) {
	return func(v string) ([]string, bool) {
		if slices.Contains(values, v) {
			return []string{v}, true
		}
		return nil, false
	}
}

// listInvoices answers GET /v1/invoices. Not documented: the order; by
// customer creation, then by invoice slot (not by emission date).
func (s *Server) listInvoices(w http.ResponseWriter, r *http.Request, c *apiCall) {
	co := c.company
	p, iq, ok := parseList(w, r.URL.Query(), func(q url.Values) (invoiceQuery, string) { return s.parseInvoiceQuery(q, co) })
	if !ok {
		return
	}
	pg := newPager[invoiceJSON](p)
	// Invoices of one customer are adjacent, so the customer is built once.
	var (
		cached   customerRecord
		cachedAt = -1
	)
	customer := func(i int) *customerRecord {
		if cachedAt != i {
			cached, cachedAt = s.data.customer(co, i), i
		}
		return &cached
	}
	visit := func(i int) {
		n := s.data.invCount(co, i)
		if n == 0 {
			return
		}
		if len(iq.customerName) > 0 {
			if name := s.data.core(co, i).name; !matchAll(iq.customerName, &name) {
				return
			}
		}
		if !iq.perInvoice() {
			pg.offerN(n, func(slot int) invoiceJSON { return s.data.invoice(co, i, slot, customer(i)) })
			return
		}
		for slot := range n {
			m := s.data.invMeta(co, i, slot)
			if !iq.status.match(m.status) || !iq.kind.match(m.kind) {
				continue
			}
			if len(iq.number) > 0 {
				if num := m.number(); !matchAll(iq.number, &num) {
					continue
				}
			}
			if len(iq.subscription) > 0 {
				var sub *string
				if m.subSlot >= 0 {
					sub = ptr(s.data.subscriptionID(co, i, m.subSlot))
				}
				if !matchAll(iq.subscription, sub) {
					continue
				}
			}
			pg.offer(func() invoiceJSON { return s.data.invoice(co, i, slot, customer(i)) })
		}
	}
	eachCustomer(co, iq.customers, visit)
	pg.write(w)
}

// getInvoice answers GET /v1/invoices/{id}.
func (s *Server) getInvoice(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	i, slot, ok := s.data.invoiceByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Invoice not found")
		return
	}
	cr := s.data.customer(c.company, i)
	writeJSON(w, http.StatusOK, s.data.invoice(c.company, i, slot, &cr))
}

// downloadInvoice answers GET /v1/invoices/{id}/download with a small PDF
// made on the fly.
func (s *Server) downloadInvoice(w http.ResponseWriter, r *http.Request, c *apiCall) {
	i, slot, ok := s.data.invoiceByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Invoice not found")
		return
	}
	s.writeInvoicePDF(w, r, c.company, i, slot)
}

// writeInvoicePDF sends invoice slot of customer i as a PDF. lang must be
// one of the spec's languages and locale match its pattern, or the answer
// is 400. Not documented: the headers; application/pdf and an attachment
// filename named after the invoice number.
func (s *Server) writeInvoicePDF(w http.ResponseWriter, r *http.Request, co *company, i, slot int) {
	q := r.URL.Query()
	if lang := q.Get("lang"); q.Has("lang") && !slices.Contains(supportedLanguages(), lang) {
		writeError(w, http.StatusBadRequest, "Invalid lang value: "+lang)
		return
	}
	if locale := q.Get("locale"); q.Has("locale") && !validLocale(locale) {
		writeError(w, http.StatusBadRequest, "Invalid locale value: "+locale)
		return
	}
	cr := s.data.customer(co, i)
	inv := s.data.invoice(co, i, slot, &cr)
	pdf := invoicePDF(inv)
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="`+inv.Number+`.pdf"`)
	h.Set("Content-Length", strconv.Itoa(len(pdf)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(pdf)
}

// validLocale matches the spec's pattern ^(fr|en|de|it|nl|es|pt|pl)-[A-Z]{2}$.
func validLocale(v string) bool {
	lang, region, ok := strings.Cut(v, "-")
	return ok && slices.Contains(supportedLanguages(), lang) && len(region) == 2 &&
		region[0] >= 'A' && region[0] <= 'Z' && region[1] >= 'A' && region[1] <= 'Z'
}
