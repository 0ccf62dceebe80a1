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

type invoiceCustomerJSON struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"`
	Email      *string     `json:"email"`
	ExternalID *string     `json:"external_id"`
	VATNumber  *string     `json:"vat_number"`
	TaxID      *string     `json:"tax_id"`
	Address    addressJSON `json:"address"`
}

type sellerJSON struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	TaxID   *string     `json:"tax_id"`
	Address addressJSON `json:"address"`
}

type lineItemJSON struct {
	ID                 string   `json:"id"`
	Name               string   `json:"name"`
	Description        *string  `json:"description"`
	EntryType          string   `json:"entry_type"`
	ProductID          *string  `json:"product_id"`
	ProductType        *string  `json:"product_type"`
	UnitsCount         float64  `json:"units_count"`
	UnitAmount         int64    `json:"unit_amount"`
	Amount             int64    `json:"amount"`
	AmountExcludingTax int64    `json:"amount_excluding_tax"`
	TaxRate            float64  `json:"tax_rate"`
	TaxAmount          int64    `json:"tax_amount"`
	DiscountAmount     int64    `json:"discount_amount"`
	DiscountPercent    *float64 `json:"discount_percent"`
	PeriodStart        *string  `json:"period_start"`
	PeriodEnd          *string  `json:"period_end"`
}

type transactionJSON struct {
	ID                string  `json:"id"`
	Type              string  `json:"type"`
	Amount            int64   `json:"amount"`
	Currency          string  `json:"currency"`
	CustomerID        string  `json:"customer_id"`
	ProviderID        *string `json:"provider_id"`
	ProcessAt         string  `json:"process_at"`
	RefundedAt        *string `json:"refunded_at"`
	LastRefreshedAt   *string `json:"last_refreshed_at"`
	PaymentMethodType string  `json:"payment_method_type"`
	PaymentMethod     *string `json:"payment_method"`
	Status            string  `json:"status"`
	ErrorType         *string `json:"error_type"`
	ErrorMessage      *string `json:"error_message"`
}

type invoiceCouponJSON struct {
	ID              string   `json:"id"`
	Name            string   `json:"name"`
	DiscountAmount  int64    `json:"discount_amount"`
	DiscountPercent *float64 `json:"discount_percent"`
	LineItemsIDs    []string `json:"line_items_ids"`
}

// invoiceJSON is the v1 invoice (list item and single).
type invoiceJSON struct {
	ID                    string              `json:"id"`
	Number                string              `json:"number"`
	Type                  string              `json:"type"`
	DocumentName          *string             `json:"document_name"`
	Status                string              `json:"status"`
	Reference             *string             `json:"reference"`
	PurchaseOrder         *string             `json:"purchase_order"`
	OriginalInvoiceID     *string             `json:"original_invoice_id"`
	OriginalInvoiceNumber *string             `json:"original_invoice_number"`
	Currency              string              `json:"currency"`
	Source                string              `json:"source"`
	TotalAmount           int64               `json:"total_amount"`
	AmountDue             int64               `json:"amount_due"`
	AmountPaid            int64               `json:"amount_paid"`
	AmountFixed           int64               `json:"amount_fixed"`
	AmountExcludingTax    int64               `json:"amount_excluding_tax"`
	TaxRate               float64             `json:"tax_rate"`
	TaxAmount             int64               `json:"tax_amount"`
	TaxScheme             string              `json:"tax_scheme"`
	DiscountAmount        int64               `json:"discount_amount"`
	ConversionRate        *float64            `json:"conversion_rate"`
	ConvertedAmount       int64               `json:"converted_amount"`
	ConvertedAt           *string             `json:"converted_at"`
	PaymentMethodID       *string             `json:"payment_method_id"`
	BankAccountID         *string             `json:"bank_account_id"`
	AttemptCount          int                 `json:"attempt_count"`
	CustomNote            *string             `json:"custom_note"`
	AdditionalInfo        *string             `json:"additional_info"`
	Footer                *string             `json:"footer"`
	Customer              invoiceCustomerJSON `json:"customer"`
	Seller                sellerJSON          `json:"seller"`
	SubscriptionID        *string             `json:"subscription_id"`
	PeriodStartsAt        *string             `json:"period_starts_at"`
	PeriodEndsAt          *string             `json:"period_ends_at"`
	EmittedAt             *string             `json:"emitted_at"`
	DueAt                 *string             `json:"due_at"`
	RefundedAt            *string             `json:"refunded_at"`
	GracePeriodEndedAt    *string             `json:"grace_period_ended_at"`
	SettledAt             *string             `json:"settled_at"`
	UpdatedAt             *string             `json:"updated_at"`
	Properties            map[string]any      `json:"properties"`
	Transactions          []transactionJSON   `json:"transactions"`
	LineItems             []lineItemJSON      `json:"line_items"`
	Coupons               []invoiceCouponJSON `json:"coupons"`
}
