package hyperline

import (
	"encoding/json"
	"time"
)

// InvoiceStatus is the state of an invoice.
type InvoiceStatus string

// Documented invoice statuses.
const (
	InvoiceDraft               InvoiceStatus = "draft"
	InvoiceOpen                InvoiceStatus = "open"
	InvoiceToPay               InvoiceStatus = "to_pay"
	InvoiceGracePeriod         InvoiceStatus = "grace_period"
	InvoicePartiallyPaid       InvoiceStatus = "partially_paid"
	InvoicePaid                InvoiceStatus = "paid"
	InvoiceLate                InvoiceStatus = "late"
	InvoiceVoided              InvoiceStatus = "voided"
	InvoiceClosed              InvoiceStatus = "closed"
	InvoiceError               InvoiceStatus = "error" // all payment retries failed
	InvoiceMissingInfo         InvoiceStatus = "missing_info"
	InvoiceArchived            InvoiceStatus = "archived"
	InvoiceChargedOnParent     InvoiceStatus = "charged_on_parent"
	InvoicePendingParentConcat InvoiceStatus = "pending_parent_concat"
)

// InvoiceStatuses lists every documented invoice status.
func InvoiceStatuses() []InvoiceStatus {
	return []InvoiceStatus{InvoiceDraft, InvoiceOpen, InvoiceToPay, InvoiceGracePeriod,
		InvoicePartiallyPaid, InvoicePaid, InvoiceLate, InvoiceVoided, InvoiceClosed,
		InvoiceError, InvoiceMissingInfo, InvoiceArchived, InvoiceChargedOnParent,
		InvoicePendingParentConcat}
}

// Invoice types (the "type" field).
const (
	InvoiceTypeInvoice            = "invoice"     // legal invoice
	InvoiceTypeCreditNote         = "credit_note" // legal refund or cancellation
	InvoiceTypeDocument           = "document"    // non-legal summary
	InvoiceTypeChildInvoiceRef    = "child_invoice_ref"
	InvoiceTypeChildCreditNoteRef = "child_creditnote_ref"
)

// Invoice is an invoice or credit note (GET /v1/invoices[/{id}]). There is no
// paid_at field: SettledAt is the date it was fully paid.
type Invoice struct {
	ID           string        `json:"id"`
	Number       string        `json:"number"`
	Type         string        `json:"type"`
	DocumentName *string       `json:"document_name"`
	Status       InvoiceStatus `json:"status"`
	Currency     string        `json:"currency"`
	Reference    *string       `json:"reference"`

	// Amounts are integers in the currency's minor unit; TotalAmount includes tax.
	TotalAmount        int64    `json:"total_amount"`
	AmountDue          int64    `json:"amount_due"`
	AmountPaid         int64    `json:"amount_paid"`
	AmountExcludingTax int64    `json:"amount_excluding_tax"`
	TaxAmount          int64    `json:"tax_amount"`
	DiscountAmount     int64    `json:"discount_amount"`
	TaxRate            *float64 `json:"tax_rate"` // percent; v1 only

	Customer       InvoiceCustomer `json:"customer"`
	SubscriptionID *string         `json:"subscription_id"`

	EmittedAt      *time.Time `json:"emitted_at"`
	DueAt          *time.Time `json:"due_at"`
	SettledAt      *time.Time `json:"settled_at"`
	PeriodStartsAt *time.Time `json:"period_starts_at"`
	PeriodEndsAt   *time.Time `json:"period_ends_at"`
	UpdatedAt      *time.Time `json:"updated_at"`

	LineItems    []LineItem    `json:"line_items"`
	Transactions []Transaction `json:"transactions"`

	// Raw is the exact JSON object the API sent for this invoice.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes an invoice and keeps the original bytes in Raw.
func (inv *Invoice) UnmarshalJSON(b []byte) error {
	type alias Invoice
	return decodeKeepingRaw(b, (*alias)(inv), &inv.Raw)
}

// Total is the invoice total, tax included.
func (inv Invoice) Total() Money { return Money{Amount: inv.TotalAmount, Currency: inv.Currency} }

// Due is the amount still to pay.
func (inv Invoice) Due() Money { return Money{Amount: inv.AmountDue, Currency: inv.Currency} }

// Paid is the amount already paid.
func (inv Invoice) Paid() Money { return Money{Amount: inv.AmountPaid, Currency: inv.Currency} }

// InvoiceCustomer is the customer snapshot embedded in an invoice.
type InvoiceCustomer struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Email      *string  `json:"email"`
	ExternalID *string  `json:"external_id"`
	TaxID      *string  `json:"tax_id"`
	Address    *Address `json:"address"`
}

// LineItem is one line of an invoice. Amounts are in minor units.
type LineItem struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	EntryType   string  `json:"entry_type"` // debit, credit
	ProductID   *string `json:"product_id"`
	ProductType *string `json:"product_type"` // flat_fee, seat, dynamic
	UnitsCount  float64 `json:"units_count"`
	// Not documented: whether unit_amount can be fractional for usage prices;
	// a float keeps one odd line from failing the whole invoice.
	UnitAmount         float64  `json:"unit_amount"`
	Amount             int64    `json:"amount"`
	AmountExcludingTax int64    `json:"amount_excluding_tax"`
	TaxRate            float64  `json:"tax_rate"`
	TaxAmount          int64    `json:"tax_amount"`
	DiscountAmount     int64    `json:"discount_amount"`
	DiscountPercent    *float64 `json:"discount_percent"`
}

// Transaction is a payment, charge or refund attached to an invoice.
type Transaction struct {
	ID                string     `json:"id"`
	Type              string     `json:"type"` // subscription, one_time, refund
	Status            string     `json:"status"`
	Amount            int64      `json:"amount"`
	Currency          string     `json:"currency"`
	CustomerID        string     `json:"customer_id"`
	ProviderID        *string    `json:"provider_id"`
	PaymentMethodType *string    `json:"payment_method_type"`
	ProcessAt         *time.Time `json:"process_at"`
	RefundedAt        *time.Time `json:"refunded_at"`
	ErrorType         *string    `json:"error_type"`
	ErrorMessage      *string    `json:"error_message"`
}

// Money is the transaction amount in its currency.
func (t Transaction) Money() Money { return Money{Amount: t.Amount, Currency: t.Currency} }
