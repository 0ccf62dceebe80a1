package simulator

import (
	"slices"
	"strconv"
	"time"
)

// customerRecord is everything generated about one customer; the v1 and
// v2 wire shapes are two views of it.
type customerRecord struct {
	common    customerCommonJSON
	vatNumber *string
	vatValid  bool
	vatRate   *float64
	pay       customerPayment
	owner     *userJSON
	followers []userJSON
}

// v2 is the customer as GET /v2/customers shows it.
func (cr *customerRecord) v2() customerJSON {
	cu := customerJSON{
		customerCommonJSON:     cr.common,
		Owner:                  cr.owner,
		Followers:              cr.followers,
		PaymentTerms:           cr.pay.terms,
		PaymentInitiationDelay: cr.pay.initiationDelay,
		PaymentMethodType:      &cr.pay.methodType,
		PaymentMethodID:        cr.pay.methodID,
	}
	if cr.owner != nil {
		cu.OwnerID = &cr.owner.ID
	}
	return cu
}

// v1 is the customer as the deprecated GET /v1/customers shows it.
func (cr *customerRecord) v1() customerV1JSON {
	return customerV1JSON{
		customerCommonJSON:           cr.common,
		VATNumber:                    cr.vatNumber,
		VATNumberValid:               cr.vatValid,
		VATRateCustom:                cr.vatRate,
		CurrentPaymentMethodType:     &cr.pay.methodType,
		CurrentPaymentMethodID:       cr.pay.methodID,
		CustomPaymentDelay:           cr.pay.terms,
		CustomPaymentInitiationDelay: cr.pay.initiationDelay,
	}
}

// supportedLanguages are the document languages the spec allows.
func supportedLanguages() []string { return []string{"fr", "en", "de", "it", "nl", "es", "pt", "pl"} }

