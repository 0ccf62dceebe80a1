package simulator

import "strconv"

// customerHead holds the first draws customer() makes, in the order it
// makes them, as plain numbers and flags. The filters on country,
// external_id and billing_email read it instead of the whole customer, so
// scanning a million customers stays cheap, and since customer() builds
// from the same draws the two can never disagree.
type customerHead struct {
	r *rng // the customer's generator, just after these draws

	city               int
	streetNo, street   int // "12 rue X"
	streetLast, noLast int // "X 12", US, JP and KW style
	line2              int // -1: none
	reminders          bool
	updatedHours       int
	hasCountry         bool
	hasVAT             bool
	vatNumber          uint64
	vatStatus          int
	customTaxRate      bool
	hasRegistration    bool
	registration       uint64
	government         bool
	hasExternalID      bool
	hasProperties      bool
	source, tier       int
	hasCustomProps     bool
	industry, manager  int
	hasShipping        bool
	hasBillingEmail    bool
	billingEmailSuffix string // "." + the locale's e-mail TLD
}

// Choices drawn by index in customerHead.
func line2Choices() []string {
	return []string{"Bâtiment B", "Suite 400", "3. OG", "Floor 12", "Unit 7", "c/o Accounts Payable"}
}

func taxIDStatuses() []string { return []string{"valid", "valid", "valid", "invalid", "unverified"} }

func propertySources() []string { return []string{"import", "website", "sales"} }

func propertyTiers() []string { return []string{"gold", "silver", "bronze"} }

func industries() []string { return []string{"SaaS", "Retail", "Manufacturing", "Healthcare", "Media"} }

func accountManagers() []string { return []string{"Inès Girard", "Björn Åström", "Sofía García"} }

// head makes customer i's first draws; cc is its core.
func (d *dataset) head(c *company, i int, cc customerCore) customerHead {
	r := newRNG(d.seed, tagCustomer, uint64(c.index), uint64(i))
	l := cc.loc
	h := customerHead{r: r, line2: -1, billingEmailSuffix: "." + l.emailTLD}
	h.city = r.intn(len(l.cities))
	h.streetNo = r.between(1, 240)
	h.street = r.intn(len(l.streets))
	if l.country == "US" || l.country == "JP" || l.country == "KW" {
		h.streetLast = r.intn(len(l.streets))
		h.noLast = r.between(1, 240)
	}
	if r.chance(0.3) {
		h.line2 = r.intn(len(line2Choices()))
	}
	h.reminders = r.chance(0.7)
	h.updatedHours = r.intn(200 * 24)
	h.hasCountry = r.chance(0.7)
	if cc.kind != "person" && l.vatPrefix != "" && r.chance(0.8) {
		h.hasVAT = true
		h.vatNumber = r.next() % 1_000_000_000_00
		h.vatStatus = r.intn(len(taxIDStatuses()))
	}
	h.customTaxRate = r.chance(0.05)
	if cc.kind != "person" && r.chance(0.6) {
		h.hasRegistration = true
		h.registration = 100_000_000 + r.next()%900_000_000
	}
	h.government = r.chance(0.02)
	h.hasExternalID = r.chance(0.6)
	if r.chance(0.5) {
		h.hasProperties = true
		h.source, h.tier = r.intn(len(propertySources())), r.intn(len(propertyTiers()))
	}
	if r.chance(0.4) {
		h.hasCustomProps = true
		h.industry, h.manager = r.intn(len(industries())), r.intn(len(accountManagers()))
	}
	h.hasShipping = r.chance(0.3)
	h.hasBillingEmail = r.chance(0.8)
	return h
}

// country is the top-level country field. It is never null (see
// nullEnums in doc.go); hasCountry is still drawn so that the draws after
// it keep their values.
func (h customerHead) country(cc customerCore) *string {
	return &cc.loc.country
}

// externalID is the customer's external ID, or nil.
func (h customerHead) externalID(i int) *string {
	if !h.hasExternalID {
		return nil
	}
	return ptr("crm-" + strconv.Itoa(10_000+i))
}

// customerSlug is the e-mail friendly form of customer i's name.
func customerSlug(cc customerCore) string {
	if slug := slugASCII(cc.name); slug != "" {
		return slug
	}
	return "client-" + strconv.Itoa(cc.index+1)
}

// billingEmail is the customer's billing e-mail, or nil.
func (h customerHead) billingEmail(cc customerCore) *string {
	if !h.hasBillingEmail {
		return nil
	}
	return ptr("billing@" + customerSlug(cc) + h.billingEmailSuffix)
}

// uintText formats v in decimal.
func uintText(v uint64) string { return strconv.FormatUint(v, 10) }
