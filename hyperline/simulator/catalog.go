package simulator

import (
	"strconv"
	"strings"
	"time"
)

// product is a catalog item a company sells; prices are in euro cents and
// converted to each customer's currency.
type product struct {
	id          string
	name        string
	description *string
	kind        string // flat_fee, seat, dynamic
	euroCents   int64  // per unit and month
}

// coupon is a discount a company offers.
type coupon struct {
	id          string
	name        string
	description *string
	percent     float64 // 0 for amount coupons
	euroCents   int64   // amount coupons
	repeat      string  // once, forever, duration
	months      int     // how long a "duration" coupon lasts
	createdAt   time.Time
	expiresAt   time.Time // zero: no expiry
	limit       *int
}

// catalog is what one company sells.
type catalog struct {
	entityID string // invoicing entity (seller), ive_
	products []product
	plans    []string // plan IDs; planNames names them
	coupons  []coupon
	segments []string
	template string // subscription template, subt_
	users    []userJSON
	bank     *bankAccountJSON // the account transfers are paid into
}

func (d *dataset) newCatalog(c *company) catalog {
	key := func(k uint64) []uint64 { return []uint64{d.seed, tagCatalog, uint64(c.index), k} }
	cat := catalog{
		entityID: hashID("ive_", key(1)...),
		template: hashID("subt_", key(2)...),
	}
	specs := []struct {
		name, desc, kind string
		cents            int64
	}{
		{"Platform access", "Access to the platform for the whole team.", "flat_fee", 4900},
		{"Seats", "Per active user seat.", "seat", 1200},
		{"API calls", "Usage-based, per thousand API calls.", "dynamic", 35},
		{"Premium support", "Priority support with a four-hour response time.", "flat_fee", 19900},
		{"Data warehouse sync", "", "flat_fee", 9900},
		{"Storage (GB)", "Usage-based storage, per gigabyte.", "dynamic", 8},
		{"Onboarding package", "One-time onboarding and training.", "flat_fee", 150000},
		{"Analytics add-on", "Dashboards and exports.", "seat", 2500},
	}
	// The company's team: the seeded user and three colleagues, who own
	// and follow customers. Not documented: the user ID prefix; "usr_".
	team := []struct{ first, last, email string }{
		{"Camille", "Lefèvre", "camille.lefevre@example.com"},
		{"Inès", "Girard", "ines.girard@example.com"},
		{"Björn", "Åström", "bjorn.astrom@example.com"},
		{"Sofía", "García", "sofia.garcia@example.com"},
	}
	for i, u := range team {
		user := userJSON{ID: hashID("usr_", key(800+uint64(i))...), Email: u.email, FirstName: ptr(u.first), LastName: ptr(u.last)}
		if i%2 == 0 {
			user.PictureURL = ptr("https://avatars.example.com/" + strings.Split(u.email, "@")[0] + ".png")
		}
		cat.users = append(cat.users, user)
	}
	cat.bank = newBankAccount(newRNG(key(900)...), hashID("bac_", key(700)...), c.home.currency, c.home.country, c.name)
	for i, sp := range specs {
		p := product{id: hashID("itm_", key(100+uint64(i))...), name: sp.name, kind: sp.kind, euroCents: sp.cents}
		if sp.desc != "" {
			p.description = ptr(sp.desc)
		}
		cat.products = append(cat.products, p)
	}
	for i := range 4 {
		cat.plans = append(cat.plans, hashID("plan_", key(200+uint64(i))...))
	}
	for i := range 3 {
		cat.segments = append(cat.segments, hashID("seg_", key(300+uint64(i))...))
	}
	created := c.createdAt.AddDate(0, 6, 0)
	bf := lastBlackFriday(d.epoch)
	cat.coupons = []coupon{
		{id: hashID("cou_", key(400)...), name: "WELCOME10", description: ptr("10 % off the first invoice"), percent: 10, repeat: "once", createdAt: created},
		{id: hashID("cou_", key(401)...), name: "Partner discount", percent: 25, repeat: "forever", createdAt: created.AddDate(0, 3, 0), limit: ptr(100)},
		{id: hashID("cou_", key(402)...), name: "Black Friday " + strconv.Itoa(bf), description: ptr("€20 off, three months"), euroCents: 2000, repeat: "duration", months: 3,
			createdAt: time.Date(bf, 11, 20, 8, 0, 0, 0, time.UTC), expiresAt: time.Date(bf, 12, 1, 0, 0, 0, 0, time.UTC), limit: ptr(500)},
	}
	return cat
}

// planNames are the names of a catalog's plans, in order.
func planNames() []string { return []string{"Starter", "Growth", "Scale", "Enterprise"} }

// lastBlackFriday is the year of the last Black Friday offer that had
// ended (on 1 December) by the epoch, so the coupon shows as expired.
func lastBlackFriday(epoch time.Time) int {
	if y := epoch.Year(); !epoch.Before(time.Date(y, 12, 1, 0, 0, 0, 0, time.UTC)) {
		return y
	}
	return epoch.Year() - 1
}

// minorUnits is the number of decimals of a currency's minor unit.
func minorUnits(currency string) int {
	switch currency {
	case "JPY", "XOF", "KRW", "CLP", "VND", "XAF", "ISK", "UGX":
		return 0
	case "KWD", "BHD", "JOD", "OMR", "TND", "IQD", "LYD":
		return 3
	}
	return 2
}

// euroRate is roughly how many units of currency one euro buys.
func euroRate(currency string) float64 {
	switch currency {
	case "USD":
		return 1.08
	case "GBP":
		return 0.85
	case "JPY":
		return 162
	case "XOF":
		return 655.957
	case "KWD":
		return 0.331
	case "SEK":
		return 11.4
	}
	return 1
}

// convert turns euro cents into minor units of currency, rounded to a
// price a person would set (whole units for zero-decimal currencies).
func convert(euroCents int64, currency string) int64 {
	units := float64(euroCents) / 100 * euroRate(currency)
	scale := 1.0
	for range minorUnits(currency) {
		scale *= 10
	}
	v := int64(units*scale + 0.5)
	if minorUnits(currency) == 0 && v > 100 {
		v = (v + 5) / 10 * 10
	}
	return max(v, 1)
}
