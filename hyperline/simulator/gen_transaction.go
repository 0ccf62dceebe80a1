package simulator

import (
	"time"
)

// txPlan is one transaction an invoice will carry, before amounts: enough
// to count and find transactions without building invoices.
type txPlan struct {
	typ    string // subscription, one_time, refund, chargeback
	status string // scheduled, to_process, pending, settled, failed
	at     time.Time
	share  int // percent of the invoice total
}

// maxTxPerInvoice bounds an invoice's transactions; transaction IDs pack
// the invoice slot and the transaction's place below it.
const maxTxPerInvoice = 16

// txErrorTypes are the transaction error types failed charges by a method
// show, with the message a provider would give: card failures for cards,
// mandate and balance failures for direct debits.
func txErrorTypes(method string) [][2]string {
	if isDirectDebitType(method) {
		return [][2]string{
			{"insufficient_funds", "The account has insufficient funds."},
			{"mandate_invalid", "The direct debit mandate is no longer valid."},
			{"declined", "The bank refused the debit."},
			{"processing_error", "An error occurred while processing the payment."},
		}
	}
	return [][2]string{
		{"insufficient_funds", "Your card has insufficient funds."},
		{"declined", "Your card was declined."},
		{"payment_method_expired", "Your card has expired."},
		{"authentication_required", "The payment requires authentication (3-D Secure)."},
		{"processing_error", "An error occurred while processing the payment."},
	}
}

// failureFor makes a drawn failure agree with the customer's saved method:
// a customer whose card expired sees its charges fail as
// payment_method_expired, an errored method fails with its own error
// type, and a card or mandate still active never fails as expired or as an
// invalid mandate.
func failureFor(drawn [2]string, method string, pay customerPayment) [2]string {
	byType := map[string][2]string{}
	for _, e := range txErrorTypes(method) {
		byType[e[0]] = e
	}
	switch pay.status {
	case "expired":
		return [2]string{"payment_method_expired", "Your card has expired."}
	case "errored":
		t := pay.errorType
		if t == "expired" {
			t = "payment_method_expired"
		}
		if e, ok := byType[t]; ok {
			return e
		}
		switch t {
		case "mandate_invalid":
			return [2]string{t, "The direct debit mandate is no longer valid."}
		case "payment_method_expired":
			return [2]string{t, "Your card has expired."}
		case "authentication_required":
			return [2]string{t, "The payment requires authentication (3-D Secure)."}
		}
		return drawn
	}
	if drawn[0] == "payment_method_expired" || drawn[0] == "mandate_invalid" {
		// A card still active did not expire, a mandate still active is valid.
		return byType["declined"]
	}
	return drawn
}

// planTransactions lists the transactions of an invoice with facts f, of
// a customer paying with pay. Charges by card or direct debit can fail
// before succeeding; transfers and external payments only show up once
// settled.
func (d *dataset) planTransactions(c *company, f invoiceFacts, pay customerPayment) []txPlan {
	r := newRNG(d.seed, tagTransaction, uint64(c.index), uint64(f.index), uint64(f.slot))
	auto := pay.automatic()
	payType := "one_time"
	if f.subSlot >= 0 {
		payType = "subscription"
	}
	day := 24 * time.Hour
	var out []txPlan
	switch {
	case f.kind == "credit_note":
		return []txPlan{{typ: "refund", status: "settled", at: f.issued.Add(time.Hour), share: 100}}
	case f.kind != "invoice" && f.kind != "document":
		// A document is paid like an invoice; a child is collected on
		// its parent.
		return nil
	}
	switch f.status {
	case "paid", "closed":
		if auto && f.failedFirst {
			at := laterOf(f.issued.Add(time.Hour), f.settled.Add(-3*day))
			out = append(out, txPlan{typ: payType, status: "failed", at: earlierOf(at, f.settled.Add(-time.Minute)), share: 100})
		}
		out = append(out, txPlan{typ: payType, status: "settled", at: f.settled, share: 100})
		if auto && pay.methodType == "card" && f.chargeback && f.creditedBy < 0 {
			if at := f.settled.Add(10 * day); at.Before(d.epoch.Add(-30 * day)) {
				out = append(out, txPlan{typ: "chargeback", status: "settled", at: at, share: 100})
			}
		}
	case "partially_paid":
		at := f.issued.Add(time.Duration(r.intn(int(max(d.epoch.Sub(f.issued)/2, time.Hour)/time.Millisecond))) * time.Millisecond)
		out = append(out, txPlan{typ: payType, status: "settled", at: at.Truncate(time.Millisecond), share: r.between(20, 80)})
	case "error", "uncollectible":
		if !auto {
			return nil
		}
		n, gap := r.between(1, 3), 2*day
		if f.status == "uncollectible" {
			n, gap = r.between(2, 4), 3*day
		}
		for k := range n {
			out = append(out, txPlan{typ: payType, status: "failed", at: f.due.Add(time.Duration(k) * gap), share: 100})
		}
	case "to_pay", "grace_period":
		switch {
		case !auto:
		case f.overdue || f.status == "grace_period":
			out = append(out, txPlan{typ: payType, status: "failed", at: f.due, share: 100})
		case r.chance(0.5):
			status := "scheduled"
			if f.due.Before(d.epoch) {
				status = pick(r, []string{"to_process", "pending"})
			}
			out = append(out, txPlan{typ: payType, status: status, at: f.due, share: 100})
		}
	}
	return out
}

