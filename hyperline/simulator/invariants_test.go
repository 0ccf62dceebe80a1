package simulator

import (
	"fmt"
	"testing"
)

// TestInvoiceInvariantsInEveryDemoCompany checks every invoice the demo
// shows (seed 1, default sizes, all three companies) against the rules
// its fields imply, so that no demo shows a "paid" invoice with its whole
// amount still due (DOC-95969 did: a paid document with no payment):
//
//   - what is owed: amount_due = total_amount − amount_paid, except for
//     the statuses whose amount is void or carried by another invoice
//     (voided, archived, consolidated, charged_on_parent), where it is 0;
//   - paid and closed (settled): amount_due 0, amount_paid the total;
//   - partially_paid: something paid, something still due;
//   - not yet billed (draft, pending_approval, changes_requested, open,
//     missing_info, pending_*) and voided: nothing paid;
//   - to_pay, grace_period, error, uncollectible: nothing paid, the
//     total due;
//   - amount_paid is what the invoice's settled payments and refunds
//     bring (chargebacks are reversed and do not count), never negative;
//   - settled_at is set exactly for paid, closed and charged_on_parent;
//     refunded_at only on a paid invoice a credit note refunds;
//   - a credit note is paid in full, by one settled refund of its total,
//     and names an original invoice of the same customer and currency.
func TestInvoiceInvariantsInEveryDemoCompany(t *testing.T) {
	t.Parallel()
	srv := New(Config{Seed: 1})
	d := srv.data
	checked, failures := 0, 0
	for _, c := range d.companies {
		numbers := map[string]invoiceJSON{}
		for i := range c.customers {
			cr := d.customer(c, i)
			for slot := range d.invCount(c, i) {
				ir := d.invoice(c, i, slot, &cr, "http://sim")
				inv := ir.v2()
				numbers[inv.ID] = inv
				for _, problem := range invoiceProblems(inv) {
					if failures++; failures <= 30 {
						t.Errorf("%s %s (%s, %s): %s", c.name, inv.Number, inv.Type, inv.Status, problem)
					}
				}
				checked++
			}
		}
		for _, inv := range numbers {
			if inv.Type != "credit_note" {
				continue
			}
			orig, ok := numbers[deref(inv.OriginalInvoiceID)]
			switch {
			case !ok:
				t.Errorf("%s %s: credit note of an unknown invoice %q", c.name, inv.Number, deref(inv.OriginalInvoiceID))
			case orig.Customer.ID != inv.Customer.ID || orig.Currency != inv.Currency || orig.TotalAmount != inv.TotalAmount:
				t.Errorf("%s %s: credits %s of another customer, currency or amount", c.name, inv.Number, orig.Number)
			case orig.Status != "paid" || orig.RefundedAt == nil:
				t.Errorf("%s %s: credits %s, which is %s (refunded_at %v)", c.name, inv.Number, orig.Number, orig.Status, orig.RefundedAt)
			}
		}
	}
	if failures > 30 {
		t.Errorf("… and %d more", failures-30)
	}
	t.Logf("%d invoices checked", checked)
}

// invoiceProblems lists the rules inv breaks.
func invoiceProblems(inv invoiceJSON) []string {
	var out []string
	fail := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	total, paid, due := inv.TotalAmount, inv.AmountPaid, inv.AmountDue
	switch inv.Status {
	case "voided", "archived", "consolidated", "charged_on_parent":
		if due != 0 {
			fail("amount_due %d, want 0", due)
		}
	default:
		if due != total-paid {
			fail("amount_due %d, want total %d − paid %d", due, total, paid)
		}
	}
	switch inv.Status {
	case "paid", "closed":
		if due != 0 || paid != total {
			fail("settled with paid %d and due %d of %d", paid, due, total)
		}
	case "partially_paid":
		if paid <= 0 || due <= 0 {
			fail("partly paid with paid %d and due %d of %d", paid, due, total)
		}
	case "draft", "pending_approval", "changes_requested", "open", "missing_info",
		"pending_parent_concat", "pending_consolidation", "voided",
		"to_pay", "grace_period", "error", "uncollectible":
		if paid != 0 {
			fail("paid %d before it was settled", paid)
		}
	}
	if paid < 0 || due < 0 {
		fail("negative amounts: paid %d, due %d", paid, due)
	}
	var settledSum int64
	refunds := 0
	for _, tx := range inv.Transactions {
		if tx.Status == "settled" && tx.Type != "chargeback" {
			settledSum += tx.Amount
		}
		if tx.Type == "refund" && tx.Status == "settled" {
			refunds++
		}
	}
	if settledSum != paid {
		fail("transactions settle %d, amount_paid %d", settledSum, paid)
	}
	settles := inv.Status == "paid" || inv.Status == "closed" || inv.Status == "charged_on_parent"
	if (inv.SettledAt != nil) != settles {
		fail("settled_at %v", deref(inv.SettledAt))
	}
	if inv.RefundedAt != nil && inv.Status != "paid" {
		fail("refunded_at %s on an invoice not paid", *inv.RefundedAt)
	}
	if inv.Type == "credit_note" && (inv.Status != "paid" || refunds != 1 || inv.OriginalInvoiceID == nil) {
		fail("credit note with %d settled refunds, original %v", refunds, deref(inv.OriginalInvoiceID))
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
