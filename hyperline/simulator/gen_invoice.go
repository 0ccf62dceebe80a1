package simulator

import (
	"strconv"
	"time"
)

// invoiceStatuses are the documented statuses; customer i < 14 of every
// company has an invoice in status i, so each shows up everywhere.
// numInvoiceStatuses is the number of documented invoice statuses.
const numInvoiceStatuses = 14

func invoiceStatuses() [numInvoiceStatuses]string {
	return [...]string{"draft", "open", "to_pay", "grace_period", "partially_paid", "paid", "late",
		"voided", "closed", "error", "missing_info", "archived", "charged_on_parent", "pending_parent_concat"}
}

func invoiceStatusWeights() [numInvoiceStatuses]int {
	return [...]int{4, 3, 12, 3, 4, 50, 6, 3, 3, 2, 2, 2, 1, 1}
}

func invoiceTypes() [5]string {
	return [...]string{"invoice", "credit_note", "document", "child_invoice_ref", "child_creditnote_ref"}
}

func invoiceTypeWeights() [5]int { return [...]int{86, 8, 3, 2, 1} }

// invCount is how many invoices (0 to 8) customer i has.
func (d *dataset) invCount(c *company, i int) int {
	n := int(hashOf(d.seed, tagInvCount, uint64(c.index), uint64(i)) % 9)
	if i < numInvoiceStatuses {
		n = max(n, 1)
	}
	return n
}

// invoiceMeta is the cheap part of an invoice, enough to filter on.
type invoiceMeta struct {
	index   int
	slot    int
	status  string
	kind    string
	subSlot int // -1: not tied to a subscription
}

func (d *dataset) invMeta(c *company, i, slot int) invoiceMeta {
	r := newRNG(d.seed, tagInvStatus, uint64(c.index), uint64(i), uint64(slot))
	statuses, weights := invoiceStatuses(), invoiceStatusWeights()
	kinds, kindWeights := invoiceTypes(), invoiceTypeWeights()
	m := invoiceMeta{
		index:   i,
		slot:    slot,
		status:  statuses[r.weighted(weights[:])],
		kind:    kinds[r.weighted(kindWeights[:])],
		subSlot: -1,
	}
	if slot == 0 && i < len(statuses) {
		m.status, m.kind = statuses[i], "invoice"
	}
	if n := d.subCount(c, i); n > 0 && r.chance(0.75) {
		m.subSlot = r.intn(n)
	}
	return m
}

// number is the invoice number: INV-, CN- (credit notes) or DOC- and a
// sequence unique in the company.
func (m invoiceMeta) number() string {
	prefix := "INV-"
	switch m.kind {
	case "credit_note", "child_creditnote_ref":
		prefix = "CN-"
	case "document":
		prefix = "DOC-"
	}
	return prefix + strconv.Itoa(m.index*8+m.slot+1)
}

func (d *dataset) invoiceID(c *company, i, slot int) string {
	return d.ids.encode("inv_", idRef{kind: kindInvoice, company: c.index, index: i, slot: slot})
}

// invoiceByID decodes an invoice ID of company c.
func (d *dataset) invoiceByID(c *company, id string) (i, slot int, ok bool) {
	ref, ok := d.ids.decode("inv_", id)
	if !ok || ref.kind != kindInvoice || ref.company != c.index || ref.index >= c.customers || ref.slot >= d.invCount(c, ref.index) {
		return 0, 0, false
	}
	return ref.index, ref.slot, true
}

// invoiceDates places an invoice in time according to its status, relative
// to the epoch: unsettled ones are recent and fall due after it, those in
// their grace period or late fell due before it, settled ones lie anywhere
// in the customer's life. delay is the customer's payment term. Every
// invoice is emitted after its customer was created and before the epoch,
// and never falls due before it was emitted.
func (d *dataset) invoiceDates(r *rng, status string, slot int, customerCreated time.Time, delay time.Duration) (emitted, due time.Time) {
	epoch := d.epoch
	day := 24 * time.Hour
	earliest, latest := customerCreated.Add(time.Hour), epoch.Add(-time.Hour)
	clamp := func(t time.Time) time.Time {
		return earlierOf(laterOf(t, earliest), latest).Truncate(time.Millisecond)
	}
	// Every status draws the same two values, so a different epoch
	// moves dates without reshuffling the fields drawn after them.
	roll, ms := r.next(), time.Duration(r.intn(86_400_000))*time.Millisecond
	within := func(lo, hi int) time.Duration { return time.Duration(lo+int(roll%uint64(hi-lo+1))) * day }
	switch status {
	case "draft", "open", "missing_info", "pending_parent_concat":
		emitted = clamp(epoch.Add(-within(0, 10) - ms))
		return emitted, emitted.Add(delay)
	case "to_pay", "partially_paid":
		// Emitted less than a payment term ago: due after the epoch.
		back := delay * time.Duration(1+roll%25) / 30
		emitted = clamp(epoch.Add(-back - ms))
		return emitted, emitted.Add(delay)
	case "grace_period":
		due = epoch.Add(-within(1, 6) - ms)
	case "late", "error":
		// Past due and past the seven-day grace period.
		due = epoch.Add(-within(8, 120) - ms)
	default:
		emitted = clamp(customerCreated.Add(time.Duration(slot+1)*within(10, 60) - ms))
		return emitted, emitted.Add(delay)
	}
	// Past due: the invoice must still come after its customer.
	due = laterOf(due, customerCreated.Add(day)).Truncate(time.Millisecond)
	return clamp(due.Add(-delay)), due
}

// laterOf returns the later of two times.
func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// earlierOf returns the earlier of two times.
func earlierOf(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
