package simulator

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// customerCore is the cheap part of a customer, enough to filter on: a
// full scan of a million customers computes only this.
type customerCore struct {
	company   *company
	index     int
	name      string
	loc       *locale
	kind      string // corporate, person, automatically_created
	status    string // active, archived
	createdAt time.Time
}

// core computes customer i of company c.
func (d *dataset) core(c *company, i int) customerCore {
	r := newRNG(d.seed, tagCustomerName, uint64(c.index), uint64(i))
	cc := customerCore{company: c, index: i, kind: "corporate", status: "active", createdAt: d.customerCreated(c, i, r)}
	switch {
	case i < len(d.curated) || r.chance(0.03):
		n := d.curated[(i+5*c.index)%len(d.curated)]
		if i >= len(d.curated) {
			n = pick(r, d.curated)
		}
		cc.name, cc.loc = n.name, d.localeByCountry(n.country)
		if n.person {
			cc.kind = "person"
		}
	default:
		cc.loc = c.home
		if !r.chance(0.55) {
			cc.loc = pick(r, d.locales)
		}
		cc.name, cc.kind = generatedName(r, cc.loc)
	}
	if d.hostile && c.index == 0 {
		names := hostileNames()
		cc.name = names[i%len(names)]
	}
	if r.chance(0.07) {
		cc.status = "archived"
	}
	return cc
}

// customerCreated spreads creation times evenly over the company's life,
// strictly increasing with the index, so index order is creation order.
// The newest customer is 20 days old at the epoch, so its subscriptions
// and invoices have room to come after it.
func (d *dataset) customerCreated(c *company, i int, r *rng) time.Time {
	start := c.createdAt.Add(48 * time.Hour)
	span := d.epoch.Add(-20 * 24 * time.Hour).Sub(start)
	slot := span / time.Duration(c.customers)
	jitter := time.Duration(r.next() % uint64(max(slot-time.Millisecond, 1)))
	return start.Add(slot*time.Duration(i) + jitter).Truncate(time.Millisecond)
}

// generatedName makes a company or person name in a locale's style.
func generatedName(r *rng, l *locale) (name, kind string) {
	roll := r.intn(100)
	switch {
	case roll < 18:
		if l.country == "JP" {
			return pick(r, l.last) + " " + pick(r, l.first), "person"
		}
		return pick(r, l.first) + " " + pick(r, l.last), "person"
	case l.country == "JP":
		suffix := pick(r, l.suffixes)
		if roll%2 == 0 {
			return suffix + pick(r, l.stems) + pick(r, l.trades), "corporate"
		}
		return pick(r, l.stems) + pick(r, l.trades) + suffix, "corporate"
	}
	kind = "corporate"
	if roll >= 97 {
		kind = "automatically_created"
	}
	switch roll % 3 {
	case 0:
		return pick(r, l.stems) + " " + pick(r, l.trades) + " " + pick(r, l.suffixes), kind
	case 1:
		return pick(r, l.last) + " " + pick(r, l.trades) + " " + pick(r, l.suffixes), kind
	}
	return pick(r, l.stems) + " " + pick(r, l.suffixes), kind
}

// customerID returns the ID of customer i of company c.
func (d *dataset) customerID(c *company, i int) string {
	return d.ids.encode("cus_", idRef{kind: kindCustomer, company: c.index, index: i})
}

// customerByID decodes a customer ID of company c.
func (d *dataset) customerByID(c *company, id string) (int, bool) {
	ref, ok := d.ids.decode("cus_", id)
	if !ok || ref.kind != kindCustomer || ref.company != c.index || ref.index >= c.customers {
		return 0, false
	}
	return ref.index, true
}

// slugASCII folds a name into an e-mail friendly slug.
func slugASCII(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune("àâäåáã", r):
			b.WriteByte('a')
		case strings.ContainsRune("éèêëē", r):
			b.WriteByte('e')
		case strings.ContainsRune("îïíì", r):
			b.WriteByte('i')
		case strings.ContainsRune("ôöóōø", r):
			b.WriteByte('o')
		case strings.ContainsRune("ûüúùū", r):
			b.WriteByte('u')
		case r == 'ç':
			b.WriteByte('c')
		case r == 'ñ' || r == 'ń':
			b.WriteByte('n')
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ł':
			b.WriteByte('l')
		case r == 'ś':
			b.WriteByte('s')
		case r == 'ı':
			b.WriteByte('i')
		case r == ' ' || r == '-' || r == '&':
			if s := b.String(); s != "" && !strings.HasSuffix(s, "-") {
				b.WriteByte('-')
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// paymentMethodsFor lists the payment methods a customer in l can use.
func paymentMethodsFor(l *locale) []string {
	switch l.country {
	case "US":
		return []string{"card", "direct_debit_ach", "transfer"}
	case "GB":
		return []string{"card", "direct_debit_bacs", "transfer"}
	case "FR", "DE":
		return []string{"card", "direct_debit", "transfer", "transfer_automated"}
	}
	return []string{"card", "transfer"}
}

// notAfterEpoch clamps a generated time to just before the epoch, the
// data's "now".
func (d *dataset) notAfterEpoch(t time.Time) time.Time {
	if limit := d.epoch.Add(-time.Hour); t.After(limit) {
		return limit
	}
	return t
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// customerIndexesOf decodes customer IDs of company c into sorted, unique
// indexes; IDs of other companies and made-up IDs are dropped.
func (d *dataset) customerIndexesOf(c *company, ids []string) []int {
	out := []int{}
	for _, id := range ids {
		if i, ok := d.customerByID(c, id); ok {
			out = append(out, i)
		}
	}
	// Sorting before dropping repeats keeps a long id__in list linear-
	// logarithmic rather than quadratic.
	slices.Sort(out)
	return slices.Compact(out)
}
