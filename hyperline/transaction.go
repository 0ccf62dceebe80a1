package hyperline

import (
	"encoding/json"
	"strings"
	"time"
)

// Transaction statuses; a failed one carries ErrorType and ErrorMessage.
const (
	TransactionScheduled = "scheduled"
	TransactionToProcess = "to_process"
	TransactionPending   = "pending"
	TransactionSettled   = "settled"
	TransactionCancelled = "cancelled"
	TransactionFailed    = "failed"
)

// Transaction is a payment, refund or chargeback, as embedded in an
// invoice's transactions.
type Transaction struct {
	ID                    string     `json:"id"`
	Type                  string     `json:"type"` // subscription, one_time, refund, chargeback
	Status                string     `json:"status"`
	Amount                Amount     `json:"amount"`
	Currency              string     `json:"currency"`
	CustomerID            string     `json:"customer_id"`
	ProcessAt             *time.Time `json:"process_at"`
	SettledAt             *time.Time `json:"settled_at"`
	RefundedAt            *time.Time `json:"refunded_at"`
	OriginalTransactionID *string    `json:"original_transaction_id"`
	ErrorType             *string    `json:"error_type"`
	ErrorMessage          *string    `json:"error_message"`

	// PaymentMethodType says how it was paid; PaymentMethod is set for
	// cards and direct debits, WalletID for wallet payments.
	PaymentMethodType string         `json:"payment_method_type"`
	PaymentMethod     *PaymentMethod `json:"payment_method"`
	WalletID          *string        `json:"wallet_id"`
}

// ListedTransaction is a GET /v1/transactions item: a transaction and the
// invoices it went to (an invoice's own transactions carry no
// allocations).
type ListedTransaction struct {
	Transaction
	Allocations []Allocation `json:"allocations"`

	// Raw is the exact JSON object the API sent (GET /v1/transactions/{id}).
	Raw json.RawMessage `json:"-"`
}

func (t *ListedTransaction) setRaw(b json.RawMessage) { t.Raw = b }

// Allocation is the part of a transaction that went to one invoice.
type Allocation struct {
	InvoiceID string `json:"invoice_id"`
	Amount    Amount `json:"amount"`
}

// InvoiceID is the invoice the transaction paid (its first allocation),
// "" when it names none.
func (t ListedTransaction) InvoiceID() string {
	for _, a := range t.Allocations {
		if a.InvoiceID != "" {
			return a.InvoiceID
		}
	}
	return ""
}

// Money is the transaction amount in its currency.
func (t Transaction) Money() Money { return t.Amount.In(t.Currency) }

// MethodLabel is how the transaction was paid: "Visa •••• 4242",
// "Bank transfer", "Wallet".
func (t Transaction) MethodLabel() string {
	if t.PaymentMethod != nil {
		return t.PaymentMethod.Label()
	}
	return PaymentTypeLabel(t.PaymentMethodType)
}

// FailureReason is a failed transaction's error type in plain words
// ("insufficient funds"), "" when it did not fail.
func (t Transaction) FailureReason() string {
	if t.Status != TransactionFailed {
		return ""
	}
	if t.ErrorType == nil || *t.ErrorType == "" {
		return "unknown reason"
	}
	return PaymentErrorLabel(*t.ErrorType)
}

// PaymentErrorLabel says a payment error type in a few plain words.
func PaymentErrorLabel(errorType string) string {
	switch errorType {
	case "authentication_required":
		return "needs 3-D Secure"
	case "declined", "payment_method_declined":
		return "declined"
	case "fraud":
		return "suspected fraud"
	case "insufficient_funds":
		return "insufficient funds"
	case "mandate_invalid":
		return "mandate invalid"
	case "payment_method_authorization_error", "authorization_error":
		return "not authorised"
	case "payment_method_expired", "expired":
		return "expired"
	case "payment_method_invalid", "invalid":
		return "invalid method"
	case "payment_method_not_supported", "not_supported":
		return "method not supported"
	case "processing_error":
		return "processing error"
	case "provider_error":
		return "provider error"
	case "unknown":
		return "unknown reason"
	}
	return strings.ReplaceAll(errorType, "_", " ")
}