// customer builds customer i of company c.
func (d *dataset) customer(c *company, i int) customerRecord {
	cc := d.core(c, i)
	h := d.head(c, i, cc)
	r := h.r
	l := cc.loc
	slug := customerSlug(cc)
	city := l.cities[h.city]
	addr := addressJSON{
		Name:    cc.name,
		Line1:   strconv.Itoa(h.streetNo) + " " + l.streets[h.street],
		City:    city.name,
		Zip:     city.zip,
		Country: l.country,
	}
	if l.country == "US" || l.country == "JP" || l.country == "KW" {
		addr.Line1 = l.streets[h.streetLast] + " " + strconv.Itoa(h.noLast)
	}
	if h.line2 >= 0 {
		addr.Line2 = ptr(line2Choices()[h.line2])
	}
	if city.state != "" && l.country == "US" {
		addr.State = ptr(city.state)
	}
	cr := customerRecord{pay: d.payment(c, i, l), followers: []userJSON{}}
	cu := &cr.common
	*cu = customerCommonJSON{
		ID:                      d.customerID(c, i),
		Name:                    cc.name,
		Type:                    ptr(cc.kind),
		Status:                  cc.status,
		Currency:                l.currency,
		Country:                 h.country(cc),
		TaxIDs:                  []taxIDJSON{},
		Taxability:              "taxable",
		Timezone:                ptr(l.timezone),
		ExternalID:              h.externalID(i),
		CustomProperties:        map[string]any{},
		BillingAddress:          addr,
		BillingEmail:            h.billingEmail(cc),
		InvoiceEmails:           []string{},
		InvoicingEntityID:       c.catalog.entityID,
		InvoiceRemindersEnabled: h.reminders,
		AvailablePaymentMethods: paymentMethodsFor(l),
		SegmentIDs:              []string{},
		Integrations:            []integrationJSON{},
		CreatedAt:               iso(cc.createdAt),
		UpdatedAt:               iso(d.customerUpdated(cc, h)),
	}
	// A customer in a country whose language Hyperline's documents do not
	// support (Japan here) gets English documents.
	cu.Language = ptr("en")
	if slices.Contains(supportedLanguages(), l.language) {
		cu.Language = ptr(l.language)
	}
	if l.taxRate == 0 {
		cu.Taxability = "exempt"
	}
	if h.hasVAT {
		vat := l.vatPrefix + strconv.FormatUint(h.vatNumber, 10)
		status := taxIDStatuses()[h.vatStatus]
		cu.TaxIDs = append(cu.TaxIDs, taxIDJSON{Value: vat, Status: status})
		cr.vatNumber, cr.vatValid = ptr(vat), status == "valid"
	}
	if h.customTaxRate {
		cu.TaxRateCustom, cr.vatRate = ptr(50.0), ptr(50.0)
	}
	if h.hasRegistration {
		cu.RegistrationNumber = ptr(strconv.FormatUint(h.registration, 10))
	}
	cu.IsGovernmentAffiliated = h.government
	if h.hasProperties {
		cu.Properties = map[string]any{"source": propertySources()[h.source], "tier": propertyTiers()[h.tier]}
	}
	if h.hasCustomProps {
		cu.CustomProperties["industry"] = industries()[h.industry]
		cu.CustomProperties["account_manager"] = accountManagers()[h.manager]
	}
	if h.hasShipping {
		ship := addr
		cu.ShippingAddress = &ship
	}
	for k := range r.intn(3) {
		cu.InvoiceEmails = append(cu.InvoiceEmails, []string{"finance", "accounts", "cfo"}[k]+"@"+slug+"."+l.emailTLD)
	}
	if r.chance(0.15) {
		cu.PriceBookID = ptr(hashID("prib_", d.seed, tagCatalog, uint64(c.index), 500+uint64(r.intn(3))))
	}
	for k := range r.intn(3) {
		cu.SegmentIDs = append(cu.SegmentIDs, c.catalog.segments[k])
	}
	if r.chance(0.4) {
		cu.Integrations = append(cu.Integrations, integrationJSON{
			EntityID:          hashID("cus_", d.seed, tagCustomer, uint64(c.index), uint64(i), 2),
			ProviderName:      "stripe",
			ProviderAccountID: "acct_" + newRNG(d.seed, tagCatalog, uint64(c.index), 600).token(16),
		})
	}
	if cc.kind != "person" && r.chance(0.7) {
		cu.Domain = ptr(slug + "." + l.emailTLD)
	}
	users := c.catalog.users
	if r.chance(0.65) {
		cr.owner = &users[r.intn(len(users))]
	}
	first := r.intn(len(users))
	for k := range r.intn(3) {
		if f := users[(first+k)%len(users)]; cr.owner == nil || f.ID != cr.owner.ID {
			cr.followers = append(cr.followers, f)
		}
	}
	cu.Subscriptions = make([]customerSubscriptionJSON, 0, 4)
	for slot := range d.subCount(c, i) {
		s := d.subscriptionSummary(c, i, slot)
		cu.Subscriptions = append(cu.Subscriptions, customerSubscriptionJSON{
			ID:                     s.ID,
			Status:                 d.summaryStatus(c, i, slot),
			CurrentPeriodStartedAt: dateOf(s.CurrentPeriodStartedAt),
			CurrentPeriodEndsAt:    dateOf(s.CurrentPeriodEndsAt),
			PlanID:                 s.PlanID,
			CheckoutSessionID:      s.CheckoutSessionID,
		})
	}
	return cr
}

// dateOf cuts a timestamp to its calendar date (format: date), keeping null.
func dateOf(ts *string) *string {
	if ts == nil {
		return nil
	}
	return ptr((*ts)[:10])
}

// customerUpdated is when customer i was last updated: some hours after its
// creation, never after the epoch.
func (d *dataset) customerUpdated(cc customerCore, h customerHead) time.Time {
	return d.notAfterEpoch(cc.createdAt.Add(time.Duration(h.updatedHours) * time.Hour))
}

