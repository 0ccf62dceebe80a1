package simulator

// invoiceCustomerJSON is the customer an invoice is addressed to (v2).
type invoiceCustomerJSON struct {
	ID             string      `json:"id"`
	Name           string      `json:"name"`
	Email          *string     `json:"email"`
	ExternalID     *string     `json:"external_id"`
	TaxID          *string     `json:"tax_id"`
	LocalTaxNumber *string     `json:"local_tax_number"`
	Address        addressJSON `json:"address"`
}

// invoiceCustomerV1JSON is the v1 invoice's customer: v2's plus the
// deprecated vat_number.
type invoiceCustomerV1JSON struct {
	invoiceCustomerJSON
	VATNumber *string `json:"vat_number"`
}

type sellerJSON struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	TaxID   *string     `json:"tax_id"`
	Address addressJSON `json:"address"`
}

// lineItemJSON is an InvoiceLineItem.
type lineItemJSON struct {
	ID                    string   `json:"id"`
	Name                  string   `json:"name"`
	EntryType             string   `json:"entry_type"`
	ProductID             *string  `json:"product_id"`
	ProductType           *string  `json:"product_type"`
	UnitsCount            float64  `json:"units_count"`
	UnitAmount            int64    `json:"unit_amount"`
	Amount                int64    `json:"amount"`
	AmountExcludingTax    int64    `json:"amount_excluding_tax"`
	TaxRate               float64  `json:"tax_rate"`
	TaxRateID             *string  `json:"tax_rate_id"`
	TaxAmount             int64    `json:"tax_amount"`
	DiscountAmount        int64    `json:"discount_amount"`
	DiscountPercent       *float64 `json:"discount_percent"`
	PeriodStartsAt        *string  `json:"period_starts_at"`
	PeriodEndsAt          *string  `json:"period_ends_at"`
	RevenueType           *string  `json:"revenue_type"`
	RevenueIntervalCount  *int     `json:"revenue_interval_count"`
	RevenueIntervalPeriod *string  `json:"revenue_interval_period"`
	DisplayUnitAmount     bool     `json:"display_unit_amount"`
	DisplayServicePeriod  bool     `json:"display_service_period"`
	OriginalLineItemID    *string  `json:"original_line_item_id"`
}

// invoiceCouponJSON is an InvoiceCoupon.
type invoiceCouponJSON struct {
	ID              *string  `json:"id"`
	Name            *string  `json:"name"`
	DiscountAmount  *int64   `json:"discount_amount"`
	DiscountPercent *float64 `json:"discount_percent"`
	LineItemIDs     []string `json:"line_item_ids"`
}

// displayFieldJSON is one of an invoice's additional_display_fields.
type displayFieldJSON struct {
	Type  string `json:"type"`
	Field string `json:"field"`
}

// invoiceCommonJSON holds what the v1 (InvoiceDeprecated) and v2
// (Invoice) invoices share.
type invoiceCommonJSON struct {
	ID                      string                   `json:"id"`
	Number                  string                   `json:"number"`
	Type                    string                   `json:"type"`
	DocumentName            *string                  `json:"document_name"`
	Status                  string                   `json:"status"`
	Reference               *string                  `json:"reference"`
	PurchaseOrder           *string                  `json:"purchase_order"`
	Currency                string                   `json:"currency"`
	Source                  string                   `json:"source"`
	TotalAmount             int64                    `json:"total_amount"`
	AmountDue               int64                    `json:"amount_due"`
	AmountPaid              int64                    `json:"amount_paid"`
	AmountFixed             int64                    `json:"amount_fixed"`
	AmountExcludingTax      int64                    `json:"amount_excluding_tax"`
	TaxAmount               int64                    `json:"tax_amount"`
	TaxScheme               string                   `json:"tax_scheme"`
	DiscountAmount          int64                    `json:"discount_amount"`
	ConversionRate          *float64                 `json:"conversion_rate"`
	ConvertedAmount         *int64                   `json:"converted_amount"`
	ConvertedAt             *string                  `json:"converted_at"`
	PaymentMethodID         *string                  `json:"payment_method_id"`
	BankAccountID           *string                  `json:"bank_account_id"`
	CustomNote              *string                  `json:"custom_note"`
	AdditionalInfo          *string                  `json:"additional_info"`
	Footer                  *string                  `json:"footer"`
	Seller                  sellerJSON               `json:"seller"`
	SubscriptionID          *string                  `json:"subscription_id"`
	PeriodStartsAt          *string                  `json:"period_starts_at"`
	PeriodEndsAt            *string                  `json:"period_ends_at"`
	DueAt                   string                   `json:"due_at"`
	RefundedAt              *string                  `json:"refunded_at"`
	GracePeriodEndedAt      *string                  `json:"grace_period_ended_at"`
	SettledAt               *string                  `json:"settled_at"`
	UpdatedAt               *string                  `json:"updated_at"`
	Properties              map[string]any           `json:"properties"`
	CustomProperties        map[string]any           `json:"custom_properties"`
	AdditionalDisplayFields []displayFieldJSON       `json:"additional_display_fields"`
	OriginalInvoiceID       *string                  `json:"original_invoice_id"`
	OriginalInvoiceNumber   *string                  `json:"original_invoice_number"`
	LineItems               []lineItemJSON           `json:"line_items"`
	Coupons                 []invoiceCouponJSON      `json:"coupons"`
	Transactions            []invoiceTransactionJSON `json:"transactions"`
	PublicURL               string                   `json:"public_url"`
}

// invoiceJSON is the v2 invoice (Invoice): GET /v2/invoices items.
type invoiceJSON struct {
	invoiceCommonJSON
	Customer invoiceCustomerJSON `json:"customer"`
	IssuedAt string              `json:"issued_at"`
}

// invoiceDetailsJSON is GET /v2/invoices/{id} (InvoiceDetails).
type invoiceDetailsJSON struct {
	invoiceJSON
	Integrations []integrationJSON `json:"integrations"`
}

// invoiceV1JSON is the deprecated v1 invoice (InvoiceDeprecated): GET
// /v1/invoices items. It has tax_rate and emitted_at where v2 has
// issued_at, and the customer's vat_number.
type invoiceV1JSON struct {
	invoiceCommonJSON
	Customer  invoiceCustomerV1JSON `json:"customer"`
	TaxRate   float64               `json:"tax_rate"`
	EmittedAt string                `json:"emitted_at"`
}

// invoiceDetailsV1JSON is GET /v1/invoices/{id} (InvoiceDetailsV1).
type invoiceDetailsV1JSON struct {
	invoiceV1JSON
	Integrations []integrationJSON `json:"integrations"`
}
