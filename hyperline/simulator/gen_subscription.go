package simulator

import (
	"time"
)

// numSubscriptionStatuses is the number of statuses the spec's
// Subscription shows (there is no "trialing": a subscription in its trial
// phase is active, and shows as trialing only in its customer's summary).
const numSubscriptionStatuses = 8

// subscriptionStatuses are the response statuses; customer i < 8 of every
// company has one subscription in status i, so each shows up everywhere.
func subscriptionStatuses() [numSubscriptionStatuses]string {
	return [...]string{"active", "pending", "paused", "cancelled", "voided", "errored", "draft", "archived"}
}

// subscriptionStatusWeights are the relative frequencies of the statuses.
func subscriptionStatusWeights() [numSubscriptionStatuses]int {
	return [...]int{50, 8, 6, 16, 5, 5, 10, 3}
}

// subCount is how many subscriptions (0 to 4) customer i has.
func (d *dataset) subCount(c *company, i int) int {
	n := int(hashOf(d.seed, tagSubCount, uint64(c.index), uint64(i)) % 5)
	if i < numSubscriptionStatuses {
		n = max(n, 1)
	}
	return n
}

// subStatus is the status of subscription slot of customer i, computed
// without building the subscription, for cheap filtering.
func (d *dataset) subStatus(c *company, i, slot int) string {
	statuses, weights := subscriptionStatuses(), subscriptionStatusWeights()
	if slot == 0 && i < len(statuses) {
		return statuses[i]
	}
	r := newRNG(d.seed, tagSubStatus, uint64(c.index), uint64(i), uint64(slot))
	return statuses[r.weighted(weights[:])]
}

// subTrialing reports whether subscription slot of customer i is active
// and in its trial phase at the epoch.
func (d *dataset) subTrialing(c *company, i, slot int) bool {
	return d.subStatus(c, i, slot) == "active" && hashOf(d.seed, tagSubStatus, uint64(c.index), uint64(i), uint64(slot), 1)%10 == 0
}

// summaryStatus is the status a customer's subscription summary shows:
// the subscription's, or "trialing" during its trial. Not documented: when
// a customer's summary says trialing; during an active subscription's
// trial phase.
func (d *dataset) summaryStatus(c *company, i, slot int) string {
	if d.subTrialing(c, i, slot) {
		return "trialing"
	}
	return d.subStatus(c, i, slot)
}

func (d *dataset) subscriptionID(c *company, i, slot int) string {
	return d.ids.encode("sub_", idRef{kind: kindSubscription, company: c.index, index: i, slot: slot})
}

// subscriptionByID decodes a subscription ID of company c.
func (d *dataset) subscriptionByID(c *company, id string) (i, slot int, ok bool) {
	ref, ok := d.ids.decode("sub_", id)
	if !ok || ref.kind != kindSubscription || ref.company != c.index || ref.index >= c.customers || ref.slot >= d.subCount(c, ref.index) {
		return 0, 0, false
	}
	return ref.index, ref.slot, true
}

// addInterval moves t forward by n intervals.
func addInterval(t time.Time, iv intervalJSON, n int) time.Time {
	switch iv.Period {
	case "years":
		return t.AddDate(iv.Count*n, 0, 0)
	case "weeks":
		return t.AddDate(0, 0, 7*iv.Count*n)
	case "days":
		return t.AddDate(0, 0, iv.Count*n)
	}
	return t.AddDate(0, iv.Count*n, 0)
}

// periodAround returns the billing period of a subscription started at
// start that contains at.
func periodAround(start, at time.Time, iv intervalJSON) (time.Time, time.Time) {
	from := start
	for n := 1; ; n++ {
		to := addInterval(start, iv, n)
		if to.After(at) {
			return from, to
		}
		from = to
	}
}

// trialDays is the length of a trial phase.
const trialDays = 14

