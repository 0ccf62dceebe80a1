package simulator

import (
	"net/url"
	"slices"
	"time"
)

// invoiceQuery is a parsed invoice filter, shared by GET /v2/invoices and
// the deprecated GET /v1/invoices (whose date filters are named
// emission_date and due_date where v2 has issued_at and due_at).
type invoiceQuery struct {
	status           enumFilter
	kind             enumFilter
	customers        []int // narrowed by customer_id equality; nil: every customer
	customerID       []strFilter
	customerExternal *string
	subscription     []strFilter
	number           []strFilter
	originalID       []strFilter
	originalNumber   []strFilter
	invoicingEntity  []strFilter
	periodStart      []dateFilter
	periodEnd        []dateFilter
	issued           []dateFilter
	due              []dateFilter
	updated          []dateFilter
}

// invoiceFilterStatuses is the status filter's enum, which differs from
// the statuses invoices show.
func invoiceFilterStatuses() []string {
	return []string{"all", "open", "grace_period", "to_pay", "to_reconcile", "error", "paid", "finalized", "partially_paid",
		"outstanding", "refunded", "late", "draft", "pending_approval", "changes_requested", "voided", "closed",
		"uncollectible", "pending_consolidation", "consolidated"}
}

// expandInvoiceStatus maps a status filter value to what it selects: a
// status, or a category matched by invoiceStatusMatches. Not documented:
// whether "all" includes open invoices (hidden by default); it includes
// every invoice.
func expandInvoiceStatus(v string) ([]string, bool) {
	if v == "all" {
		all := invoiceStatuses()
		return all[:], true
	}
	if slices.Contains(invoiceFilterStatuses(), v) {
		return []string{v}, true
	}
	return nil, false
}

// expandInvoiceType maps a type filter value to the type invoices show:
// the filter says "refund" for what an invoice calls "credit_note".
func expandInvoiceType(v string) ([]string, bool) {
	switch v {
	case "refund":
		return []string{"credit_note"}, true
	case "invoice", "document", "child_invoice_ref", "child_creditnote_ref":
		return []string{v}, true
	}
	return nil, false
}

// parseInvoiceQuery reads the invoice filters; v1 selects the deprecated
// list's date filter names. Filters the simulator does not apply
// (line_item_id) are ignored like unknown parameters.
func (d *dataset) parseInvoiceQuery(q url.Values, co *company, v1 bool) (invoiceQuery, string) {
	iq := invoiceQuery{
		customerID:      parseStringFilters(q, "customer_id"),
		subscription:    parseStringFilters(q, "subscription_id"),
		number:          parseStringFilters(q, "invoice_number"),
		originalID:      parseStringFilters(q, "original_invoice_id"),
		originalNumber:  parseStringFilters(q, "original_invoice_number"),
		invoicingEntity: parseStringFilters(q, "invoicing_entity_id"),
	}
	if q.Has("customer_external_id") {
		iq.customerExternal = ptr(q.Get("customer_external_id"))
	}
	// customer_id equality names customers by ID: decode them rather than
	// scan the company.
	var ids []string
	rest := iq.customerID[:0]
	for _, f := range iq.customerID {
		if f.op == "" || f.op == "equals" {
			ids = append(ids, f.values[0])
		} else {
			rest = append(rest, f)
		}
	}
	iq.customerID = rest
	if ids != nil {
		iq.customers = d.customerIndexesOf(co, ids)
		if len(iq.customers) > 0 && slices.ContainsFunc(ids, func(id string) bool { return id != ids[0] }) {
			iq.customers = []int{} // two different customers: none is both
		}
	}
	var msg string
	if iq.status, msg = parseEnumFilter(q, "status", expandInvoiceStatus); msg != "" {
		return iq, msg
	}
	if iq.kind, msg = parseEnumFilter(q, "type", expandInvoiceType); msg != "" {
		return iq, msg
	}
	issuedName, dueName := "issued_at", "due_at"
	if v1 {
		issuedName, dueName = "emission_date", "due_date"
	}
	for _, df := range []struct {
		name string
		out  *[]dateFilter
	}{
		{"period_start", &iq.periodStart}, {"period_end", &iq.periodEnd},
		{issuedName, &iq.issued}, {dueName, &iq.due}, {"updated_at", &iq.updated},
	} {
		if *df.out, msg = parseDateFilters(q, df.name); msg != "" {
			return iq, msg
		}
	}
	return iq, ""
}