// customerPayment is how a customer pays. It has its own generator, so the
// invoice list can read a customer's payment terms and method without
// building the customer.
type customerPayment struct {
	methodType      string  // never null: see nullEnums in doc.go
	methodID        *string // a saved card or mandate; nil otherwise
	status          string  // active, expired, errored
	errorType       string  // when errored
	terms           *int    // days; nil: the invoicing entity's default
	initiationDelay *int
}

// pmErrorTypes are the PaymentMethod error types an errored method shows.
func pmErrorTypes() []string {
	return []string{"authentication_required", "insufficient_funds", "declined", "expired", "mandate_invalid"}
}

// payment draws customer i's payment set-up; l is its locale. Not
// documented: what a customer without a saved method shows; the spec's
// payment_method_type enum has no null, so such a customer pays by
// "transfer", and a card or direct-debit customer whose card or mandate
// was never saved is the "missing" the payment_method_type filter knows.
func (d *dataset) payment(c *company, i int, l *locale) customerPayment {
	r := newRNG(d.seed, tagPayment, uint64(c.index), uint64(i))
	p := customerPayment{methodType: "transfer", status: "active"}
	switch roll := r.intn(100); {
	case roll < 72:
		p.methodType = pick(r, paymentMethodsFor(l))
	case roll < 75:
		p.methodType = "external"
	}
	if isCardType(p.methodType) || isDirectDebitType(p.methodType) {
		p.methodID = ptr(hashID("pm_", d.seed, tagPayment, uint64(c.index), uint64(i), 1))
		switch st := r.intn(100); {
		case st < 5:
			p.methodID = nil
		case st < 11 && p.methodType == "card":
			p.status = "expired"
		case st < 17, fewErrored(c, i):
			p.status, p.errorType = "errored", pick(r, pmErrorTypes())
		}
	}
	if r.chance(0.3) {
		p.terms = ptr(pick(r, []int{15, 30, 45, 60}))
	}
	if r.chance(0.1) {
		p.initiationDelay = ptr(pick(r, []int{3, 7}))
	}
	return p
}

// fewErrored makes a small company's worklists worth opening: at 6% a
// company of 25 customers would often have no errored payment method at
// all, so one customer in eight there has one (if it has a card or a
// mandate).
func fewErrored(c *company, i int) bool {
	return c.customers < 100 && i%8 == 3
}

// paymentDelay is how long after issue customer i's invoices fall due.
func (p customerPayment) paymentDelay() time.Duration {
	if p.terms != nil {
		return time.Duration(*p.terms) * 24 * time.Hour
	}
	return 30 * 24 * time.Hour
}

// automatic reports whether the customer's invoices are charged without
// the customer acting: a card or a direct debit mandate.
func (p customerPayment) automatic() bool {
	return p.methodID != nil
}

// filterValue is the customer's value for the payment_method_type
// filter: the method's type, "errored" for an errored method, "missing"
// for a card or mandate never saved.
func (p customerPayment) filterValue() string {
	switch {
	case (isCardType(p.methodType) || isDirectDebitType(p.methodType)) && p.methodID == nil:
		return "missing"
	case p.status == "errored":
		return "errored"
	case p.methodType == "transfer_automated":
		return "transfer"
	}
	return p.methodType
}

// paymentMethod builds the customer's PaymentMethod object, or nil.
func (d *dataset) paymentMethod(c *company, i int, p customerPayment) *paymentMethodJSON {
	if p.methodID == nil {
		return nil
	}
	r := newRNG(d.seed, tagPayment, uint64(c.index), uint64(i), 2)
	pm := &paymentMethodJSON{ID: *p.methodID, Status: p.status, Type: p.methodType}
	if p.status == "errored" {
		pm.ErrorType = ptr(p.errorType)
	}
	if isCardType(pm.Type) {
		year, month := d.epoch.Year()+r.between(1, 5), r.between(1, 12)
		if p.status == "expired" {
			year = d.epoch.Year() - 1
		}
		pm.Last4Digits = ptr(r.between(1000, 9999))
		pm.Brand = ptr(pick(r, []string{"visa", "mastercard", "amex"}))
		pm.ExpirationDate = ptr(strconv.Itoa(year) + "-" + twoDigits(month))
	} else {
		pm.AccountNumberEnding = ptr(strconv.Itoa(r.between(1000, 9999)))
	}
	return pm
}

