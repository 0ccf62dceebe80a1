package simulator

// priceJSON is one of a subscription product's prices: a fee (flat fee
// products) or a volume tier (seat and usage products), with the price
// configuration it came from.
type priceJSON struct {
	Type                 string  `json:"type"` // fee, volume
	Amount               int64   `json:"amount"`
	UnitCount            int     `json:"unit_count"`
	From                 int     `json:"from"`
	To                   *int    `json:"to"`
	PriceConfigurationID *string `json:"price_configuration_id"`
}

// MarshalJSON writes the keys of the price's type only.
func (p priceJSON) MarshalJSON() ([]byte, error) {
	var o jsonObject
	o.add("type", p.Type)
	o.add("amount", p.Amount)
	if p.Type == "volume" {
		o.add("unit_count", p.UnitCount)
		o.add("from", p.From)
		o.add("to", p.To)
	}
	o.add("price_configuration_id", p.PriceConfigurationID)
	return o.bytes()
}

// subscriptionProductJSON is a subscription's product: a flat fee, seats
// or usage (dynamic). Only the keys of its type are written.
type subscriptionProductJSON struct {
	ID                              string        `json:"id"`
	CatalogVersionID                *string       `json:"catalog_version_id"`
	Name                            string        `json:"name"`
	Description                     *string       `json:"description"`
	DescriptionDisplayIntervalDates bool          `json:"description_display_interval_dates"`
	AttachedAt                      *string       `json:"attached_at"`
	DetachedAt                      *string       `json:"detached_at"`
	CurrentPeriodStartedAt          *string       `json:"current_period_started_at"`
	CurrentPeriodEndsAt             *string       `json:"current_period_ends_at"`
	NextPaymentAt                   *string       `json:"next_payment_at"`
	PaymentInterval                 *intervalJSON `json:"payment_interval"`
	PaymentSchedule                 string        `json:"payment_schedule"`
	Type                            string        `json:"type"`
	UnitName                        *string       `json:"unit_name"`
	Count                           int           `json:"count"`
	MeteringIntervalType            string        `json:"metering_interval_type"`
	ChildrenUsageAggregation        string        `json:"children_usage_aggregation"`
	MeteringPeriodStartedAt         *string       `json:"metering_period_started_at"`
	MeteringPeriodEndsAt            *string       `json:"metering_period_ends_at"`
	Prices                          []priceJSON   `json:"prices"`
}

// MarshalJSON writes the keys of the product's type only.
func (p subscriptionProductJSON) MarshalJSON() ([]byte, error) {
	var o jsonObject
	o.add("id", p.ID)
	o.add("catalog_version_id", p.CatalogVersionID)
	o.add("name", p.Name)
	o.add("description", p.Description)
	o.add("description_display_interval_dates", p.DescriptionDisplayIntervalDates)
	o.add("attached_at", p.AttachedAt)
	o.add("detached_at", p.DetachedAt)
	o.add("current_period_started_at", p.CurrentPeriodStartedAt)
	o.add("current_period_ends_at", p.CurrentPeriodEndsAt)
	o.add("next_payment_at", p.NextPaymentAt)
	o.add("payment_interval", p.PaymentInterval)
	o.add("payment_schedule", p.PaymentSchedule)
	o.add("type", p.Type)
	switch p.Type {
	case "seat":
		o.add("unit_name", p.UnitName)
		o.add("count", p.Count)
	case "dynamic":
		o.add("unit_name", p.UnitName)
		o.add("min_committed_count", nil)
		o.add("min_amount", nil)
		o.add("max_amount", nil)
		o.add("metering_interval_type", p.MeteringIntervalType)
		o.add("metering_interval", nil)
		o.add("bill_usage_difference", false)
		o.add("children_usage_aggregation", p.ChildrenUsageAggregation)
		o.add("metering_period_started_at", p.MeteringPeriodStartedAt)
		o.add("metering_period_ends_at", p.MeteringPeriodEndsAt)
	default:
		o.add("count", p.Count)
	}
	o.add("prices", p.Prices)
	return o.bytes()
}

