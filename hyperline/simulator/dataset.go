package simulator

import (
	"time"
)

// referenceNow is "today" for the generated data. It is fixed so that the
// data depend on the seed only, never on when the simulator runs.
func referenceNow() time.Time { return time.Date(2026, time.November, 16, 9, 30, 0, 0, time.UTC) }

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

// dataset generates every object on demand from the seed.
type dataset struct {
	seed      uint64
	ids       idCodec
	companies []*company // oldest first
	locales   []*locale
	curated   []curatedName
}

// companyTemplate describes a seeded company.
type companyTemplate struct {
	name    string
	created time.Time
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
		{"Atelier Lumière SAS", time.Date(2019, 3, 4, 10, 12, 45, 120_000_000, time.UTC), "FR", "5 rue de Paradis", "Paris", "75010", nil},
		{"Nordwind Software GmbH", time.Date(2020, 9, 21, 14, 3, 9, 880_000_000, time.UTC), "DE", "Torstraße 118", "Berlin", "10119", nil},
		{"Globex Cloud Inc.", time.Date(2022, 1, 17, 16, 45, 30, 500_000_000, time.UTC), "US", "2100 Mission Street", "San Francisco", "94110", ptr("CA")},
	}
}

func newDataset(seed uint64, sizes [3]int) *dataset {
	d := &dataset{
		seed:    seed,
		ids:     idCodec{key: hashOf(seed, tagIDKey)},
		locales: newLocales(),
		curated: curatedNames(),
	}
	for i, t := range companyTemplates() {
		r := newRNG(seed, tagCompany, uint64(i))
		c := &company{
			index: i,
			// Not documented: the company ID prefix (the docs' example
			// reuses a coupon ID); "cmp_" is used.
			id:        "cmp_" + r.token(14),
			name:      t.name,
			createdAt: t.created,
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
