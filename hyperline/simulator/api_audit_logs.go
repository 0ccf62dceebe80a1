package simulator

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"time"
)

// cursorAuditLogs names the audit log list in its cursors.
const cursorAuditLogs cursorList = 'a'

// auditLogJSON is an AuditLog: email_status is written for email.created
// entries only, as the spec's two variants say.
type auditLogJSON struct {
	Type           string  `json:"type"`
	EmailStatus    *string `json:"email_status"`
	HappenedAt     string  `json:"happened_at"`
	CustomerID     *string `json:"customer_id"`
	SubscriptionID *string `json:"subscription_id"`
	InvoiceID      *string `json:"invoice_id"`
	QuoteID        *string `json:"quote_id"`
}

// MarshalJSON writes the keys of the entry's variant only.
func (a auditLogJSON) MarshalJSON() ([]byte, error) {
	var o jsonObject
	o.add("type", a.Type)
	if a.Type == "email.created" {
		o.add("email_status", a.EmailStatus)
	}
	o.add("happened_at", a.HappenedAt)
	o.add("customer_id", a.CustomerID)
	o.add("subscription_id", a.SubscriptionID)
	o.add("invoice_id", a.InvoiceID)
	o.add("quote_id", a.QuoteID)
	return o.bytes()
}

// auditKey orders entries newest first: the time, then the customer
// (higher index first), then the entry's place among the customer's
// entries of the same millisecond.
func auditKey(e auditEvent, ord int) seqKey {
	return seqKey{at: e.at.UnixMilli(), index: e.customer, slot: ord}
}

// cmpAudit orders two keys as the list does (newest first).
func cmpAudit(a, b seqKey) int {
	if c := cmp.Compare(b.at, a.at); c != 0 {
		return c
	}
	if c := cmp.Compare(b.index, a.index); c != 0 {
		return c
	}
	return cmp.Compare(a.slot, b.slot)
}

// listAuditLogs answers GET /v1/audit-logs: a cursor list sorted by
// happened_at descending, filtered by customer_id, subscription_id,
// invoice_id or quote_id (all of those given). It takes no order or sort:
// those, like any parameter the spec does not declare, are ignored.
func (s *Server) listAuditLogs(w http.ResponseWriter, r *http.Request, c *apiCall) {
	q := r.URL.Query()
	pq := url.Values{}
	for k, v := range q {
		switch k {
		case "limit", "cursor", "include_total", "customer_id", "subscription_id", "invoice_id", "quote_id":
			pq[k] = v
		}
	}
	co := c.company
	p, msg := s.data.parseCursorPage(pq, cursorAuditLogs, co, []string{"happened_at"})
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	only, match := s.auditFilter(co, pq)
	type entry struct {
		key seqKey
		ev  auditEvent
	}
	var all []entry
	eachCustomer(co, only, func(i int) {
		ord, last := 0, time.Time{}
		for _, ev := range s.data.customerEvents(co, i) {
			if ev.at.Equal(last) {
				ord++
			} else {
				ord, last = 0, ev.at
			}
			if match(ev) {
				all = append(all, entry{auditKey(ev, ord), ev})
			}
		}
	})
	slices.SortFunc(all, func(a, b entry) int { return cmpAudit(a.key, b.key) })
	from := 0
	if p.after != nil {
		from, _ = slices.BinarySearchFunc(all, *p.after, func(e entry, k seqKey) int { return cmpAudit(e.key, k) })
		if from < len(all) && all[from].key == *p.after {
			from++
		}
	}
	res := cursorResult{page: p, total: len(all)}
	for _, e := range all[from:min(from+p.limit+1, len(all))] {
		res.keys = append(res.keys, e.key)
	}
	keys, next := res.finish(s.data, cursorAuditLogs, co, pq)
	env := cursorEnvelope[auditLogJSON]{Data: make([]auditLogJSON, 0, len(keys)), NextCursor: next, HasMore: next != nil}
	for k := range keys {
		ev := all[from+k].ev
		env.Data = append(env.Data, auditLogJSON{Type: ev.typ, EmailStatus: ev.emailStatus, HappenedAt: iso(ev.at),
			CustomerID: ptr(s.data.customerID(co, ev.customer)), SubscriptionID: ev.subscriptionID, InvoiceID: ev.invoiceID})
	}
	if p.includeTotal {
		env.Total = &res.total
	}
	writeJSON(w, http.StatusOK, env)
}

// auditFilter reads the audit log filters: the customers whose entries
// can match (nil for all) and the test an entry must pass. An ID that
// names nothing of the company matches nothing.
func (s *Server) auditFilter(co *company, q url.Values) (only []int, match func(auditEvent) bool) {
	none := func(auditEvent) bool { return false }
	var tests []func(auditEvent) bool
	narrow := func(i int) {
		if only == nil || slices.Contains(only, i) {
			only = []int{i}
		} else {
			only = []int{}
		}
	}
	if q.Has("quote_id") {
		return []int{}, none // the simulator has no quotes
	}
	if q.Has("customer_id") {
		i, ok := s.data.customerByID(co, q.Get("customer_id"))
		if !ok {
			return []int{}, none
		}
		narrow(i)
	}
	if q.Has("subscription_id") {
		id := q.Get("subscription_id")
		i, _, ok := s.data.subscriptionByID(co, id)
		if !ok {
			return []int{}, none
		}
		narrow(i)
		tests = append(tests, func(e auditEvent) bool { return e.subscriptionID != nil && *e.subscriptionID == id })
	}
	if q.Has("invoice_id") {
		id := q.Get("invoice_id")
		i, _, ok := s.data.invoiceByID(co, id)
		if !ok {
			return []int{}, none
		}
		narrow(i)
		tests = append(tests, func(e auditEvent) bool { return e.invoiceID != nil && *e.invoiceID == id })
	}
	return only, func(e auditEvent) bool {
		for _, t := range tests {
			if !t(e) {
				return false
			}
		}
		return true
	}
}
