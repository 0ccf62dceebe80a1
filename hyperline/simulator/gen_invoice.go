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

// invoiceDates places an invoice in time according to its status: unpaid
// ones are recent, late ones are past due, settled ones anywhere.
func invoiceDates(r *rng, status string, slot int, customerCreated time.Time) (emitted, due time.Time) {
	now := referenceNow()
	day := 24 * time.Hour
	switch status {
	case "draft", "open", "missing_info", "pending_parent_concat":
		emitted = now.Add(-time.Duration(r.between(0, 10)) * day)
	case "to_pay", "grace_period":
		emitted = now.Add(-time.Duration(r.between(1, 25)) * day)
	case "late", "error":
		emitted = now.Add(-time.Duration(r.between(35, 150)) * day)
	default:
		emitted = customerCreated.Add(time.Duration((slot+1)*r.between(10, 60)) * day)
	}
	emitted = emitted.Add(-time.Duration(r.intn(86_400_000)) * time.Millisecond)
	if earliest := customerCreated.Add(time.Hour); emitted.Before(earliest) {
		emitted = earliest
	}
	if latest := now.Add(-time.Hour); emitted.After(latest) {
		emitted = latest
	}
	emitted = emitted.Truncate(time.Millisecond)
	return emitted, emitted.Add(30 * day)
}
