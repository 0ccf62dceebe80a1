package simulator

import (
	"time"
)

// addProducts attaches 1 to 3 catalog products and returns the monthly
// amount they bill, in minor units.
func (d *dataset) addProducts(s *subscriptionJSON, r *rng, c *company, iv intervalJSON, start, from, to time.Time) int64 {
	var monthly int64
	n := r.between(1, 3)
	first := r.intn(len(c.catalog.products))
	for k := range n {
		p := c.catalog.products[(first+k*3)%len(c.catalog.products)]
		count := 1
		if p.kind == "seat" {
			count = r.between(2, 60)
		}
		price := convert(p.euroCents, s.Currency)
		interval := iv
		// Not documented: the price configuration ID prefix; "prc_".
		configID := ptr(hashID("prc_", d.seed, tagCatalog, uint64(c.index), 1100+uint64(k), uint64((first+k*3)%len(c.catalog.products))))
		sp := subscriptionProductJSON{
			ID:                              p.id,
			Name:                            p.name,
			Description:                     p.description,
			DescriptionDisplayIntervalDates: r.chance(0.5),
			AttachedAt:                      isoPtr(start),
			PaymentInterval:                 &interval,
			PaymentSchedule:                 pick(r, []string{"start", "start", "end"}),
			Type:                            p.kind,
			Count:                           count,
			Prices:                          []priceJSON{{Type: "fee", Amount: price, PriceConfigurationID: configID}},
		}
		if start.IsZero() {
			sp.AttachedAt = &s.CreatedAt
		}
		switch p.kind {
		case "seat":
			sp.UnitName = ptr("seat")
			sp.Prices = []priceJSON{{Type: "volume", Amount: price, UnitCount: 1, PriceConfigurationID: configID}}
		case "dynamic":
			sp.UnitName = ptr(map[bool]string{true: "GB", false: "1k API calls"}[p.euroCents < 20])
			sp.MeteringIntervalType, sp.ChildrenUsageAggregation = "payment_interval", "sum"
			sp.PaymentSchedule = "end"
			sp.Prices = []priceJSON{
				{Type: "volume", Amount: price, UnitCount: 1, To: ptr(1000), PriceConfigurationID: configID},
				{Type: "volume", Amount: max(price*8/10, 1), UnitCount: 1, From: 1000, PriceConfigurationID: configID},
			}
			count = r.between(10, 2000)
		}
		if !from.IsZero() {
			sp.CurrentPeriodStartedAt, sp.CurrentPeriodEndsAt = isoPtr(from), isoPtr(to)
			if p.kind == "dynamic" {
				sp.MeteringPeriodStartedAt, sp.MeteringPeriodEndsAt = dateOf(isoPtr(from)), dateOf(isoPtr(to))
			}
			if s.Status == "active" {
				sp.NextPaymentAt = isoPtr(to)
			}
		}
		if s.Status == "cancelled" || s.Status == "archived" {
			sp.DetachedAt = s.CancelAt
		}
		s.Products = append(s.Products, sp)
		monthly += price * int64(count)
	}
	return monthly
}

// couponToJSON renders a catalog coupon applied to subscription subID
// from start, in a currency.
func (d *dataset) couponToJSON(cp coupon, currency, subID, productID string, start time.Time) couponJSON {
	j := couponJSON{
		ID:                   &cp.id,
		Name:                 &cp.name,
		SubscriptionCouponID: hashID("subc_", d.seed, tagCatalog, stringHash(subID), stringHash(cp.id)),
		Description:          cp.description,
		RedemptionLimit:      cp.limit,
		CreatedAt:            iso(cp.createdAt),
		Type:                 "percent",
		Repeat:               cp.repeat,
		// Not documented: duration_period for a coupon that repeats once or
		// forever; typed nullable, but its enum lacks null (see nullEnums
		// in doc.go), so "months" with a null duration_count.
		DurationPeriod: "months",
		ProductIDs:     []string{productID},
		ApplyAt:        isoPtr(start),
	}
	if cp.months > 0 {
		j.Duration = &intervalJSON{Period: "months", Count: cp.months}
		j.DurationCount = ptr(cp.months)
		if !start.IsZero() {
			j.ExpiresAt = isoPtr(start.AddDate(0, cp.months, 0))
		}
	}
	if !cp.expiresAt.IsZero() {
		j.ExpirationDate = isoPtr(cp.expiresAt)
	}
	if cp.percent > 0 {
		j.DiscountPercent = ptr(cp.percent)
	} else {
		j.Type = "amount"
		j.DiscountAmount = ptr(convert(cp.euroCents, currency))
		j.Currency = ptr(currency)
	}
	return j
}

