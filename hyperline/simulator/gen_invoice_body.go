package simulator

import (
	"strconv"
	"time"
)

// invoice builds invoice slot of customer i; cu is that customer.
func (d *dataset) invoice(c *company, i, slot int, cr *customerRecord) invoiceJSON {
	cu := &cr.common
	m := d.invMeta(c, i, slot)
	r := newRNG(d.seed, tagInvoice, uint64(c.index), uint64(i), uint64(slot))
	cc := d.core(c, i)
	l := cc.loc
	delay := cr.pay.paymentDelay()
	emitted, due := d.invoiceDates(r, m.status, slot, cc.createdAt, delay)
	inv := invoiceJSON{
		ID:           d.invoiceID(c, i, slot),
		Number:       m.number(),
		Type:         m.kind,
		Status:       m.status,
		Currency:     cu.Currency,
		Source:       "hyperline",
		TaxRate:      l.taxRate,
		TaxScheme:    "standard",
		Transactions: []transactionJSON{},
		LineItems:    []lineItemJSON{},
		Coupons:      []invoiceCouponJSON{},
		Customer: invoiceCustomerJSON{
			ID: cu.ID, Name: cu.Name, Email: cu.BillingEmail, ExternalID: cu.ExternalID,
			VATNumber: cr.vatNumber, Address: cu.BillingAddress,
		},
		Seller: sellerJSON{
			ID: c.catalog.entityID, Name: c.name, TaxID: ptr(c.home.vatPrefix + "40123456789"), Address: c.address,
		},
		EmittedAt: isoPtr(emitted),
		DueAt:     isoPtr(due),
	}
	if c.home.vatPrefix == "" {
		inv.Seller.TaxID = ptr("94-1234567")
	}
	if len(cu.TaxIDs) > 0 {
		inv.Customer.TaxID = &cu.TaxIDs[0].Value
	}
	if l.taxRate == 0 {
		inv.TaxScheme = "exempt"
	}
	if cr.vatNumber != nil && l.country != c.home.country && euVAT(l.country) && euVAT(c.home.country) {
		inv.TaxScheme, inv.TaxRate = "reverse_charge", 0
	}
	if m.status == "draft" {
		inv.EmittedAt = nil
	}
	if m.kind == "document" {
		inv.DocumentName = ptr("Order summary")
	}
	if m.kind == "credit_note" && slot > 0 {
		inv.OriginalInvoiceID = ptr(d.invoiceID(c, i, slot-1))
		inv.OriginalInvoiceNumber = ptr(d.invMeta(c, i, slot-1).number())
	}
	if r.chance(0.6) {
		inv.Reference = ptr(r.token(10))
	}
	if r.chance(0.15) {
		inv.PurchaseOrder = ptr("PO-" + strconv.Itoa(r.between(1000, 99999)))
	}
	if m.subSlot >= 0 {
		inv.SubscriptionID = ptr(d.subscriptionID(c, i, m.subSlot))
		from := emitted.Truncate(24 * time.Hour)
		inv.PeriodStartsAt, inv.PeriodEndsAt = isoPtr(from), isoPtr(from.AddDate(0, 1, 0))
	}
	d.addLineItems(&inv, r, c, i, slot)
	d.settle(&inv, r, cr, emitted, due)
	if inv.Currency != c.home.currency {
		rate := euroRate(c.home.currency) / euroRate(inv.Currency)
		scale := pow10(minorUnits(c.home.currency) - minorUnits(inv.Currency))
		inv.ConversionRate = ptr(float64(int64(rate*1e6+0.5)) / 1e6)
		inv.ConvertedAmount = int64(float64(inv.TotalAmount)*rate*scale + 0.5)
		inv.ConvertedAt = isoPtr(emitted)
	} else {
		inv.ConvertedAmount = inv.TotalAmount
	}
	inv.PaymentMethodID = cr.pay.methodID
	if r.chance(0.2) {
		inv.BankAccountID = ptr(hashID("bac_", d.seed, tagCatalog, uint64(c.index), 700))
	}
	if r.chance(0.1) {
		inv.CustomNote = ptr("Merci pour votre confiance — thank you for your trust.")
	}
	if r.chance(0.1) {
		inv.AdditionalInfo = ptr("Order reference " + r.token(6))
	}
	if r.chance(0.5) {
		inv.Footer = ptr(c.name + " — " + c.address.Line1 + ", " + c.address.Zip + " " + c.address.City)
	}
	if r.chance(0.2) {
		inv.Properties = map[string]any{"cost_center": pick(r, []string{"R&D", "Sales", "Ops"})}
	}
	if !r.chance(0.05) {
		last := emitted
		if inv.SettledAt != nil {
			last, _ = time.Parse(isoMillis, *inv.SettledAt)
		}
		inv.UpdatedAt = isoPtr(earlierOf(last.Add(time.Duration(r.intn(3_600_000))*time.Millisecond), d.epoch))
	}
	return inv
}

func euVAT(country string) bool { return country == "FR" || country == "DE" || country == "SE" }

func pow10(n int) float64 {
	v := 1.0
	for ; n > 0; n-- {
		v *= 10
	}
	for ; n < 0; n++ {
		v /= 10
	}
	return v
}