// couponJSON is a coupon applied to a subscription or a phase: the
// catalog coupon (amount or percent) and how it is applied.
type couponJSON struct {
	ID                   *string       `json:"id"`
	PromotionCodeID      *string       `json:"promotion_code_id"`
	Name                 *string       `json:"name"`
	SubscriptionCouponID string        `json:"subscription_coupon_id"`
	Description          *string       `json:"description"`
	ExpirationDate       *string       `json:"expiration_date"`
	RedemptionLimit      *int          `json:"redemption_limit"`
	Repeat               string        `json:"repeat"`
	Duration             *intervalJSON `json:"duration"`
	DurationPeriod       string        `json:"duration_period"`
	DurationCount        *int          `json:"duration_count"`
	CreatedAt            string        `json:"created_at"`
	Type                 string        `json:"type"` // amount, percent
	DiscountAmount       *int64        `json:"discount_amount"`
	Currency             *string       `json:"currency"`
	DiscountPercent      *float64      `json:"discount_percent"`
	ProductIDs           []string      `json:"product_ids"`
	ApplyAt              *string       `json:"apply_at"`
	ExpiresAt            *string       `json:"expires_at"`
}

// MarshalJSON writes the keys of the coupon's type only.
func (c couponJSON) MarshalJSON() ([]byte, error) {
	var o jsonObject
	o.add("id", c.ID)
	o.add("promotion_code_id", c.PromotionCodeID)
	o.add("name", c.Name)
	o.add("subscription_coupon_id", c.SubscriptionCouponID)
	o.add("description", c.Description)
	o.add("expiration_date", c.ExpirationDate)
	o.add("redemption_limit", c.RedemptionLimit)
	o.add("repeat", c.Repeat)
	o.add("duration", c.Duration)
	o.add("duration_period", c.DurationPeriod)
	o.add("duration_count", c.DurationCount)
	o.add("created_at", c.CreatedAt)
	o.add("type", c.Type)
	if c.Type == "amount" {
		o.add("discount_amount", c.DiscountAmount)
		o.add("currency", c.Currency)
	} else {
		o.add("discount_percent", c.DiscountPercent)
	}
	o.add("product_ids", c.ProductIDs)
	o.add("apply_at", c.ApplyAt)
	o.add("expires_at", c.ExpiresAt)
	return o.bytes()
}

// subscriptionJSON is a Subscription: a GET /v2/subscriptions item.
type subscriptionJSON struct {
	ID                      string                    `json:"id"`
	Name                    *string                   `json:"name"`
	Currency                string                    `json:"currency"`
	Status                  string                    `json:"status"`
	PurchaseOrder           *string                   `json:"purchase_order"`
	CustomerID              string                    `json:"customer_id"`
	InvoicingEntityID       *string                   `json:"invoicing_entity_id"`
	PlanID                  *string                   `json:"plan_id"`
	TemplateID              *string                   `json:"template_id"`
	CheckoutSessionID       *string                   `json:"checkout_session_id"`
	CRMOpportunityID        *string                   `json:"crm_opportunity_id"`
	MinimumInvoiceFee       *int64                    `json:"minimum_invoice_fee"`
	CommitmentInterval      *intervalJSON             `json:"commitment_interval"`
	RenewAutomatically      bool                      `json:"renew_automatically"`
	RenewFor                *intervalJSON             `json:"renew_for"`
	ActivationStrategy      string                    `json:"activation_strategy"`
	StartsAt                *string                   `json:"starts_at"`
	ContractStart           *string                   `json:"contract_start"`
	ContractEnd             *string                   `json:"contract_end"`
	InitialBillingAt        *string                   `json:"initial_billing_at"`
	PausedAt                *string                   `json:"paused_at"`
	ReactivateAt            *string                   `json:"reactivate_at"`
	CancelAt                *string                   `json:"cancel_at"`
	CancellationStrategy    string                    `json:"cancellation_strategy"`
	CancellationAmount      *int64                    `json:"cancellation_amount"`
	CancellationReason      *string                   `json:"cancellation_reason"`
	CancellationSource      string                    `json:"cancellation_source"`
	EstimatedARR            *int64                    `json:"estimated_arr"`
	ContractValue           *int64                    `json:"contract_value"`
	CurrentPeriodStartedAt  *string                   `json:"current_period_started_at"`
	CurrentPeriodEndsAt     *string                   `json:"current_period_ends_at"`
	NextPaymentAt           *string                   `json:"next_payment_at"`
	NextPaymentAmount       *int64                    `json:"next_payment_amount"`
	RenewsAt                *string                   `json:"renews_at"`
	CurrentPhaseID          *string                   `json:"current_phase_id"`
	DisplayShippingDetails  *bool                     `json:"display_shipping_details"`
	Properties              map[string]any            `json:"properties"`
	CustomProperties        map[string]any            `json:"custom_properties"`
	InvoiceSchedule         string                    `json:"invoice_schedule"`
	GenerateDocument        bool                      `json:"generate_document"`
	DocumentName            *string                   `json:"document_name"`
	AddTaxToDocument        bool                      `json:"add_tax_to_document"`
	GenerateDraftInvoices   bool                      `json:"generate_draft_invoices"`
	DoNotChargeSubscription bool                      `json:"do_not_charge_subscription"`
	InvoiceCustomNote       *string                   `json:"invoice_custom_note"`
	CreatedAt               string                    `json:"created_at"`
	UpdatedAt               string                    `json:"updated_at"`
	Products                []subscriptionProductJSON `json:"products"`
	Coupons                 []couponJSON              `json:"coupons"`
	Integrations            []integrationJSON         `json:"integrations"`
}