// customerDetails builds GET /v2/customers/{id}.
func (d *dataset) customerDetails(c *company, i int) customerDetailsJSON {
	cr := d.customer(c, i)
	det := customerDetailsJSON{customerJSON: cr.v2()}
	det.PaymentMethod = d.paymentMethod(c, i, cr.pay)
	det.BankAccount, det.OrganisationID, det.OrganisationInvoicing = d.customerBanking(c, i, &cr)
	return det
}

// customerDetailsV1 builds the deprecated GET /v1/customers/{id}.
func (d *dataset) customerDetailsV1(c *company, i int) customerDetailsV1JSON {
	cr := d.customer(c, i)
	det := customerDetailsV1JSON{customerV1JSON: cr.v1(), Providers: map[string]string{}}
	if len(cr.common.Integrations) > 0 {
		det.Providers["stripe"] = cr.common.Integrations[0].EntityID
	}
	det.CurrentPaymentMethod = d.paymentMethod(c, i, cr.pay)
	det.BankAccount, det.OrganisationID, det.OrganisationInvoicing = d.customerBanking(c, i, &cr)
	return det
}

// customerBanking draws the customer's bank account (for direct debits and
// some transfer payers) and its organisation.
func (d *dataset) customerBanking(c *company, i int, cr *customerRecord) (*bankAccountJSON, *string, *string) {
	r := newRNG(d.seed, tagCustomer, uint64(c.index), uint64(i), 3)
	// Not documented: bank_account is typed allOf[BankAccount, ...], which
	// no null satisfies, so every customer has one.
	bank := newBankAccount(r, hashID("bac_", d.seed, tagCustomer, uint64(c.index), uint64(i), 5),
		cr.common.Currency, cr.common.BillingAddress.Country, cr.common.Name)
	invoicing := ptr("none")
	var org *string
	if r.chance(0.1) {
		// Not documented: the organisation ID prefix; "org_".
		org = ptr(hashID("org_", d.seed, tagCustomer, uint64(c.index), uint64(i), 4))
		invoicing = ptr(pick(r, []string{"every_invoice", "concat"}))
	}
	return bank, org, invoicing
}

// newBankAccount makes a standard bank account in the format its currency
// uses: sort code in pounds, routing number in dollars, IBAN otherwise.
func newBankAccount(r *rng, id, currency, country, holder string) *bankAccountJSON {
	b := &bankAccountJSON{Type: "standard", ID: id, Currency: currency, Name: ptr(holder), Country: ptr(country)}
	switch currency {
	case "GBP":
		b.Format, b.BankName = "sort_code_account_number", ptr(pick(r, []string{"Barclays", "HSBC UK", "Lloyds Bank"}))
		b.SortCode = strconv.Itoa(r.between(10, 99)) + "-" + strconv.Itoa(r.between(10, 99)) + "-" + strconv.Itoa(r.between(10, 99))
		b.AccountNumber = strconv.Itoa(r.between(10_000_000, 99_999_999))
	case "USD":
		b.Format, b.BankName = "account_number_routing_number", ptr(pick(r, []string{"Chase", "Bank of America", "Silicon Valley Bank"}))
		b.AccountNumber = strconv.FormatUint(1_000_000_000+r.next()%9_000_000_000, 10)
		b.RoutingNumber = strconv.Itoa(r.between(100_000_000, 999_999_999))
	default:
		b.Format, b.BankName = "iban_bic_swift", ptr(pick(r, []string{"BNP Paribas", "Deutsche Bank", "Société Générale", "Commerzbank"}))
		b.IBAN = country + "76" + strconv.FormatUint(r.next()%1e18, 10) + strconv.Itoa(r.between(100000, 999999))
		b.BICSwift = ptr(pick(r, []string{"BNPAFRPP", "DEUTDEFF", "SOGEFRPP", "COBADEFF"}))
	}
	return b
}
