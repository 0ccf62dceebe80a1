package simulator

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// invoiceSorts are the invoice lists' sort values, the default first.
// Not documented: the default sort, and the order of "created_at", since
// invoices show no creation date; creation order is taken as customer
// creation, then the customer's invoice slot, which keeps a page's cost
// to what it skips over. "emitted_at" orders by issued_at (emitted_at in
// v1).
func invoiceSorts() []string { return []string{"created_at", "emitted_at"} }

// invoiceWalk visits a company's invoices that match a query, with their
// facts, in a list's order.
type invoiceWalk struct {
	s  *Server
	co *company
	iq invoiceQuery
	// ix and table answer an indexable query from the company's index
	// (nil: every invoice's facts are generated).
	ix    *companyIndex
	table *invoiceTable
}

// newInvoiceWalk prepares a walk, on the index when it answers iq.
func (s *Server) newInvoiceWalk(co *company, iq invoiceQuery) invoiceWalk {
	w := invoiceWalk{s: s, co: co, iq: iq}
	if iq.indexable() && matchAll(iq.invoicingEntity, &co.catalog.entityID) {
		w.ix, w.table = s.invoiceIndex(co), iq.compile()
	}
	return w
}

// customer visits the matching invoices of customer i, slots in order
// (reversed when desc); visit returns false to stop. It reports whether
// the walk should go on.
func (w invoiceWalk) customer(i int, desc bool, visit func(f invoiceFacts, pay customerPayment) bool) bool {
	if w.ix != nil {
		return w.indexedCustomer(i, desc, visit)
	}
	n := w.s.data.invCount(w.co, i)
	if n == 0 {
		return true
	}
	cc := w.s.data.core(w.co, i)
	if !w.s.invoiceCustomerMatches(w.iq, w.co, cc) {
		return true
	}
	pay := w.s.data.payment(w.co, i, cc.loc)
	for k := range n {
		slot := k
		if desc {
			slot = n - 1 - k
		}
		f := w.s.data.invFacts(w.co, cc, pay, slot)
		if w.s.invoiceMatches(w.iq, w.co, f, pay) && !visit(f, pay) {
			return false
		}
	}
	return true
}

// indexedCustomer is customer on the index: the facts visit gets carry
// the index, slot, status, type and dates.
func (w invoiceWalk) indexedCustomer(i int, desc bool, visit func(f invoiceFacts, pay customerPayment) bool) bool {
	lo, hi := int(w.ix.invStart[i]), int(w.ix.invStart[i+1])
	for k := range hi - lo {
		r := lo + k
		if desc {
			r = hi - 1 - k
		}
		if !w.table.matches(w.ix, r) {
			continue
		}
		f := invoiceFacts{index: i, slot: r - lo, status: invoiceStatuses()[w.ix.invStatus[r]],
			kind: invoiceTypes()[w.ix.invKind[r]], issued: timeOf(w.ix.invIssued[r]),
			due: timeOf(w.ix.invDue[r]), subSlot: -1, creditOf: -1, creditedBy: -1}
		if !visit(f, customerPayment{}) {
			return false
		}
	}
	return true
}

// inOrder walks customers in creation order, from index start (or the
// end, desc), until visit returns false.
func (w invoiceWalk) inOrder(desc bool, from int, visit func(f invoiceFacts, pay customerPayment) bool) {
	if w.iq.customers != nil {
		only := slices.Clone(w.iq.customers)
		if desc {
			slices.Reverse(only)
		}
		for _, i := range only {
			if desc && i > from || !desc && i < from {
				continue
			}
			if !w.customer(i, desc, visit) {
				return
			}
		}
		return
	}
	step := 1
	if desc {
		step = -1
	}
	for i := from; i >= 0 && i < w.co.customers; i += step {
		if !w.customer(i, desc, visit) {
			return
		}
	}
}

// count counts every matching invoice.
func (w invoiceWalk) count() int {
	if n, ok := w.fastCount(); ok {
		return n
	}
	n := 0
	if w.ix != nil && w.iq.customers == nil { // one pass over the index's rows
		for r := range len(w.ix.invStatus) {
			if w.table.matches(w.ix, r) {
				n++
			}
		}
		return n
	}
	w.inOrder(false, 0, func(invoiceFacts, customerPayment) bool { n++; return true })
	return n
}

// keyOf is an invoice's key in a list sorted by sort.
func keyOf(sort string, f invoiceFacts) seqKey {
	k := seqKey{index: f.index, slot: f.slot}
	if sort == "emitted_at" {
		k.at = f.issued.UnixMilli()
	}
	return k
}

// collect gathers the first k keys after p.after in p's order and counts
// every match.
func (w invoiceWalk) collect(p cursorPage, k int, wantTotal bool) (keys []seqKey, total int) {
	if p.sort == "emitted_at" {
		top := topKeys{page: p, k: k}
		w.inOrder(false, 0, func(f invoiceFacts, _ customerPayment) bool {
			total++
			if key := keyOf(p.sort, f); p.wanted(key) {
				top.offer(key)
			}
			return true
		})
		return top.sorted(), total
	}
	from := 0
	if p.desc {
		from = w.co.customers - 1
	}
	if p.after != nil {
		from = p.after.index
	}
	w.inOrder(p.desc, from, func(f invoiceFacts, _ customerPayment) bool {
		if key := keyOf(p.sort, f); p.wanted(key) {
			keys = append(keys, key)
		}
		return len(keys) < k
	})
	if wantTotal {
		total = w.count()
	}
	return keys, total
}

