package simulator

import (
	"math"
	"net/http"
	"sync"
	"time"
)

// analyticsJSON is GET /v1/analytics: amounts in the company's currency's
// smallest unit.
type analyticsJSON struct {
	RevenueLast30Days    int64   `json:"revenue_last_30_days"`
	Churn30Days          float64 `json:"churn_30_days"`
	ChurnedRevenue30Days int64   `json:"churned_revenue_30_days"`
	ARR                  int64   `json:"arr"`
	MRR                  int64   `json:"mrr"`
	PendingARR           int64   `json:"pending_arr"`
	ActiveARR            int64   `json:"active_arr"`
	ARRInDiscounts       int64   `json:"arr_in_discounts"`
	FixedARR             int64   `json:"fixed_arr"`
	ActiveCustomers      int64   `json:"active_customers"`
	ARPA                 int64   `json:"arpa"`
}

// analyticsCache keeps each company's figures once computed: the data
// never change for a simulator's lifetime.
type analyticsCache struct {
	mu   sync.Mutex
	byCo map[int]analyticsJSON
}

// analyticsSample bounds how many customers the figures are computed
// from; larger companies are sampled evenly and scaled up.
const analyticsSample = 20_000

// analytics answers GET /v1/analytics. Not documented: how the figures
// are defined; here MRR sums the monthly amounts of active subscriptions
// (trials included) converted to the company's currency, ARR is twelve
// times it, pending_arr is the ARR of pending subscriptions, fixed_arr
// the flat-fee part of ARR, arr_in_discounts what coupons take off it,
// revenue_last_30_days what was settled (less refunds) in the last 30
// days, churned_revenue_30_days the MRR of subscriptions cancelled in the
// last 30 days, churn_30_days that as a percentage of MRR before it, and
// arpa MRR per active customer. Not documented: an invoicing_entity_id
// that is not the company's gives zeros.
func (s *Server) analytics(w http.ResponseWriter, r *http.Request, c *apiCall) {
	co := c.company
	if id := r.URL.Query().Get("invoicing_entity_id"); r.URL.Query().Has("invoicing_entity_id") && id != co.catalog.entityID {
		writeJSON(w, http.StatusOK, analyticsJSON{})
		return
	}
	writeJSON(w, http.StatusOK, s.analyticsOf(co, baseURL(r)))
}

// analyticsOf returns company co's figures, computed once; base is the
// server's URL, which the figures do not depend on.
func (s *Server) analyticsOf(co *company, base string) analyticsJSON {
	s.stats.mu.Lock()
	a, ok := s.stats.byCo[co.index]
	s.stats.mu.Unlock()
	if !ok {
		a = s.computeAnalytics(co, base)
		s.stats.mu.Lock()
		if s.stats.byCo == nil {
			s.stats.byCo = map[int]analyticsJSON{}
		}
		s.stats.byCo[co.index] = a
		s.stats.mu.Unlock()
	}
	return a
}

// computeAnalytics walks the company's subscriptions and recent payments.
func (s *Server) computeAnalytics(co *company, base string) analyticsJSON {
	d := s.data
	home := co.home.currency
	toHome := func(amount int64, currency string) float64 {
		rate := euroRate(home) / euroRate(currency)
		return float64(amount) * rate * pow10(minorUnits(home)-minorUnits(currency))
	}
	step := max(1, co.customers/analyticsSample)
	month := 30 * 24 * time.Hour
	var mrr, pending, fixed, discounts, churned, revenue float64
	var active int64
	for i := 0; i < co.customers; i += step {
		customerActive := false
		for slot := range d.subCount(co, i) {
			status := d.subStatus(co, i, slot)
			if status != "active" && status != "pending" && status != "cancelled" {
				continue
			}
			rec := d.subscriptionRecord(co, i, slot)
			sub := rec.json
			monthly := toHome(rec.monthly, sub.Currency)
			var flat float64
			for _, p := range sub.Products {
				if p.Type == "flat_fee" {
					flat += toHome(p.Prices[0].Amount, sub.Currency)
				}
			}
			switch status {
			case "active":
				customerActive = true
				mrr += monthly
				fixed += flat
				for _, cp := range sub.Coupons {
					if cp.DiscountPercent != nil {
						discounts += monthly * *cp.DiscountPercent / 100
					} else if cp.DiscountAmount != nil {
						discounts += toHome(*cp.DiscountAmount, sub.Currency)
					}
				}
			case "pending":
				pending += monthly
			case "cancelled":
				if !rec.ended.IsZero() && d.epoch.Sub(rec.ended) <= month {
					churned += monthly
				}
			}
		}
		if customerActive {
			active++
		}
		revenue += s.recentRevenue(co, i, base, toHome)
	}
	scale := float64(step)
	a := analyticsJSON{
		MRR:                  int64(math.Round(mrr * scale)),
		PendingARR:           int64(math.Round(pending * 12 * scale)),
		FixedARR:             int64(math.Round(fixed * 12 * scale)),
		ARRInDiscounts:       int64(math.Round(discounts * 12 * scale)),
		ChurnedRevenue30Days: int64(math.Round(churned * scale)),
		RevenueLast30Days:    int64(math.Round(revenue * scale)),
		ActiveCustomers:      active * int64(step),
	}
	a.ARR = a.MRR * 12
	a.ActiveARR = a.ARR
	if a.ActiveCustomers > 0 {
		a.ARPA = a.MRR / a.ActiveCustomers
	}
	if total := mrr + churned; total > 0 {
		a.Churn30Days = math.Round(churned/total*10_000) / 100
	}
	return a
}

// recentRevenue sums what customer i's invoices settled in the 30 days
// before the epoch, less refunds, converted by toHome.
func (s *Server) recentRevenue(co *company, i int, base string, toHome func(int64, string) float64) float64 {
	d := s.data
	n := d.invCount(co, i)
	if n == 0 {
		return 0
	}
	cc := d.core(co, i)
	pay := d.payment(co, i, cc.loc)
	since := d.epoch.Add(-30 * 24 * time.Hour)
	var cr *customerRecord
	var sum float64
	for slot := range n {
		f := d.invFacts(co, cc, pay, slot)
		recent := false
		for _, p := range d.planTransactions(co, f, pay) {
			if p.status == "settled" && p.at.After(since) {
				recent = true
			}
		}
		if !recent {
			continue
		}
		if cr == nil {
			rec := d.customer(co, i)
			cr = &rec
		}
		ir := d.invoice(co, i, slot, cr, base)
		for _, t := range ir.common.Transactions {
			if t.Status != "settled" || stampTime(t.ProcessAt).Before(since) {
				continue
			}
			switch t.Type {
			case "refund":
				sum -= toHome(t.Amount, t.Currency)
			case "chargeback":
			default:
				sum += toHome(t.Amount, t.Currency)
			}
		}
	}
	return sum
}