// subscriptionDetails builds GET /v2/subscriptions/{id}: the subscription
// with its phases, plan, template, checkout session, payment method and
// contract terms.
func (d *dataset) subscriptionDetails(c *company, i, slot int) subscriptionDetailsJSON {
	rec := d.subscriptionRecord(c, i, slot)
	s := rec.json
	cc := d.core(c, i)
	pay := d.payment(c, i, cc.loc)
	det := subscriptionDetailsJSON{
		subscriptionJSON:  s,
		Phases:            d.phases(c, i, slot, &rec),
		PaymentMethodType: pay.methodType,
		PaymentMethod:     d.paymentMethod(c, i, pay),
	}
	if s.PlanID != nil {
		for k, id := range c.catalog.plans {
			if id == *s.PlanID {
				det.Plan = &namedRefJSON{ID: id, Name: planNames()[k]}
			}
		}
	}
	if s.TemplateID != nil {
		// Not documented: the template configuration ID prefix; "stc_".
		det.Template = &templateRefJSON{ID: *s.TemplateID, Name: "Standard contract",
			ConfigurationID: hashID("stc_", d.seed, tagCatalog, uint64(c.index), 3)}
	}
	if s.CheckoutSessionID != nil {
		status := "completed"
		switch s.Status {
		case "pending", "draft":
			status = "opened"
		case "voided":
			status = "cancelled"
		}
		// Not documented: the checkout URL; a page on example.com (the
		// simulator serves no checkout).
		det.CheckoutSession = &checkoutSessionJSON{
			ID: *s.CheckoutSessionID, Status: status, AvailablePaymentMethods: paymentMethodsFor(cc.loc),
			URL: "https://checkout.example.com/sessions/" + *s.CheckoutSessionID,
		}
	}
	if s.CommitmentInterval != nil && !rec.start.IsZero() {
		status := "active"
		switch {
		case rec.start.After(d.epoch):
			status = "pending"
		case !rec.ended.IsZero():
			status = "finished"
		}
		terms := &contractTermsJSON{
			Status: status, ActivationStrategy: "start_date", EndStrategy: "duration",
			StartsAt: s.ContractStart, EndsAt: s.ContractEnd, Duration: s.CommitmentInterval,
			RenewAutomatically: s.RenewAutomatically, RenewForDuration: s.RenewFor,
			CurrentPeriodStartedAt: s.ContractStart, CurrentPeriodEndsAt: s.ContractEnd,
		}
		det.ContractTerms = terms
	}
	return det
}

// phases builds a subscription's phases: a trial phase for those that
// had one, then the standard phase.
func (d *dataset) phases(c *company, i, slot int, rec *subscriptionRecord) []phaseJSON {
	s := rec.json
	epoch := d.epoch
	phase := func(trial bool, order int, from, to time.Time) phaseJSON {
		p := phaseJSON{
			ID: d.phaseID(c, i, slot, trial), Type: "standard", Order: order,
			ActivationStrategy: "start_date", EndStrategy: "manual", BillingDateSetting: "phase_start",
			StartsAt: isoPtr(from), EndsAt: isoPtr(to), InitialBillingAt: isoPtr(from),
			BillingCycleAlignment: "anniversary", TransitionCalculationMethod: "prorata", TransitionInvoicingSchedule: "immediately",
			Products: s.Products, Coupons: s.Coupons, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt,
		}
		switch s.ActivationStrategy {
		case "checkout":
			p.ActivationStrategy = "checkout"
		case "manually":
			p.ActivationStrategy = "manual"
		}
		switch {
		case from.IsZero() || from.After(epoch):
			p.Status = "pending"
		case !to.IsZero() && !to.After(epoch):
			p.Status = "finished"
		default:
			p.Status = "active"
		}
		if trial {
			p.Type, p.Name, p.EndStrategy = "trial", ptr("Free trial"), "duration"
			p.Duration = &intervalJSON{Period: "days", Count: trialDays}
			p.DoNotInvoicePhase = true
			p.Coupons = []couponJSON{}
		} else if order > 0 {
			p.ActivationStrategy = "previous_phase_end"
		}
		return p
	}
	if rec.trialUntil.IsZero() {
		return []phaseJSON{phase(false, 0, rec.start, rec.ended)}
	}
	return []phaseJSON{phase(true, 0, rec.start, rec.trialUntil), phase(false, 1, rec.trialUntil, rec.ended)}
}