// listInvoicesV2 answers GET /v2/invoices: a cursor list, newest first by
// default, open invoices hidden unless a status filter asks for them.
func (s *Server) listInvoicesV2(w http.ResponseWriter, r *http.Request, c *apiCall) {
	q := r.URL.Query()
	co := c.company
	p, msg := s.data.parseCursorPage(q, cursorInvoices, co, invoiceSorts())
	var iq invoiceQuery
	if msg == "" {
		iq, msg = s.data.parseInvoiceQuery(q, co, false)
	}
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	res := cursorResult{page: p}
	res.keys, res.total = s.newInvoiceWalk(co, iq).collect(p, p.limit+1, p.includeTotal)
	keys, next := res.finish(s.data, cursorInvoices, co, q)
	env := cursorEnvelope[invoiceJSON]{Data: make([]invoiceJSON, 0, len(keys)), NextCursor: next, HasMore: next != nil}
	build := s.invoiceBuilder(co, baseURL(r))
	for _, k := range keys {
		ir := build(k.index, k.slot)
		env.Data = append(env.Data, ir.v2())
	}
	if p.includeTotal {
		env.Total = &res.total
	}
	writeJSON(w, http.StatusOK, env)
}

// listInvoicesV1 answers the deprecated GET /v1/invoices: take/skip, with
// the same order, sort and filters as v2. Not documented: whether v1 also
// hides open invoices by default (the spec says so of v2); it does.
func (s *Server) listInvoicesV1(w http.ResponseWriter, r *http.Request, c *apiCall) {
	q := r.URL.Query()
	co := c.company
	pg, msg := parsePage(q)
	var p cursorPage
	if msg == "" {
		p, msg = parseOrderSort(q, invoiceSorts())
	}
	var iq invoiceQuery
	if msg == "" {
		iq, msg = s.data.parseInvoiceQuery(q, co, true)
	}
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	walk := s.newInvoiceWalk(co, iq)
	keys, total := walk.collect(p, pg.skip+pg.take, false)
	if p.sort != "emitted_at" {
		total = walk.count()
	}
	out := newPager[invoiceV1JSON](pg)
	out.total = total
	build := s.invoiceBuilder(co, baseURL(r))
	for _, k := range keys[min(pg.skip, len(keys)):] {
		ir := build(k.index, k.slot)
		out.items = append(out.items, ir.v1())
	}
	out.write(w)
}

// parseOrderSort reads order and sort for an offset list.
func parseOrderSort(q url.Values, sorts []string) (cursorPage, string) {
	p := cursorPage{sort: sorts[0], desc: true}
	if v, ok := q["order"]; ok {
		switch v[0] {
		case "asc":
			p.desc = false
		case "desc":
		default:
			return p, "order must be one of: asc, desc"
		}
	}
	if v, ok := q["sort"]; ok {
		if !slices.Contains(sorts, v[0]) {
			return p, "sort must be one of: " + strings.Join(sorts, ", ")
		}
		p.sort = v[0]
	}
	return p, ""
}

// invoiceBuilder builds invoices of co, building each customer once for
// the invoices of one customer that are adjacent on a page.
func (s *Server) invoiceBuilder(co *company, base string) func(i, slot int) invoiceRecord {
	var (
		cached   customerRecord
		cachedAt = -1
	)
	return func(i, slot int) invoiceRecord {
		if cachedAt != i {
			cached, cachedAt = s.data.customer(co, i), i
		}
		return s.data.invoice(co, i, slot, &cached, base)
	}
}

// getInvoiceV2 answers GET /v2/invoices/{id}.
func (s *Server) getInvoiceV2(w http.ResponseWriter, r *http.Request, c *apiCall) {
	i, slot, ok := s.data.invoiceByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Invoice not found")
		return
	}
	ir := s.invoiceBuilder(c.company, baseURL(r))(i, slot)
	writeJSON(w, http.StatusOK, invoiceDetailsJSON{invoiceJSON: ir.v2(), Integrations: ir.integrations})
}

// getInvoiceV1 answers the deprecated GET /v1/invoices/{id}.
func (s *Server) getInvoiceV1(w http.ResponseWriter, r *http.Request, c *apiCall) {
	i, slot, ok := s.data.invoiceByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Invoice not found")
		return
	}
	ir := s.invoiceBuilder(c.company, baseURL(r))(i, slot)
	writeJSON(w, http.StatusOK, invoiceDetailsV1JSON{invoiceV1JSON: ir.v1(), Integrations: ir.integrations})
}

// downloadInvoice answers GET /v2/invoices/{id}/download with a small PDF
// made on the fly (the spec's 200; it never redirects, which the spec's
// 302 also allows).
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
	ir := s.invoiceBuilder(co, baseURL(r))(i, slot)
	pdf := invoicePDF(&ir)
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="`+ir.common.Number+`.pdf"`)
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