// subscriptionRecord is a built subscription and what its details need.
type subscriptionRecord struct {
	json       subscriptionJSON
	start      time.Time // zero for a draft
	ended      time.Time // cancelled, voided or archived
	trialUntil time.Time // zero: no trial phase
	monthly    int64
}

// subscription builds subscription slot of customer i.
func (d *dataset) subscription(c *company, i, slot int) subscriptionJSON {
	return d.subscriptionRecord(c, i, slot).json
}

// subscriptionRecord builds subscription slot of customer i.
func (d *dataset) subscriptionRecord(c *company, i, slot int) subscriptionRecord {
	return d.buildSubscription(c, i, slot, true)
}

// subscriptionSummary is subscription slot of customer i as far as a
// customer's summary of it reads it (id, plan, checkout session, current
// period): the products, amounts and later dates are not built, which
// halves the cost of a customer page.
func (d *dataset) subscriptionSummary(c *company, i, slot int) subscriptionJSON {
	return d.buildSubscription(c, i, slot, false).json
}

// buildSubscription builds subscription slot of customer i, all of it or,
// without full, up to its current period.
func (d *dataset) buildSubscription(c *company, i, slot int, full bool) subscriptionRecord {
	cc := d.core(c, i)
	status := d.subStatus(c, i, slot)
	r := newRNG(d.seed, tagSubscription, uint64(c.index), uint64(i), uint64(slot))
	epoch := d.epoch
	day := 24 * time.Hour
	currency := cc.loc.currency

	// Every draw below happens whatever the dates turn out to be, so a
	// different epoch moves dates without reshuffling the other fields.
	created := cc.createdAt.Add(time.Duration(slot*40+r.between(0, 30)) * day).Add(time.Duration(r.intn(86_400_000)) * time.Millisecond)
	jitter := time.Duration(r.intn(3_600_000)) * time.Millisecond
	if latest := epoch.Add(-time.Duration(5-slot) * day); created.After(latest) {
		created = latest.Add(-jitter)
	}
	iv := intervalJSON{Period: "months", Count: 1}
	switch roll := r.intn(100); {
	case roll < 25:
		iv = intervalJSON{Period: "years", Count: 1}
	case roll < 30:
		iv = intervalJSON{Period: "months", Count: 3}
	}
	cat := c.catalog
	name := map[bool]string{true: "Yearly subscription", false: "Monthly subscription"}[iv.Period == "years"]
	s := subscriptionJSON{
		ID:                     d.subscriptionID(c, i, slot),
		Name:                   &name,
		Currency:               currency,
		Status:                 status,
		CustomerID:             d.customerID(c, i),
		InvoicingEntityID:      &cat.entityID,
		ActivationStrategy:     pick(r, []string{"start_date", "start_date", "checkout", "manually"}),
		RenewAutomatically:     r.chance(0.8),
		CustomProperties:       map[string]any{},
		InvoiceSchedule:        pick(r, []string{"period_start", "period_start", "period_end"}),
		GenerateDocument:       r.chance(0.2),
		AddTaxToDocument:       r.chance(0.5),
		GenerateDraftInvoices:  r.chance(0.3),
		DisplayShippingDetails: ptr(r.chance(0.1)),
		CreatedAt:              iso(created),
		Products:               []subscriptionProductJSON{},
		Coupons:                []couponJSON{},
		Integrations:           []integrationJSON{},
		// Not documented: what a subscription never cancelled shows in
		// cancellation_strategy and cancellation_source, typed nullable but
		// with enums that lack null (see nullEnums in doc.go); the
		// strategy that would apply, end_of_period, and "system".
		CancellationStrategy: "end_of_period",
		CancellationSource:   "system",
	}
	if iv.Period == "months" && iv.Count == 3 {
		s.Name = ptr("Quarterly subscription")
	}
	if r.chance(0.7) {
		s.PlanID = ptr(pick(r, cat.plans))
	}
	if r.chance(0.5) {
		s.TemplateID = ptr(cat.template)
	}
	if s.ActivationStrategy == "checkout" {
		s.CheckoutSessionID = ptr(hashID("che_", d.seed, tagSubscription, uint64(c.index), uint64(i), uint64(slot), 1))
	}
	if r.chance(0.2) {
		s.PurchaseOrder = ptr("PO-" + r.token(6))
	}
	if r.chance(0.15) {
		s.CRMOpportunityID = ptr("006" + r.token(15))
	}
	if r.chance(0.3) {
		s.MinimumInvoiceFee = ptr(convert(2500, currency))
	}
	if r.chance(0.4) {
		s.CommitmentInterval = &intervalJSON{Period: "years", Count: 1}
		s.RenewFor = &intervalJSON{Period: "years", Count: 1}
	}
	if r.chance(0.3) {
		s.Properties = map[string]any{"sales_rep": pick(r, []string{"Inès", "Björn", "Sofía"}), "deal_size": pick(r, []string{"S", "M", "L"})}
	}
	if r.chance(0.1) {
		s.DocumentName = ptr("Order form")
	}
	if r.chance(0.1) {
		s.InvoiceCustomNote = ptr("Thank you for your business!")
	}
	s.DoNotChargeSubscription = r.chance(0.03)

	rec := subscriptionRecord{}
	start, ended := d.subscriptionDates(&s, r, status, created)
	if d.subTrialing(c, i, slot) {
		// In its trial at the epoch: started less than a trial ago.
		start = laterOf(epoch.Add(-time.Duration(trialDays-4)*day), created.Add(day)).Truncate(day)
		rec.trialUntil = start.Add(trialDays * day)
	}
	var periodFrom, periodTo time.Time
	if status == "active" || status == "paused" || status == "errored" {
		periodFrom, periodTo = periodAround(start, epoch, iv)
		s.CurrentPeriodStartedAt, s.CurrentPeriodEndsAt = isoPtr(periodFrom), isoPtr(periodTo)
	}
	s.StartsAt, s.ContractStart = isoPtr(start), isoPtr(start)
	if !start.IsZero() {
		s.InitialBillingAt = isoPtr(start)
		if !rec.trialUntil.IsZero() {
			s.InitialBillingAt = isoPtr(rec.trialUntil)
		}
		if s.CommitmentInterval != nil {
			// The commitment term running at the epoch, or at the end
			// for a subscription that stopped.
			at := epoch
			if !ended.IsZero() {
				at = ended
			}
			_, termEnd := periodAround(start, at, *s.CommitmentInterval)
			s.ContractEnd = isoPtr(termEnd)
		}
		s.CurrentPhaseID = ptr(d.phaseID(c, i, slot, rec.trialUntil.After(epoch)))
	}
	switch status {
	case "active":
		s.NextPaymentAt = isoPtr(periodTo)
		if !rec.trialUntil.IsZero() {
			s.NextPaymentAt = isoPtr(rec.trialUntil)
		}
		if s.RenewAutomatically && s.ContractEnd != nil {
			s.RenewsAt = s.ContractEnd
		}
	case "pending":
		s.NextPaymentAt = isoPtr(start)
	case "paused":
		k := r.between(1, 20)
		paused := periodFrom.Add(time.Duration(k) * day)
		if !paused.Before(epoch) {
			paused = periodFrom.Add(epoch.Sub(periodFrom) * time.Duration(k) / 21).Truncate(time.Millisecond)
		}
		s.PausedAt = isoPtr(paused)
		if r.chance(0.5) {
			s.ReactivateAt = isoPtr(epoch.Add(time.Duration(r.between(5, 60)) * day).Truncate(day))
		}
	}
	r.chance(0.1) // was the trial draw; kept so the draws after it keep their values
	if !full {
		rec.json = s
		return rec
	}

	monthly := d.addProducts(&s, r, c, iv, start, periodFrom, periodTo)
	perPeriod := monthly * int64(monthsIn(iv))
	if r.chance(0.2) {
		cp := pick(r, cat.coupons)
		s.Coupons = append(s.Coupons, d.couponToJSON(cp, currency, s.ID, s.Products[0].ID, start))
		if cp.percent > 0 {
			perPeriod -= int64(float64(perPeriod) * cp.percent / 100)
		} else {
			perPeriod = max(perPeriod-convert(cp.euroCents, currency), 0)
		}
	}
	if s.MinimumInvoiceFee != nil {
		perPeriod = max(perPeriod, *s.MinimumInvoiceFee)
	}
	s.NextPaymentAmount = ptr(perPeriod)
	arr := monthly * 12
	s.ContractValue = ptr(arr)
	if status == "cancelled" || status == "voided" || status == "draft" || status == "archived" {
		arr = 0
	}
	s.EstimatedARR = ptr(arr)
	updated := d.notAfterEpoch(created.Add(time.Duration(r.intn(90*24)) * time.Hour))
	if ended.After(updated) {
		updated = ended
	}
	s.UpdatedAt = iso(updated)
	rec.json, rec.start, rec.ended, rec.monthly = s, start, ended, monthly
	return rec
}