// invoiceStatusMatches applies the status filter; with none, every
// invoice but the open ones matches, as the spec says.
func (d *dataset) invoiceStatusMatches(st enumFilter, f invoiceFacts, pay customerPayment) bool {
	if !st.set {
		return f.status != "open"
	}
	for category := range st.include {
		if invoiceInCategory(category, f, pay, d.epoch) {
			return true
		}
	}
	return false
}

// invoiceInCategory reports whether an invoice falls under a status filter
// value. Not documented: what the values that are no invoice status
// select; here finalized is every issued invoice that is not void,
// outstanding what still awaits money (to_pay, grace_period,
// partially_paid, error), to_reconcile the outstanding ones paid by bank
// transfer, refunded those a credit note refunded, and late the
// outstanding ones past their due date.
func invoiceInCategory(category string, f invoiceFacts, pay customerPayment, epoch time.Time) bool {
	var flags uint8
	if f.late(epoch) {
		flags |= invLate
	}
	if !f.refunded.IsZero() {
		flags |= invRefunded
	}
	if m := txMethod(pay); m == "transfer" || m == "transfer_automated" {
		flags |= invTransfer
	}
	return statusInCategory(category, f.status, flags)
}

// statusInCategory is invoiceInCategory on an invoice's status and flags
// (invLate, invRefunded, invTransfer), which the index keeps.
func statusInCategory(category, status string, flags uint8) bool {
	outstanding := status == "to_pay" || status == "grace_period" || status == "partially_paid" || status == "error"
	switch category {
	case "finalized":
		return !slices.Contains([]string{"draft", "pending_approval", "changes_requested", "missing_info", "open",
			"pending_parent_concat", "pending_consolidation", "voided"}, status)
	case "outstanding":
		return outstanding
	case "to_reconcile":
		return outstanding && status != "error" && flags&invTransfer != 0
	case "refunded":
		return flags&invRefunded != 0
	case "late":
		return flags&invLate != 0
	}
	return status == category
}

// perCustomer applies the filters that look at the customer only.
func (s *Server) invoiceCustomerMatches(iq invoiceQuery, co *company, cc customerCore) bool {
	if len(iq.customerID) > 0 {
		id := s.data.customerID(co, cc.index)
		if !matchAll(iq.customerID, &id) {
			return false
		}
	}
	if iq.customerExternal != nil {
		ext := s.data.head(co, cc.index, cc).externalID(cc.index)
		if ext == nil || *ext != *iq.customerExternal {
			return false
		}
	}
	return matchAll(iq.invoicingEntity, &co.catalog.entityID)
}

// invoiceMatches applies the per-invoice filters to f.
func (s *Server) invoiceMatches(iq invoiceQuery, co *company, f invoiceFacts, pay customerPayment) bool {
	if !s.data.invoiceStatusMatches(iq.status, f, pay) || !iq.kind.match(f.kind) ||
		!matchDates(iq.issued, f.issued) || !matchDates(iq.due, f.due) || !matchDates(iq.updated, f.updated) {
		return false
	}
	if len(iq.number) > 0 {
		if num := f.number(); !matchAll(iq.number, &num) {
			return false
		}
	}
	if len(iq.subscription) > 0 {
		var sub *string
		if f.subSlot >= 0 {
			sub = ptr(s.data.subscriptionID(co, f.index, f.subSlot))
		}
		if !matchAll(iq.subscription, sub) {
			return false
		}
	}
	if len(iq.originalID)+len(iq.originalNumber) > 0 {
		var id, num *string
		if f.creditOf >= 0 {
			id = ptr(s.data.invoiceID(co, f.index, f.creditOf))
			num = ptr(invoiceNumber("invoice", f.index, f.creditOf))
		}
		if !matchAll(iq.originalID, id) || !matchAll(iq.originalNumber, num) {
			return false
		}
	}
	if len(iq.periodStart)+len(iq.periodEnd) > 0 {
		var from, to time.Time
		if f.subSlot >= 0 {
			from = f.issued.Truncate(24 * time.Hour)
			to = from.AddDate(0, 1, 0)
		}
		if !matchDates(iq.periodStart, from) || !matchDates(iq.periodEnd, to) {
			return false
		}
	}
	return true
}
