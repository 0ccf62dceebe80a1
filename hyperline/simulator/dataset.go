package simulator

import (
	"time"
)

// company is one seeded Hyperline company (account).
type company struct {
	index      int
	id         string
	name       string
	createdAt  time.Time
	customers  int
	home       *locale
	address    addressJSON
	logoURL    *string
	faviconURL *string
	catalog    catalog
}

// dataset generates every object on demand from the seed. IDs depend on
// the seed only; dates are placed relative to epoch (Config.Epoch), the
// data's "now", so the same seed and epoch give the same bytes.
type dataset struct {
	seed      uint64
	epoch     time.Time
	ids       idCodec
	companies []*company // oldest first
	locales   []*locale
	curated   []curatedName
	hostile   bool // Config.Hostile: company 0 and its customers have hostile names
}

// companyTemplate describes a seeded company.
type companyTemplate struct {
	name string
	// age is how long before the epoch the company was created, as years,
	// months and days back from the epoch's midnight and a time of day.
	age     [3]int
	clock   time.Duration
	country string
	line1   string
	city    string
	zip     string
	state   *string
}

// companyTemplates are the three seeded companies, oldest first: the small
// one is the oldest, so a request without Hyperline-CompanyId is cheap.
func companyTemplates() [3]companyTemplate {
	return [3]companyTemplate{
		{"Atelier Lumière SAS", [3]int{7, 8, 12}, 10*time.Hour + 12*time.Minute + 45120*time.Millisecond, "FR", "5 rue de Paradis", "Paris", "75010", nil},
		{"Nordwind Software GmbH", [3]int{6, 1, 25}, 14*time.Hour + 3*time.Minute + 9880*time.Millisecond, "DE", "Torstraße 118", "Berlin", "10119", nil},
		{"Globex Cloud Inc.", [3]int{4, 9, 30}, 16*time.Hour + 45*time.Minute + 30500*time.Millisecond, "US", "2100 Mission Street", "San Francisco", "94110", ptr("CA")},
	}
}

// createdAt places the template's creation relative to epoch: years ago,
// so every customer, subscription and invoice fits after it.
func (t companyTemplate) createdAt(epoch time.Time) time.Time {
	y, m, d := epoch.Date()
	midnight := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return midnight.AddDate(-t.age[0], -t.age[1], -t.age[2]).Add(t.clock)
}

func newDataset(seed uint64, epoch time.Time, sizes [3]int, hostile bool) *dataset {
	d := &dataset{
		seed:    seed,
		epoch:   epoch,
		ids:     idCodec{key: hashOf(seed, tagIDKey)},
		locales: newLocales(),
		curated: curatedNames(),
		hostile: hostile,
	}
	for i, t := range companyTemplates() {
		r := newRNG(seed, tagCompany, uint64(i))
		c := &company{
			index: i,
			// Not documented: the company ID prefix (the docs' example
			// reuses a coupon ID); "cmp_" is used.
			id:        "cmp_" + r.token(14),
			name:      t.name,
			createdAt: t.createdAt(epoch),
			customers: sizes[i],
			home:      d.localeByCountry(t.country),
			address: addressJSON{
				Name: t.name, Line1: t.line1, City: t.city, Zip: t.zip, State: t.state, Country: t.country,
			},
		}
		if i != 1 { // one company without branding, so null shows up
			c.logoURL = ptr("https://assets.example.com/logos/" + c.id + ".png")
			c.faviconURL = ptr("https://assets.example.com/favicons/" + c.id + ".ico")
		}
		if hostile && i == 0 {
			c.name, c.address.Name = hostileCompanyName, hostileCompanyName
		}
		c.catalog = d.newCatalog(c)
		d.companies = append(d.companies, c)
	}
	return d
}

// localeByCountry returns the locale of an ISO country code.
func (d *dataset) localeByCountry(country string) *locale {
	for _, l := range d.locales {
		if l.country == country {
			return l
		}
	}
	return d.locales[0]
}
