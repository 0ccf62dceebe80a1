package simulator

import (
	"strconv"
	"time"
)

// invoiceRecord is everything generated about one invoice; the v1 and v2
// wire shapes are views of it.
type invoiceRecord struct {
	facts        invoiceFacts
	common       invoiceCommonJSON
	customer     invoiceCustomerJSON
	vatNumber    *string
	taxRate      float64
	issued       string
	integrations []integrationJSON
}

// v2 is the invoice as GET /v2/invoices shows it.
func (ir *invoiceRecord) v2() invoiceJSON {
	return invoiceJSON{invoiceCommonJSON: ir.common, Customer: ir.customer, IssuedAt: ir.issued}
}

// v1 is the invoice as the deprecated GET /v1/invoices shows it.
func (ir *invoiceRecord) v1() invoiceV1JSON {
	return invoiceV1JSON{
		invoiceCommonJSON: ir.common,
		Customer:          invoiceCustomerV1JSON{invoiceCustomerJSON: ir.customer, VATNumber: ir.vatNumber},
		TaxRate:           ir.taxRate,
		EmittedAt:         ir.issued,
	}
}

// invoice builds invoice slot of customer i; cr is that customer and base
// the simulator's origin, for public_url.
func (d *dataset) invoice(c *company, i, slot int, cr *customerRecord, base string) invoiceRecord {
	cc := d.core(c, i)
	f := d.invFacts(c, cc, cr.pay, slot)
	r := newRNG(d.seed, tagInvoice, uint64(c.index), uint64(i), uint64(slot))
	l := cc.loc
	cu := &cr.common
	id := d.invoiceID(c, i, slot)
	ir := invoiceRecord{
		facts:        f,
		vatNumber:    cr.vatNumber,
		taxRate:      l.taxRate,
		integrations: []integrationJSON{},
		// Not documented: the issue date of a draft, which the spec
		// requires; the date it is planned for.
		issued: iso(f.issued),
		customer: invoiceCustomerJSON{
			ID: cu.ID, Name: cu.Name, Email: cu.BillingEmail, ExternalID: cu.ExternalID, Address: cu.BillingAddress,
		},
	}
	inv := &ir.common
	*inv = invoiceCommonJSON{
		ID:           id,
		Number:       f.number(),
		Type:         f.kind,
		Status:       f.status,
		Currency:     cu.Currency,
		Source:       "hyperline",
		TaxScheme:    "standard",
		Transactions: []invoiceTransactionJSON{},
		LineItems:    []lineItemJSON{},
		Coupons:      []invoiceCouponJSON{},
		Seller: sellerJSON{
			ID: c.catalog.entityID, Name: c.name, TaxID: ptr(c.home.vatPrefix + "40123456789"), Address: c.address,
		},
		DueAt:     iso(f.due),
		SettledAt: isoPtr(f.settled),
		// Not documented: the form of public_url; a page the simulator
		// serves itself, the invoice's PDF.
		PublicURL: base + "/public/invoices/" + id,
	}
	if d.hostile && c.index == 0 {
		inv.PublicURL = hostilePublicURL(base, id, i+slot)
	}
	if c.home.vatPrefix == "" {
		inv.Seller.TaxID = ptr("94-1234567")
	}
	if len(cu.TaxIDs) > 0 {
		ir.customer.TaxID = &cu.TaxIDs[0].Value
	}
	if l.taxRate == 0 {
		inv.TaxScheme = "exempt"
	}
	if cr.vatNumber != nil && l.country != c.home.country && euVAT(l.country) && euVAT(c.home.country) {
		inv.TaxScheme, ir.taxRate = "reverse_charge", 0
	}
	if f.kind == "document" {
		inv.DocumentName = ptr("Order summary")
	}
	if r.chance(0.6) {
		inv.Reference = ptr(r.token(10))
	}
	if r.chance(0.15) {
		inv.PurchaseOrder = ptr("PO-" + strconv.Itoa(r.between(1000, 99999)))
	}
	if f.subSlot >= 0 {
		inv.SubscriptionID = ptr(d.subscriptionID(c, i, f.subSlot))
		from := f.issued.Truncate(24 * time.Hour)
		inv.PeriodStartsAt, inv.PeriodEndsAt = isoPtr(from), isoPtr(from.AddDate(0, 1, 0))
	}
	if f.creditOf >= 0 {
		orig := d.invoice(c, i, f.creditOf, cr, base)
		inv.OriginalInvoiceID, inv.OriginalInvoiceNumber = &orig.common.ID, &orig.common.Number
		d.creditLineItems(&ir, &orig, c, i, slot)
	} else {
		d.addLineItems(&ir, r, c, i, slot)
	}
	d.settle(&ir, c, cr)
	if inv.Currency != c.home.currency {
		rate := euroRate(c.home.currency) / euroRate(inv.Currency)
		scale := pow10(minorUnits(c.home.currency) - minorUnits(inv.Currency))
		inv.ConversionRate = ptr(float64(int64(rate*1e6+0.5)) / 1e6)
		inv.ConvertedAmount = ptr(int64(float64(inv.TotalAmount)*rate*scale + 0.5))
		inv.ConvertedAt = isoPtr(f.issued)
	} else {
		inv.ConvertedAmount = ptr(inv.TotalAmount)
	}
	inv.PaymentMethodID = cr.pay.methodID
	if !cr.pay.automatic() && cr.pay.methodType != "external" {
		inv.BankAccountID = &c.catalog.bank.ID
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
	if r.chance(0.3) {
		inv.CustomProperties = map[string]any{"project": pick(r, []string{"Apollo", "Zephyr", "Onboarding"})}
	}
	if r.chance(0.2) {
		inv.AdditionalDisplayFields = []displayFieldJSON{{Type: "standard", Field: "customer_id"}}
	}
	if len(cu.Integrations) > 0 && f.status != "draft" {
		ir.integrations = append(ir.integrations, integrationJSON{
			EntityID:          "in_" + newRNG(d.seed, tagInvoice, uint64(c.index), uint64(i), uint64(slot), 9).token(24),
			ProviderName:      "stripe",
			ProviderAccountID: cu.Integrations[0].ProviderAccountID,
		})
	}
	inv.UpdatedAt = isoPtr(f.updated)
	return ir
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

// revenue describes how a product's line earns revenue.
func revenue(kind string, recurring bool) (typ string, count *int, period string) {
	switch {
	case kind == "dynamic":
		return "variable", ptr(1), "months"
	case recurring:
		return "recurring", ptr(1), "months"
	}
	return "one_off", nil, "once"
}

// addLineItems fills line items and the amounts derived from them.
func (d *dataset) addLineItems(ir *invoiceRecord, r *rng, c *company, i, slot int) {
	inv := &ir.common
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
		revType, revCount, revPeriod := revenue(p.kind, inv.SubscriptionID != nil)
		li := lineItemJSON{
			ID:                    hashID("ili_", d.seed, tagLineItem, uint64(c.index), uint64(i), uint64(slot), uint64(k)),
			Name:                  p.name,
			EntryType:             "debit",
			ProductID:             &p.id,
			ProductType:           &p.kind,
			UnitsCount:            units,
			UnitAmount:            unit,
			TaxRate:               ir.taxRate,
			PeriodStartsAt:        inv.PeriodStartsAt,
			PeriodEndsAt:          inv.PeriodEndsAt,
			RevenueType:           &revType,
			RevenueIntervalCount:  revCount,
			RevenueIntervalPeriod: &revPeriod,
			DisplayUnitAmount:     p.kind != "flat_fee",
			DisplayServicePeriod:  inv.PeriodStartsAt != nil,
		}
		if ir.taxRate > 0 {
			// Not documented: the tax rate ID prefix; "txr_".
			li.TaxRateID = ptr(hashID("txr_", d.seed, tagCatalog, uint64(c.index), 1000+uint64(ir.taxRate)))
		}
		if k == 0 && discountPct > 0 {
			li.DiscountAmount = int64(float64(gross) * discountPct / 100)
			li.DiscountPercent = ptr(discountPct)
			couponLine = li.ID
		}
		if inv.Type == "child_creditnote_ref" {
			li.EntryType = "credit"
		}
		li.AmountExcludingTax = gross - li.DiscountAmount
		li.TaxAmount = int64(float64(li.AmountExcludingTax)*li.TaxRate/100 + 0.5)
		li.Amount = li.AmountExcludingTax + li.TaxAmount
		ir.addLine(li)
	}
	if couponLine != "" {
		cp := c.catalog.coupons[0]
		inv.Coupons = append(inv.Coupons, invoiceCouponJSON{
			ID: &cp.id, Name: &cp.name, DiscountAmount: ptr(inv.DiscountAmount), DiscountPercent: ptr(cp.percent), LineItemIDs: []string{couponLine},
		})
	}
}

// addLine adds a line item and its amounts to the invoice's.
func (ir *invoiceRecord) addLine(li lineItemJSON) {
	inv := &ir.common
	inv.LineItems = append(inv.LineItems, li)
	inv.AmountExcludingTax += li.AmountExcludingTax
	inv.TaxAmount += li.TaxAmount
	inv.DiscountAmount += li.DiscountAmount
	if li.ProductType != nil && *li.ProductType == "flat_fee" {
		inv.AmountFixed += li.Amount
	}
	inv.TotalAmount = inv.AmountExcludingTax + inv.TaxAmount
}

// creditLineItems makes a credit note's lines: each of the original's,
// credited in full. Not documented: the sign of a credit note's amounts;
// positive, with entry_type "credit".
func (d *dataset) creditLineItems(ir, orig *invoiceRecord, c *company, i, slot int) {
	ir.taxRate = orig.taxRate
	ir.common.TaxScheme = orig.common.TaxScheme
	for k, ol := range orig.common.LineItems {
		li := ol
		li.ID = hashID("ili_", d.seed, tagLineItem, uint64(c.index), uint64(i), uint64(slot), uint64(k))
		li.EntryType = "credit"
		li.OriginalLineItemID = &orig.common.LineItems[k].ID
		ir.addLine(li)
	}
}

// settle sets what was paid and what is due, and the transactions.
func (d *dataset) settle(ir *invoiceRecord, c *company, cr *customerRecord) {
	inv := &ir.common
	f := ir.facts
	for _, tx := range d.invoiceTransactions(c, cr, ir) {
		inv.Transactions = append(inv.Transactions, invoiceTransactionJSON(tx))
		if tx.Status == "settled" && tx.Type != "chargeback" {
			inv.AmountPaid += tx.Amount
		}
	}
	switch f.status {
	case "voided", "archived", "consolidated", "charged_on_parent":
		// Their amounts are void or carried by another invoice.
		inv.AmountDue = 0
	default:
		inv.AmountDue = inv.TotalAmount - inv.AmountPaid
	}
	if f.status == "error" || f.status == "uncollectible" || f.status == "to_pay" && f.overdue {
		inv.GracePeriodEndedAt = isoPtr(f.due.Add(7 * 24 * time.Hour))
	}
	if !f.refunded.IsZero() {
		inv.RefundedAt = isoPtr(f.refunded)
	}
}
