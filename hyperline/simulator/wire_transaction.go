package simulator

// providerFeeJSON is what the payment provider kept.
type providerFeeJSON struct {
	Amount       int64    `json:"amount"`
	Currency     string   `json:"currency"`
	ExchangeRate *float64 `json:"exchange_rate"`
}

// chargebackInfoJSON is the deprecated chargeback summary an invoice's
// transaction carries.
type chargebackInfoJSON struct {
	Amount           int64  `json:"amount"`
	LastChargebackAt string `json:"last_chargeback_at"`
}

// allocationJSON is the part of a transaction that went to one invoice.
type allocationJSON struct {
	InvoiceID string `json:"invoice_id"`
	Amount    int64  `json:"amount"`
}

// txRecord is a transaction: a payment (subscription, one_time), a refund
// or a chargeback, paid by card or direct debit (payment_method), by
// transfer (bank_account), from a wallet (wallet_id) or externally. It is
// written in two shapes: as an invoice's transactions[] item
// (invoiceTransactionJSON) and as GET /v1/transactions (transactionJSON).
type txRecord struct {
	ID                    string              `json:"id"`
	Type                  string              `json:"type"`
	Amount                int64               `json:"amount"`
	Currency              string              `json:"currency"`
	CustomerID            string              `json:"customer_id"`
	ProviderID            *string             `json:"provider_id"`
	ProcessAt             string              `json:"process_at"`
	SettledAt             *string             `json:"settled_at"`
	RefundedAt            *string             `json:"refunded_at"`
	OriginalTransactionID *string             `json:"original_transaction_id"`
	ReversedAt            *string             `json:"reversed_at"`
	LastRefreshedAt       *string             `json:"last_refreshed_at"`
	ProviderFee           *providerFeeJSON    `json:"provider_fee"`
	Chargeback            *chargebackInfoJSON `json:"chargeback"`
	Integrations          []integrationJSON   `json:"integrations"`
	Allocations           []allocationJSON    `json:"allocations"`
	PaymentMethodType     string              `json:"payment_method_type"`
	PaymentMethod         *paymentMethodJSON  `json:"payment_method"`
	BankAccount           *bankAccountJSON    `json:"bank_account"`
	WalletID              *string             `json:"wallet_id"`
	Status                string              `json:"status"`
	ErrorType             *string             `json:"error_type"`
	ErrorMessage          *string             `json:"error_message"`
}

// invoiceTransactionJSON is an invoice's transactions[] item: every base
// field (refund, chargeback and reversal ones included), no allocations.
type invoiceTransactionJSON txRecord

// transactionJSON is a GET /v1/transactions item: the fields of its type
// (Payment, Refund or Chargeback) and its allocations.
type transactionJSON txRecord

// MarshalJSON writes the invoice-embedded shape.
func (t invoiceTransactionJSON) MarshalJSON() ([]byte, error) {
	var o jsonObject
	rec := txRecord(t)
	rec.writeBase(&o)
	o.add("settled_at", t.SettledAt)
	o.add("refunded_at", t.RefundedAt)
	o.add("original_transaction_id", t.OriginalTransactionID)
	o.add("reversed_at", t.ReversedAt)
	o.add("last_refreshed_at", t.LastRefreshedAt)
	o.add("provider_fee", t.ProviderFee)
	o.add("chargeback", t.Chargeback)
	o.add("integrations", t.Integrations)
	rec.writeVariants(&o)
	return o.bytes()
}

// MarshalJSON writes the Payment, Refund or Chargeback shape.
func (t transactionJSON) MarshalJSON() ([]byte, error) {
	var o jsonObject
	rec := txRecord(t)
	rec.writeBase(&o)
	o.add("settled_at", t.SettledAt)
	switch t.Type {
	case "refund":
		o.add("original_transaction_id", t.OriginalTransactionID)
	case "chargeback":
		o.add("original_transaction_id", t.OriginalTransactionID)
		o.add("reversed_at", t.ReversedAt)
	default:
		o.add("refunded_at", t.RefundedAt)
	}
	o.add("last_refreshed_at", t.LastRefreshedAt)
	o.add("provider_fee", t.ProviderFee)
	o.add("integrations", t.Integrations)
	allocations := t.Allocations
	if allocations == nil {
		allocations = []allocationJSON{}
	}
	o.add("allocations", allocations)
	rec.writeVariants(&o)
	return o.bytes()
}

// writeBase writes the fields every shape starts with.
func (t txRecord) writeBase(o *jsonObject) {
	o.add("id", t.ID)
	o.add("type", t.Type)
	o.add("amount", t.Amount)
	o.add("currency", t.Currency)
	o.add("customer_id", t.CustomerID)
	o.add("provider_id", t.ProviderID)
	o.add("process_at", t.ProcessAt)
}

// writeVariants writes the payment-method and status variants.
func (t txRecord) writeVariants(o *jsonObject) {
	o.add("payment_method_type", t.PaymentMethodType)
	switch t.PaymentMethodType {
	case "card", "direct_debit", "direct_debit_ach", "direct_debit_bacs":
		o.add("payment_method", t.PaymentMethod)
	case "transfer", "transfer_automated":
		o.add("bank_account", t.BankAccount)
	case "wallet":
		o.add("wallet_id", t.WalletID)
	}
	o.add("status", t.Status)
	if t.Status == "failed" {
		o.add("error_type", t.ErrorType)
		o.add("error_message", t.ErrorMessage)
	}
}
