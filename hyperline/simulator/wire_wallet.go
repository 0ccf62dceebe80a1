package simulator

// amountJSON is {amount}.
type amountJSON struct {
	Amount int64 `json:"amount"`
}

// walletJSON is a Wallet, with or without auto-load.
type walletJSON struct {
	ID                           string        `json:"id"`
	CustomerID                   string        `json:"customer_id"`
	State                        string        `json:"state"` // active, paused
	Currency                     string        `json:"currency"`
	Balance                      amountJSON    `json:"balance"`
	ProjectedBalance             amountJSON    `json:"projected_balance"`
	CreatedAt                    string        `json:"created_at"`
	LowProjectedBalanceThreshold *int64        `json:"low_projected_balance_threshold"`
	IsAutoLoadEnabled            bool          `json:"is_auto_load_enabled"`
	AutoLoadType                 string        `json:"auto_load_type"` // free, paid
	AutoLoadAmount               int64         `json:"auto_load_amount"`
	AutoLoadReset                bool          `json:"auto_load_reset"`
	AutoLoadInterval             *intervalJSON `json:"auto_load_interval"`
	AutoLoadNextDate             string        `json:"auto_load_next_date"`
}

// MarshalJSON writes the auto-load keys only when auto-load is on (the
// interval variant).
func (w walletJSON) MarshalJSON() ([]byte, error) {
	var o jsonObject
	o.add("id", w.ID)
	o.add("customer_id", w.CustomerID)
	o.add("state", w.State)
	o.add("currency", w.Currency)
	o.add("balance", w.Balance)
	o.add("projected_balance", w.ProjectedBalance)
	o.add("created_at", w.CreatedAt)
	o.add("low_projected_balance_threshold", w.LowProjectedBalanceThreshold)
	o.add("is_auto_load_enabled", w.IsAutoLoadEnabled)
	if w.IsAutoLoadEnabled {
		o.add("auto_load_type", w.AutoLoadType)
		o.add("auto_load_amount", w.AutoLoadAmount)
		o.add("auto_load_reset", w.AutoLoadReset)
		o.add("auto_load_interval", w.AutoLoadInterval)
		o.add("auto_load_next_date", w.AutoLoadNextDate)
	}
	return o.bytes()
}

// fundingSourceJSON is the credit a wallet debit drew on.
type fundingSourceJSON struct {
	WalletTransactionID string  `json:"wallet_transaction_id"`
	Type                string  `json:"type"`
	Amount              int64   `json:"amount"`
	SourceInvoiceID     *string `json:"source_invoice_id"`
	TransactionID       *string `json:"transaction_id"`
}

// walletTransactionJSON is a WalletTransaction: a credit (free or paid)
// or a debit.
type walletTransactionJSON struct {
	ID                    string              `json:"id"`
	Amount                int64               `json:"amount"`
	Comment               *string             `json:"comment"`
	InvoiceID             *string             `json:"invoice_id"`
	OriginalTransactionID *string             `json:"original_transaction_id"`
	RevertedBy            *string             `json:"reverted_by"`
	CreatedAt             string              `json:"created_at"`
	Type                  string              `json:"type"` // credit_free, credit_paid, debit
	RemainingAmount       *int64              `json:"remaining_amount"`
	FundingSources        []fundingSourceJSON `json:"funding_sources"`
}

// MarshalJSON writes remaining_amount for credits, funding_sources for
// debits.
func (t walletTransactionJSON) MarshalJSON() ([]byte, error) {
	var o jsonObject
	o.add("id", t.ID)
	o.add("amount", t.Amount)
	o.add("comment", t.Comment)
	o.add("invoice_id", t.InvoiceID)
	o.add("original_transaction_id", t.OriginalTransactionID)
	o.add("reverted_by", t.RevertedBy)
	o.add("created_at", t.CreatedAt)
	o.add("type", t.Type)
	if t.Type == "debit" {
		o.add("funding_sources", t.FundingSources)
	} else {
		o.add("remaining_amount", t.RemainingAmount)
	}
	return o.bytes()
}