// addLineItems fills line items and the amounts derived from them.
func (d *dataset) addLineItems(inv *invoiceJSON, r *rng, c *company, i, slot int) {
	n := r.between(1, 4)
	var couponLine string
	discountPct := 0.0
	if r.chance(0.1) {
		discountPct = 10
	}
	for k := range n {
		p := pick(r, c.catalog.products)
		units := 1.0
		switch p.kind {
		case "seat":
			units = float64(r.between(2, 40))
		case "dynamic":
			units = float64(r.between(10, 5000))
		}
		unit := convert(p.euroCents, inv.Currency)
		gross := int64(float64(unit) * units)
		li := lineItemJSON{
			ID:          hashID("ili_", d.seed, tagLineItem, uint64(c.index), uint64(i), uint64(slot), uint64(k)),
			Name:        p.name,
			Description: p.description,
			EntryType:   "debit",
			ProductID:   &p.id,
			ProductType: &p.kind,
			UnitsCount:  units,
			UnitAmount:  unit,
			TaxRate:     inv.TaxRate,
			PeriodStart: inv.PeriodStartsAt,
			PeriodEnd:   inv.PeriodEndsAt,
		}
		if k == 0 && discountPct > 0 {
			li.DiscountAmount = int64(float64(gross) * discountPct / 100)
			li.DiscountPercent = ptr(discountPct)
			couponLine = li.ID
		}
		if inv.Type == "credit_note" || inv.Type == "child_creditnote_ref" {
			li.EntryType = "credit"
		}
		li.AmountExcludingTax = gross - li.DiscountAmount
		li.TaxAmount = int64(float64(li.AmountExcludingTax)*li.TaxRate/100 + 0.5)
		li.Amount = li.AmountExcludingTax + li.TaxAmount
		inv.LineItems = append(inv.LineItems, li)
		inv.AmountExcludingTax += li.AmountExcludingTax
		inv.TaxAmount += li.TaxAmount
		inv.DiscountAmount += li.DiscountAmount
		if p.kind == "flat_fee" {
			inv.AmountFixed += li.Amount
		}
	}
	inv.TotalAmount = inv.AmountExcludingTax + inv.TaxAmount
	if couponLine != "" {
		cp := c.catalog.coupons[0]
		inv.Coupons = append(inv.Coupons, invoiceCouponJSON{
			ID: cp.id, Name: cp.name, DiscountAmount: inv.DiscountAmount, DiscountPercent: ptr(cp.percent), LineItemsIDs: []string{couponLine},
		})
	}
}

// settle sets what was paid, what is due and the transactions.
func (d *dataset) settle(inv *invoiceJSON, r *rng, cr *customerRecord, emitted, due time.Time) {
	cu := &cr.common
	total := inv.TotalAmount
	method := "transfer"
	method = cr.pay.methodType
	tx := func(k int, amount int64, status string, at time.Time) transactionJSON {
		t := transactionJSON{
			ID:                hashID("tra_", d.seed, tagTransaction, r.next(), uint64(k)),
			Type:              "subscription",
			Amount:            amount,
			Currency:          inv.Currency,
			CustomerID:        cu.ID,
			ProcessAt:         iso(at),
			LastRefreshedAt:   isoPtr(at.Add(time.Minute)),
			PaymentMethodType: method,
			PaymentMethod:     cr.pay.methodID,
			Status:            status,
		}
		if inv.SubscriptionID == nil {
			t.Type = "one_time"
		}
		// Not documented: provider_id's form; a Stripe-style payment
		// intent ID for every method but transfer.
		if method != "transfer" {
			t.ProviderID = ptr("pi_" + r.token(24))
		}
		if status == "failed" {
			t.ErrorType = ptr(pick(r, []string{"card_declined", "insufficient_funds", "expired_card"}))
			t.ErrorMessage = ptr("The payment was declined by the bank.")
		}
		return t
	}
	settled := emitted.Add(time.Duration(r.between(0, 20))*24*time.Hour + time.Duration(r.intn(86_400_000))*time.Millisecond)
	if limit := d.epoch.Add(-time.Minute); settled.After(limit) {
		settled = limit
	}
	switch inv.Status {
	case "paid", "charged_on_parent", "closed":
		inv.AmountPaid = total
		inv.SettledAt = isoPtr(settled)
		inv.Transactions = append(inv.Transactions, tx(0, total, "settled", settled))
		if inv.Status == "paid" && r.chance(0.05) {
			refunded := settled.Add(10 * 24 * time.Hour)
			if refunded.After(d.epoch) {
				refunded = settled.Add(d.epoch.Sub(settled) / 2).Truncate(time.Millisecond)
			}
			inv.RefundedAt = isoPtr(refunded)
			inv.Transactions[0].RefundedAt = inv.RefundedAt
		}
	case "partially_paid":
		inv.AmountPaid = total * int64(r.between(20, 80)) / 100
		inv.Transactions = append(inv.Transactions, tx(0, inv.AmountPaid, "settled", settled))
	case "error":
		for k, hours := range []int{0, 2, 12, 24} {
			inv.Transactions = append(inv.Transactions, tx(k, total, "failed", due.Add(time.Duration(hours)*time.Hour)))
		}
		inv.GracePeriodEndedAt = isoPtr(due.Add(7 * 24 * time.Hour))
	case "late":
		if method != "transfer" {
			inv.Transactions = append(inv.Transactions, tx(0, total, "failed", due))
		}
		inv.GracePeriodEndedAt = isoPtr(due.Add(7 * 24 * time.Hour))
	case "to_pay", "grace_period":
		if method != "transfer" && r.chance(0.5) {
			inv.Transactions = append(inv.Transactions, tx(0, total, pick(r, []string{"to_process", "pending"}), due))
		}
	}
	inv.AttemptCount = len(inv.Transactions)
	switch inv.Status {
	case "voided", "archived":
		inv.AmountDue = 0
	default:
		inv.AmountDue = total - inv.AmountPaid
	}
}
