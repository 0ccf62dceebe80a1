package simulator

// taxIDJSON is one of a customer's tax IDs.
type taxIDJSON struct {
	Value  string `json:"value"`
	Status string `json:"status"`
}

// customerSubscriptionJSON is the subscription summary a customer carries;
// its period dates are calendar dates (format: date), not timestamps.
type customerSubscriptionJSON struct {
	ID                     string  `json:"id"`
	Status                 string  `json:"status"`
	CurrentPeriodStartedAt *string `json:"current_period_started_at"`
	CurrentPeriodEndsAt    *string `json:"current_period_ends_at"`
	PlanID                 *string `json:"plan_id"`
	CheckoutSessionID      *string `json:"checkout_session_id"`
}

// userJSON is a Hyperline user: a customer's owner or follower.
type userJSON struct {
	ID         string  `json:"id"`
	Email      string  `json:"email"`
	FirstName  *string `json:"first_name"`
	LastName   *string `json:"last_name"`
	PictureURL *string `json:"picture_url"`
}

// customerCommonJSON holds the fields v1 (CustomerV1) and v2 (Customer)
// share.
type customerCommonJSON struct {
	ID                      string                     `json:"id"`
	Name                    string                     `json:"name"`
	Type                    *string                    `json:"type"`
	Status                  string                     `json:"status"`
	Currency                string                     `json:"currency"`
	Country                 *string                    `json:"country"`
	Domain                  *string                    `json:"domain"`
	TaxIDs                  []taxIDJSON                `json:"tax_ids"`
	LocalTaxNumber          *string                    `json:"local_tax_number"`
	TaxRateCustom           *float64                   `json:"tax_rate_custom"`
	Taxability              string                     `json:"taxability"`
	RegistrationNumber      *string                    `json:"registration_number"`
	IsGovernmentAffiliated  bool                       `json:"is_government_affiliated"`
	Language                *string                    `json:"language"`
	Timezone                *string                    `json:"timezone"`
	ExternalID              *string                    `json:"external_id"`
	Properties              map[string]any             `json:"properties"`
	CustomProperties        map[string]any             `json:"custom_properties"`
	BillingAddress          addressJSON                `json:"billing_address"`
	ShippingAddress         *addressJSON               `json:"shipping_address"`
	BillingEmail            *string                    `json:"billing_email"`
	InvoiceEmails           []string                   `json:"invoice_emails"`
	InvoicingEntityID       string                     `json:"invoicing_entity_id"`
	InvoiceRemindersEnabled bool                       `json:"invoice_reminders_enabled"`
	PriceBookID             *string                    `json:"price_book_id"`
	AvailablePaymentMethods []string                   `json:"available_payment_methods"`
	Subscriptions           []customerSubscriptionJSON `json:"subscriptions"`
	SegmentIDs              []string                   `json:"segment_ids"`
	Integrations            []integrationJSON          `json:"integrations"`
	CreatedAt               string                     `json:"created_at"`
	UpdatedAt               string                     `json:"updated_at"`
	DeletedAt               *string                    `json:"deleted_at"`
}

// customerJSON is the v2 customer (Customer): GET /v2/customers items.
type customerJSON struct {
	customerCommonJSON
	OwnerID                *string    `json:"owner_id"`
	Owner                  *userJSON  `json:"owner"`
	Followers              []userJSON `json:"followers"`
	PaymentTerms           *int       `json:"payment_terms"`
	PaymentInitiationDelay *int       `json:"payment_initiation_delay"`
	PaymentMethodType      *string    `json:"payment_method_type"`
	PaymentMethodID        *string    `json:"payment_method_id"`
}

// customerDetailsJSON is GET /v2/customers/{id} (CustomerDetails).
type customerDetailsJSON struct {
	customerJSON
	PaymentMethod         *paymentMethodJSON `json:"payment_method"`
	BankAccount           *bankAccountJSON   `json:"bank_account"`
	OrganisationID        *string            `json:"organisation_id"`
	OrganisationInvoicing *string            `json:"organisation_invoicing"`
}

// customerV1JSON is the deprecated v1 customer (CustomerV1): GET
// /v1/customers items. It keeps the VAT fields and the older names of the
// payment fields.
type customerV1JSON struct {
	customerCommonJSON
	VATNumber                    *string  `json:"vat_number"`
	VATNumberValid               bool     `json:"vat_number_valid"`
	VATRateCustom                *float64 `json:"vat_rate_custom"`
	CurrentPaymentMethodType     *string  `json:"current_payment_method_type"`
	CurrentPaymentMethodID       *string  `json:"current_payment_method_id"`
	CustomPaymentDelay           *int     `json:"custom_payment_delay"`
	CustomPaymentInitiationDelay *int     `json:"custom_payment_initiation_delay"`
}

// customerDetailsV1JSON is GET /v1/customers/{id} (CustomerDetailsV1).
type customerDetailsV1JSON struct {
	customerV1JSON
	Providers             map[string]string  `json:"providers"`
	CurrentPaymentMethod  *paymentMethodJSON `json:"current_payment_method"`
	BankAccount           *bankAccountJSON   `json:"bank_account"`
	OrganisationID        *string            `json:"organisation_id"`
	OrganisationInvoicing *string            `json:"organisation_invoicing"`
}

// portalJSON is GET /v1/customers/{id}/portal.
type portalJSON struct {
	URL string `json:"url"`
}
