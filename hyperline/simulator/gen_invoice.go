package simulator

import (
	"strconv"
	"time"
)

// numInvoiceStatuses is the number of statuses the spec's Invoice shows.
const numInvoiceStatuses = 18

// invoiceStatuses are the spec's response statuses; customer i < 18 of
// every company has an invoice in status i, so each shows up everywhere.
func invoiceStatuses() [numInvoiceStatuses]string {
	return [...]string{"paid", "draft", "pending_approval", "changes_requested", "open", "to_pay", "grace_period",
		"partially_paid", "voided", "closed", "error", "missing_info", "archived", "charged_on_parent",
		"pending_parent_concat", "pending_consolidation", "consolidated", "uncollectible"}
}

func invoiceStatusWeights() [numInvoiceStatuses]int {
	return [...]int{52, 4, 2, 1, 3, 14, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 2}
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

// invoiceFacts is the cheap part of an invoice: enough to filter and sort
// on and to place it in time, without building it. Every draw here comes
// from generators of its own, so the lists can compute facts for every
// invoice of a company and the built invoice agrees with them.
type invoiceFacts struct {
	index, slot int
	status      string
	kind        string
	subSlot     int  // -1: not tied to a subscription
	creditOf    int  // a credit note's original invoice slot, else -1
	creditedBy  int  // the slot of the credit note refunding this one, else -1
	overdue     bool // a to_pay invoice past its due date
	failedFirst bool // a failed charge came before the settled one
	chargeback  bool // the payment met a chargeback, later reversed
	issued, due time.Time
	settled     time.Time // zero: not settled
	refunded    time.Time // zero: not refunded
	updated     time.Time // zero: never updated (null)
}

// rawInvKind is the type drawn for an invoice slot, before the rules that
// tie credit notes to an original.
func (d *dataset) rawInvKind(c *company, i, slot int) string {
	kinds, weights := invoiceTypes(), invoiceTypeWeights()
	return kinds[newRNG(d.seed, tagInvStatus, uint64(c.index), uint64(i), uint64(slot), 1).weighted(weights[:])]
}

// invKind is an invoice's type: a credit note credits the invoice just
// before it, which must be a plain invoice whose status may become paid
// (slot 0 of the first customers keeps the status it shows for coverage).
func (d *dataset) invKind(c *company, i, slot int) string {
	k := d.rawInvKind(c, i, slot)
	if slot == 0 && i < numInvoiceStatuses {
		return "invoice"
	}
	if k == "credit_note" {
		prev := slot - 1
		if prev < 0 || d.rawInvKind(c, i, prev) != "invoice" || prev == 0 && i < numInvoiceStatuses && invoiceStatuses()[i] != "paid" {
			return "invoice"
		}
	}
	return k
}

// invFacts computes the facts of invoice slot of customer i; cc is the
// customer's core and pay its payment set-up.
func (d *dataset) invFacts(c *company, cc customerCore, pay customerPayment, slot int) invoiceFacts {
	i := cc.index
	r := newRNG(d.seed, tagInvStatus, uint64(c.index), uint64(i), uint64(slot))
	statuses, weights := invoiceStatuses(), invoiceStatusWeights()
	f := invoiceFacts{
		index: i, slot: slot, status: statuses[r.weighted(weights[:])], kind: d.invKind(c, i, slot),
		subSlot: -1, creditOf: -1, creditedBy: -1,
	}
	if n := d.subCount(c, i); n > 0 && r.chance(0.75) {
		f.subSlot = r.intn(n)
	}
	f.overdue = r.chance(0.35)
	f.failedFirst = r.chance(0.15)
	f.chargeback = r.chance(0.03)
	settleAfter := time.Duration(r.between(0, 5))*24*time.Hour + time.Duration(r.intn(86_400_000))*time.Millisecond
	updateAfter := time.Duration(r.intn(3_600_000)) * time.Millisecond
	neverUpdated := r.chance(0.05)
	if (f.status == "error" || f.status == "uncollectible") && (!pay.automatic() || f.kind != "invoice") {
		// Those statuses follow failed automatic charges of an invoice; a
		// customer who pays by transfer is simply late instead.
		f.status, f.overdue = "to_pay", true
	}
	if slot == 0 && i < numInvoiceStatuses {
		f.status = statuses[i]
	}
	if slot+1 < d.invCount(c, i) && d.invKind(c, i, slot+1) == "credit_note" {
		f.creditedBy, f.status = slot+1, "paid"
	}
	if f.kind == "child_invoice_ref" || f.kind == "child_creditnote_ref" {
		// A child's amount is billed and collected on its parent: it is
		// never paid, even in part, on its own (it showed "paid" with
		// its whole amount due and no payment).
		if settles(f.status) || f.status == "partially_paid" {
			f.status = "charged_on_parent"
		}
	}
	delay := pay.paymentDelay()
	if f.kind == "credit_note" {
		// A credit note refunds its original in full some days after the
		// original was settled.
		orig := d.invFacts(c, cc, pay, slot-1)
		f.creditOf, f.status, f.subSlot = slot-1, "paid", orig.subSlot
		f.issued = orig.refunded
		f.due, f.settled = f.issued, f.issued
	} else {
		f.issued, f.due = d.invoiceDates(r, f, cc.createdAt, delay)
	}
	if settles(f.status) && f.kind != "credit_note" {
		f.settled = earlierOf(f.issued.Add(settleAfter), d.epoch.Add(-time.Minute)).Truncate(time.Millisecond)
		if f.creditedBy >= 0 {
			f.refunded = f.settled.Add(6*24*time.Hour + settleAfter).Truncate(time.Millisecond)
		}
	}
	if !neverUpdated {
		last := laterOf(f.issued, f.settled)
		f.updated = earlierOf(last.Add(updateAfter), d.epoch.Add(-time.Minute))
	}
	return f
}

// settles reports whether an invoice in status is settled (has settled_at).
func settles(status string) bool {
	return status == "paid" || status == "closed" || status == "charged_on_parent"
}

// late reports whether the invoice is past due with money still owed.
func (f invoiceFacts) late(epoch time.Time) bool {
	switch f.status {
	case "to_pay", "partially_paid", "grace_period", "error":
		return f.due.Before(epoch)
	}
	return false
}

// number is the invoice number: INV-, CN- (credit notes) or DOC- and a
// sequence unique in the company.
func (f invoiceFacts) number() string { return invoiceNumber(f.kind, f.index, f.slot) }

func invoiceNumber(kind string, i, slot int) string {
	prefix := "INV-"
	switch kind {
	case "credit_note", "child_creditnote_ref":
		prefix = "CN-"
	case "document":
		prefix = "DOC-"
	}
	return prefix + strconv.Itoa(i*8+slot+1)
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
// to the epoch: unsettled ones are recent and fall due after it, overdue
// ones fell due before it, settled ones lie anywhere in the customer's
// life (credited ones early enough for their credit note to follow). delay
// is the customer's payment term. Every invoice is issued after its
// customer was created and before the epoch, and never falls due before it
// was issued.
func (d *dataset) invoiceDates(r *rng, f invoiceFacts, customerCreated time.Time, delay time.Duration) (issued, due time.Time) {
	epoch := d.epoch
	day := 24 * time.Hour
	earliest, latest := customerCreated.Add(time.Hour), epoch.Add(-time.Hour)
	if f.creditedBy >= 0 {
		latest = epoch.Add(-19 * day)
	}
	clamp := func(t time.Time) time.Time {
		return earlierOf(laterOf(t, earliest), latest).Truncate(time.Millisecond)
	}
	// Every status draws the same two values, so a different epoch
	// moves dates without reshuffling the fields drawn after them.
	roll, ms := r.next(), time.Duration(r.intn(86_400_000))*time.Millisecond
	within := func(lo, hi int) time.Duration { return time.Duration(lo+int(roll%uint64(hi-lo+1))) * day }
	switch {
	case f.status == "draft" || f.status == "pending_approval" || f.status == "changes_requested" || f.status == "open" ||
		f.status == "missing_info" || f.status == "pending_parent_concat" || f.status == "pending_consolidation":
		issued = clamp(epoch.Add(-within(0, 10) - ms))
		return issued, issued.Add(delay)
	case f.status == "to_pay" && !f.overdue || f.status == "partially_paid":
		// Issued less than a payment term ago: due after the epoch.
		back := delay * time.Duration(1+roll%25) / 30
		issued = clamp(epoch.Add(-back - ms))
		return issued, issued.Add(delay)
	case f.status == "grace_period":
		due = epoch.Add(-within(1, 6) - ms)
	case f.status == "to_pay", f.status == "error":
		// Past due and past the seven-day grace period.
		due = epoch.Add(-within(8, 120) - ms)
	case f.status == "uncollectible":
		due = epoch.Add(-within(60, 300) - ms)
	default:
		issued = clamp(customerCreated.Add(time.Duration(f.slot+1)*within(10, 60) - ms))
		return issued, issued.Add(delay)
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
