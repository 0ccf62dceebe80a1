package hyperline

import (
	"encoding/json"
	"time"
)

// InvoiceStatus is the state of an invoice (the spec's response enum).
type InvoiceStatus string

// Invoice statuses, in the spec's order.
const (
	InvoiceDraft                InvoiceStatus = "draft"
	InvoicePendingApproval      InvoiceStatus = "pending_approval"
	InvoiceChangesRequested     InvoiceStatus = "changes_requested"
	InvoiceOpen                 InvoiceStatus = "open"
	InvoiceToPay                InvoiceStatus = "to_pay"
	InvoiceGracePeriod          InvoiceStatus = "grace_period"
	InvoicePartiallyPaid        InvoiceStatus = "partially_paid"
	InvoicePaid                 InvoiceStatus = "paid"
	InvoiceVoided               InvoiceStatus = "voided"
	InvoiceClosed               InvoiceStatus = "closed"
	InvoiceError                InvoiceStatus = "error" // all payment retries failed
	InvoiceMissingInfo          InvoiceStatus = "missing_info"
	InvoiceArchived             InvoiceStatus = "archived"
	InvoiceChargedOnParent      InvoiceStatus = "charged_on_parent"
	InvoicePendingParentConcat  InvoiceStatus = "pending_parent_concat"
	InvoicePendingConsolidation InvoiceStatus = "pending_consolidation"
	InvoiceConsolidated         InvoiceStatus = "consolidated"
	InvoiceUncollectible        InvoiceStatus = "uncollectible"
)

// InvoiceStatuses lists every invoice status of the spec's response enum.
func InvoiceStatuses() []InvoiceStatus {
	return []InvoiceStatus{InvoiceDraft, InvoicePendingApproval, InvoiceChangesRequested,
		InvoiceOpen, InvoiceToPay, InvoiceGracePeriod, InvoicePartiallyPaid, InvoicePaid,
		InvoiceVoided, InvoiceClosed, InvoiceError, InvoiceMissingInfo, InvoiceArchived,
		InvoiceChargedOnParent, InvoicePendingParentConcat, InvoicePendingConsolidation,
		InvoiceConsolidated, InvoiceUncollectible}
}

// Invoice status filter values that are not statuses: the status
// parameter of the invoice lists also takes these. By default the lists
// leave out open invoices.
const (
	InvoiceFilterAll         = "all"
	InvoiceFilterLate        = "late"
	InvoiceFilterOutstanding = "outstanding"
	InvoiceFilterToReconcile = "to_reconcile"
	InvoiceFilterFinalized   = "finalized"
	InvoiceFilterRefunded    = "refunded"
)

// Invoice types (the "type" field).
const (
	InvoiceTypeInvoice            = "invoice"     // legal invoice
	InvoiceTypeCreditNote         = "credit_note" // legal refund or cancellation
	InvoiceTypeDocument           = "document"    // non-legal summary
	InvoiceTypeChildInvoiceRef    = "child_invoice_ref"
	InvoiceTypeChildCreditNoteRef = "child_creditnote_ref"
)

// Invoice is an invoice or credit note (GET /v2/invoices[/{id}]). There is
// no paid_at field: SettledAt is the date it was fully paid.
type Invoice struct {
	ID           string        `json:"id"`
	Number       string        `json:"number"`
	Type         string        `json:"type"`
	DocumentName *string       `json:"document_name"`
	Status       InvoiceStatus `json:"status"`
	Currency     string        `json:"currency"`
	Reference    *string       `json:"reference"`

	// Amounts are in the currency's minor unit; TotalAmount includes tax.
	TotalAmount        Amount `json:"total_amount"`
	AmountDue          Amount `json:"amount_due"`
	AmountPaid         Amount `json:"amount_paid"`
	AmountExcludingTax Amount `json:"amount_excluding_tax"`
	TaxAmount          Amount `json:"tax_amount"`
	DiscountAmount     Amount `json:"discount_amount"`
	// ConvertedAmount is the total converted at ConversionRate, nil when
	// not converted. Not documented: into which currency (the company's,
	// by every sign), which no field names.
	ConvertedAmount *Amount `json:"converted_amount"`

	Customer       InvoiceCustomer `json:"customer"`
	SubscriptionID *string         `json:"subscription_id"`
	// OriginalInvoiceID and OriginalInvoiceNumber link a credit note to the
	// invoice it refunds.
	OriginalInvoiceID     *string `json:"original_invoice_id"`
	OriginalInvoiceNumber *string `json:"original_invoice_number"`
	// PublicURL is the invoice's public page, where the customer can pay it.
	PublicURL string `json:"public_url"`

	IssuedAt       *time.Time `json:"issued_at"`
	DueAt          *time.Time `json:"due_at"`
	SettledAt      *time.Time `json:"settled_at"`
	RefundedAt     *time.Time `json:"refunded_at"`
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

func (inv *Invoice) setRaw(b json.RawMessage) { inv.Raw = b }

// Total is the invoice total, tax included.
func (inv Invoice) Total() Money { return inv.TotalAmount.In(inv.Currency) }

// Due is the amount still to pay.
func (inv Invoice) Due() Money { return inv.AmountDue.In(inv.Currency) }

// Paid is the amount already paid.
func (inv Invoice) Paid() Money { return inv.AmountPaid.In(inv.Currency) }

// Overdue reports whether money is still owed past the due date at now.
func (inv Invoice) Overdue(now time.Time) bool {
	return inv.AmountDue > 0 && inv.DueAt != nil && inv.DueAt.Before(now) &&
		inv.Status != InvoiceDraft && inv.Status != InvoiceVoided
}

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
	EntryType   string  `json:"entry_type"` // debit, credit
	ProductID   *string `json:"product_id"`
	ProductType *string `json:"product_type"` // flat_fee, seat, dynamic, credit, bundle
	UnitsCount  float64 `json:"units_count"`
	// UnitAmount may be fractional (usage prices), so it stays a float.
	UnitAmount         float64    `json:"unit_amount"`
	Amount             Amount     `json:"amount"`
	AmountExcludingTax Amount     `json:"amount_excluding_tax"`
	TaxRate            float64    `json:"tax_rate"`
	TaxAmount          Amount     `json:"tax_amount"`
	DiscountAmount     Amount     `json:"discount_amount"`
	DiscountPercent    *float64   `json:"discount_percent"`
	PeriodStartsAt     *time.Time `json:"period_starts_at"`
	PeriodEndsAt       *time.Time `json:"period_ends_at"`
}