// phaseJSON is one of a subscription's phases.
type phaseJSON struct {
	ID                          string                    `json:"id"`
	Name                        *string                   `json:"name"`
	Type                        string                    `json:"type"`   // setup, trial, standard
	Status                      string                    `json:"status"` // pending, active, finished
	Order                       int                       `json:"order"`
	ActivationStrategy          string                    `json:"activation_strategy"`
	EndStrategy                 string                    `json:"end_strategy"`
	Duration                    *intervalJSON             `json:"duration"`
	BillingDateSetting          string                    `json:"billing_date_setting"`
	InitialBillingAt            *string                   `json:"initial_billing_at"`
	StartsAt                    *string                   `json:"starts_at"`
	EndsAt                      *string                   `json:"ends_at"`
	BillingCycleAlignment       string                    `json:"billing_cycle_alignment"`
	DoNotInvoicePhase           bool                      `json:"do_not_invoice_phase"`
	TransitionCalculationMethod string                    `json:"transition_calculation_method"`
	TransitionInvoicingSchedule string                    `json:"transition_invoicing_schedule"`
	Products                    []subscriptionProductJSON `json:"products"`
	Coupons                     []couponJSON              `json:"coupons"`
	CreatedAt                   string                    `json:"created_at"`
	UpdatedAt                   string                    `json:"updated_at"`
}

// namedRefJSON is a {id, name} reference (a subscription's plan).
type namedRefJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// quoteRefJSON is the quote a subscription came from.
type quoteRefJSON struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// templateRefJSON is the template a subscription was made from; the spec
// spells configurationId in camelCase.
type templateRefJSON struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	ConfigurationID string `json:"configurationId"`
}

// checkoutSessionJSON is a CheckoutSession.
type checkoutSessionJSON struct {
	ID                      string   `json:"id"`
	Status                  string   `json:"status"`
	AvailablePaymentMethods []string `json:"available_payment_methods"`
	RedirectURL             *string  `json:"redirect_url"`
	SendTo                  *struct {
		Email   string  `json:"email"`
		Message *string `json:"message"`
	} `json:"send_to"`
	URL string `json:"url"`
}

// contractTermsJSON is a subscription's contract terms.
type contractTermsJSON struct {
	Status                 string        `json:"status"`
	ActivationStrategy     string        `json:"activation_strategy"`
	EndStrategy            string        `json:"end_strategy"`
	StartsAt               *string       `json:"starts_at"`
	EndsAt                 *string       `json:"ends_at"`
	Duration               *intervalJSON `json:"duration"`
	RenewAutomatically     bool          `json:"renew_automatically"`
	RenewForDuration       *intervalJSON `json:"renew_for_duration"`
	CurrentPeriodStartedAt *string       `json:"current_period_started_at"`
	CurrentPeriodEndsAt    *string       `json:"current_period_ends_at"`
}

// subscriptionDetailsJSON is GET /v2/subscriptions/{id}.
type subscriptionDetailsJSON struct {
	subscriptionJSON
	Phases            []phaseJSON          `json:"phases"`
	Quote             *quoteRefJSON        `json:"quote"`
	Plan              *namedRefJSON        `json:"plan"`
	Template          *templateRefJSON     `json:"template"`
	CheckoutSession   *checkoutSessionJSON `json:"checkout_session"`
	PaymentMethodType string               `json:"payment_method_type"`
	PaymentMethod     *paymentMethodJSON   `json:"payment_method"`
	ContractTerms     *contractTermsJSON   `json:"contract_terms"`
}
