package simulator

type priceJSON struct {
	Type   string `json:"type"`
	Amount int64  `json:"amount"`
}

type subscriptionProductJSON struct {
	ID                              string       `json:"id"`
	Name                            string       `json:"name"`
	Description                     *string      `json:"description"`
	DescriptionDisplayIntervalDates bool         `json:"description_display_interval_dates"`
	AttachedAt                      string       `json:"attached_at"`
	DetachedAt                      *string      `json:"detached_at"`
	CurrentPeriodStartedAt          *string      `json:"current_period_started_at"`
	CurrentPeriodEndsAt             *string      `json:"current_period_ends_at"`
	NextPaymentAt                   *string      `json:"next_payment_at"`
	PaymentInterval                 intervalJSON `json:"payment_interval"`
	PaymentSchedule                 string       `json:"payment_schedule"`
	Type                            string       `json:"type"`
	Count                           int          `json:"count"`
	Prices                          []priceJSON  `json:"prices"`
}

type couponJSON struct {
	ID              string   `json:"id"`
	Name            string   `json:"name"`
	Description     *string  `json:"description"`
	ExpirationDate  *string  `json:"expiration_date"`
	RedemptionLimit *int     `json:"redemption_limit"`
	CreatedAt       string   `json:"created_at"`
	Type            string   `json:"type"`
	DiscountAmount  *int64   `json:"discount_amount"`
	DiscountPercent *float64 `json:"discount_percent"`
	Currency        *string  `json:"currency"`
	Repeat          string   `json:"repeat"`
	ProductIDs      []string `json:"product_ids"`
}

// subscriptionJSON is a GET /v2/subscriptions item and single subscription.
type subscriptionJSON struct {
	ID                     string                    `json:"id"`
	Name                   string                    `json:"name"`
	Currency               string                    `json:"currency"`
	Status                 string                    `json:"status"`
	PurchaseOrder          *string                   `json:"purchase_order"`
	CustomerID             string                    `json:"customer_id"`
	InvoicingEntityID      string                    `json:"invoicing_entity_id"`
	PlanID                 *string                   `json:"plan_id"`
	TemplateID             *string                   `json:"template_id"`
	CheckoutSessionID      *string                   `json:"checkout_session_id"`
	CRMOpportunityID       *string                   `json:"crm_opportunity_id"`
	MinimumInvoiceFee      int64                     `json:"minimum_invoice_fee"`
	CommitmentInterval     *intervalJSON             `json:"commitment_interval"`
	RenewAutomatically     bool                      `json:"renew_automatically"`
	RenewFor               *intervalJSON             `json:"renew_for"`
	ActivationStrategy     string                    `json:"activation_strategy"`
	StartsAt               *string                   `json:"starts_at"`
	ContractStart          *string                   `json:"contract_start"`
	ContractEnd            *string                   `json:"contract_end"`
	InitialBillingAt       *string                   `json:"initial_billing_at"`
	PausedAt               *string                   `json:"paused_at"`
	ReactivateAt           *string                   `json:"reactivate_at"`
	CancelAt               *string                   `json:"cancel_at"`
	CancellationStrategy   *string                   `json:"cancellation_strategy"`
	CancellationAmount     *int64                    `json:"cancellation_amount"`
	CancellationReason     *string                   `json:"cancellation_reason"`
	EstimatedARR           int64                     `json:"estimated_arr"`
	ContractValue          int64                     `json:"contract_value"`
	CurrentPeriodStartedAt *string                   `json:"current_period_started_at"`
	CurrentPeriodEndsAt    *string                   `json:"current_period_ends_at"`
	NextPaymentAt          *string                   `json:"next_payment_at"`
	NextPaymentAmount      int64                     `json:"next_payment_amount"`
	RenewsAt               *string                   `json:"renews_at"`
	TrialEndsAt            *string                   `json:"trial_ends_at"`
	CurrentPhaseID         *string                   `json:"current_phase_id"`
	DisplayShippingDetails bool                      `json:"display_shipping_details"`
	Properties             map[string]any            `json:"properties"`
	CustomProperties       map[string]any            `json:"custom_properties"`
	InvoiceSchedule        string                    `json:"invoice_schedule"`
	GenerateDocument       bool                      `json:"generate_document"`
	AddTaxToDocument       bool                      `json:"add_tax_to_document"`
	GenerateDraftInvoices  bool                      `json:"generate_draft_invoices"`
	DocumentName           *string                   `json:"document_name"`
	InvoiceCustomNote      *string                   `json:"invoice_custom_note"`
	CreatedAt              string                    `json:"created_at"`
	UpdatedAt              string                    `json:"updated_at"`
	Products               []subscriptionProductJSON `json:"products"`
	Coupons                []couponJSON              `json:"coupons"`
}