// transactionID encodes transaction k of invoice slot of customer i.
func (d *dataset) transactionID(c *company, i, slot, k int) string {
	return d.ids.encode("tra_", idRef{kind: kindTransaction, company: c.index, index: i, slot: slot*maxTxPerInvoice + k})
}

// transactionByID decodes a transaction ID of company c into its customer,
// invoice slot and place.
func (d *dataset) transactionByID(c *company, id string) (i, slot, k int, ok bool) {
	ref, ok := d.ids.decode("tra_", id)
	if !ok || ref.kind != kindTransaction || ref.company != c.index || ref.index >= c.customers {
		return 0, 0, 0, false
	}
	slot, k = ref.slot/maxTxPerInvoice, ref.slot%maxTxPerInvoice
	if slot >= d.invCount(c, ref.index) {
		return 0, 0, 0, false
	}
	return ref.index, slot, k, true
}

// txMethod is the payment method type an invoice's transactions use: the
// customer's card or mandate when one is saved, else what it pays by.
func txMethod(pay customerPayment) string {
	switch {
	case pay.automatic(), pay.methodType == "external", pay.methodType == "transfer_automated":
		return pay.methodType
	}
	return "transfer"
}

// invoiceTransactions builds the transactions of an invoice; ir carries
// its facts and amounts (line items already added).
func (d *dataset) invoiceTransactions(c *company, cr *customerRecord, ir *invoiceRecord) []txRecord {
	f := ir.facts
	plans := d.planTransactions(c, f, cr.pay)
	if len(plans) == 0 {
		return nil
	}
	r := newRNG(d.seed, tagTransaction, uint64(c.index), uint64(f.index), uint64(f.slot), 1)
	inv := &ir.common
	method := txMethod(cr.pay)
	var pm *paymentMethodJSON
	if cr.pay.automatic() {
		pm = d.paymentMethod(c, f.index, cr.pay)
	}
	var original *string // the payment a refund or chargeback goes back to
	if f.creditOf >= 0 {
		of := d.invFacts(c, d.core(c, f.index), cr.pay, f.creditOf)
		for k, p := range d.planTransactions(c, of, cr.pay) {
			if p.status == "settled" {
				original = ptr(d.transactionID(c, f.index, f.creditOf, k))
			}
		}
	}
	out := make([]txRecord, 0, len(plans))
	for k, p := range plans {
		tx := txRecord{
			ID:                d.transactionID(c, f.index, f.slot, k),
			Type:              p.typ,
			Amount:            inv.TotalAmount * int64(p.share) / 100,
			Currency:          inv.Currency,
			CustomerID:        cr.common.ID,
			ProcessAt:         iso(p.at),
			LastRefreshedAt:   isoPtr(earlierOf(p.at.Add(time.Minute), d.epoch)),
			Integrations:      []integrationJSON{},
			PaymentMethodType: method,
			PaymentMethod:     pm,
			Status:            p.status,
		}
		switch method {
		case "transfer", "transfer_automated":
			tx.BankAccount = c.catalog.bank
		case "external":
		default:
			// Not documented: provider_id's form; a Stripe-style payment
			// intent ID for card and direct-debit charges.
			tx.ProviderID = ptr("pi_" + r.token(24))
			tx.ProviderFee = &providerFeeJSON{Amount: tx.Amount*14/1000 + convert(25, inv.Currency), Currency: inv.Currency}
			if len(cr.common.Integrations) > 0 {
				tx.Integrations = append(tx.Integrations, integrationJSON{
					EntityID: *tx.ProviderID, ProviderName: "stripe", ProviderAccountID: cr.common.Integrations[0].ProviderAccountID,
				})
			}
		}
		switch p.status {
		case "settled":
			tx.SettledAt = ptr(tx.ProcessAt)
			tx.Allocations = []allocationJSON{{InvoiceID: inv.ID, Amount: tx.Amount}}
		case "failed":
			e := failureFor(pick(r, txErrorTypes(method)), method, cr.pay)
			tx.ErrorType, tx.ErrorMessage = ptr(e[0]), ptr(e[1])
		}
		switch p.typ {
		case "refund":
			tx.OriginalTransactionID = original
		case "chargeback":
			tx.OriginalTransactionID = ptr(out[k-1].ID)
			// The dispute was won: the chargeback is reversed a week later.
			tx.ReversedAt = isoPtr(p.at.Add(7 * 24 * time.Hour))
			out[k-1].Chargeback = &chargebackInfoJSON{Amount: tx.Amount, LastChargebackAt: tx.ProcessAt}
		default:
			if p.status == "settled" && !f.refunded.IsZero() {
				tx.RefundedAt = isoPtr(f.refunded)
			}
		}
		out = append(out, tx)
	}
	return out
}