// phaseID is the ID of a subscription's trial or standard phase. Not
// documented: the phase ID prefix; "phs_".
func (d *dataset) phaseID(c *company, i, slot int, trial bool) string {
	k := uint64(2)
	if trial {
		k = 3
	}
	return hashID("phs_", d.seed, tagSubscription, uint64(c.index), uint64(i), uint64(slot), k)
}

// subscriptionDates returns when a subscription starts (zero for a draft)
// and, for a cancelled, voided or archived one, when it ended, which it
// also records as cancel_at. Relative to the epoch: pending ones start
// after it, the others started before it, and every end lies before it.
func (d *dataset) subscriptionDates(s *subscriptionJSON, r *rng, status string, created time.Time) (start, ended time.Time) {
	epoch := d.epoch
	day := 24 * time.Hour
	start = created.Add(time.Duration(r.between(0, 14)) * day).Truncate(day)
	switch status {
	case "draft":
		return time.Time{}, time.Time{}
	case "pending":
		return epoch.Add(time.Duration(r.between(2, 40)) * day).Truncate(day), time.Time{}
	case "voided":
		// Voided before it began: starts_at keeps the planned start.
		start = created.Add(30 * day).Truncate(day)
		k := r.between(1, 20)
		ended = created.Add(time.Duration(k) * day)
		if !ended.Before(epoch) {
			ended = created.Add(epoch.Sub(created) * time.Duration(k) / 21)
		}
		ended = ended.Truncate(time.Millisecond)
		s.CancelAt = isoPtr(ended)
		s.CancellationStrategy, s.CancellationSource = "do_nothing", "app"
	case "active", "paused", "errored":
		if start.After(epoch) {
			start = epoch.Add(-day).Truncate(day)
		}
	case "cancelled", "archived":
		if latest := epoch.Add(-2 * day).Truncate(day); start.After(latest) {
			start = latest
		}
		ended = start.Add(time.Duration(float64(epoch.Sub(start)) * (0.2 + 0.7*float64(r.intn(100))/100))).Truncate(time.Millisecond)
		s.CancelAt = isoPtr(ended)
		s.CancellationStrategy = pick(r, []string{"end_of_period", "refund_prorata", "charge_prorata", "do_nothing"})
		s.CancellationSource = pick(r, []string{"portal", "app", "api", "system"})
		s.CancellationAmount = ptr(int64(0))
		if r.chance(0.6) {
			s.CancellationReason = ptr(pick(r, []string{"Too expensive", "Switched to a competitor", "Company closed", "Missing features"}))
		}
	}
	return start, ended
}

// monthsIn returns how many months an interval covers (at least 1).
func monthsIn(iv intervalJSON) int {
	switch iv.Period {
	case "years":
		return 12 * iv.Count
	case "months":
		return iv.Count
	}
	return 1
}
