package simulator

import (
	"slices"
	"time"
)

// auditEvent is one audit log entry before it is written: what happened,
// when, and the objects it is attached to. The entries are read off the
// objects' own history (creation, start, cancellation, issue, settlement,
// refund), so the timeline agrees with what the objects say.
type auditEvent struct {
	typ            string
	at             time.Time
	customer       int
	subscriptionID *string
	invoiceID      *string
	emailStatus    *string // email.created only
}

// customerEvents lists every audit log entry of customer i of company c,
// newest first (ties broken by the order they happened in).
func (d *dataset) customerEvents(c *company, i int) []auditEvent {
	cr := d.customer(c, i)
	cc := d.core(c, i)
	var out []auditEvent
	add := func(typ string, at time.Time, sub, inv *string) {
		if at.IsZero() || at.After(d.epoch) {
			return
		}
		out = append(out, auditEvent{typ: typ, at: at.Truncate(time.Millisecond), customer: i, subscriptionID: sub, invoiceID: inv})
	}
	add("customer.created", cc.createdAt, nil, nil)
	if cr.common.DeletedAt != nil {
		if t, err := time.Parse(isoMillis, *cr.common.DeletedAt); err == nil {
			add("customer.archived", t, nil, nil)
		}
	}
	for slot := range d.subCount(c, i) {
		rec := d.subscriptionRecord(c, i, slot)
		id := ptr(rec.json.ID)
		if t, err := time.Parse(isoMillis, rec.json.CreatedAt); err == nil {
			add("subscription.created", t, id, nil)
		}
		switch rec.json.Status {
		case "active", "paused", "errored", "cancelled", "archived":
			add("subscription.activated", rec.start, id, nil)
		}
		switch rec.json.Status {
		case "cancelled", "archived":
			add("subscription.cancelled", rec.ended, id, nil)
		case "voided":
			add("subscription.voided", rec.ended, id, nil)
		case "paused":
			if rec.json.PausedAt != nil {
				if t, err := time.Parse(isoMillis, *rec.json.PausedAt); err == nil {
					add("subscription.paused", t, id, nil)
				}
			}
		}
	}
	for slot := range d.invCount(c, i) {
		f := d.invFacts(c, cc, cr.pay, slot)
		id := ptr(d.invoiceID(c, i, slot))
		add("invoice.created", f.issued, nil, id)
		if f.status == "draft" {
			continue
		}
		add("invoice.ready", f.issued, nil, id)
		if !f.issued.IsZero() && !f.issued.After(d.epoch) {
			// Not documented: when the invoice email is logged; a minute
			// after the invoice is ready, as delivered.
			out = append(out, auditEvent{typ: "email.created", at: f.issued.Add(time.Minute).Truncate(time.Millisecond),
				customer: i, invoiceID: id, emailStatus: ptr("delivered")})
		}
		switch {
		case settles(f.status):
			add("invoice.settled", f.settled, nil, id)
		case f.status == "voided":
			add("invoice.voided", f.updated, nil, id)
		case f.status == "error" || f.status == "uncollectible":
			add("invoice.errored", f.due, nil, id)
		case f.status == "grace_period":
			add("invoice.grace_period.started", f.due, nil, id)
		}
		if f.late(d.epoch) {
			add("invoice.reminder_sent", f.due.Add(3*24*time.Hour), nil, id)
		}
		add("invoice.refunded", f.refunded, nil, id)
	}
	slices.SortStableFunc(out, func(a, b auditEvent) int { return b.at.Compare(a.at) })
	return out
}
