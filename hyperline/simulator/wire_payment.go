package simulator

// paymentMethodJSON is a PaymentMethod: a card (card, apple_pay,
// google_pay), a direct debit mandate or a Stripe Link, each optionally
// errored. Only the keys of its variant are written.
type paymentMethodJSON struct {
	ID                  string  `json:"id"`
	Status              string  `json:"status"` // active, pending, expired, errored
	ErrorType           *string `json:"error_type"`
	Type                string  `json:"type"`
	Last4Digits         *int    `json:"last_4_digits"`
	ExpirationDate      *string `json:"expiration_date"` // YYYY-MM
	Brand               *string `json:"brand"`
	AccountNumberEnding *string `json:"account_number_ending"`
}

// isCardType reports whether a payment method type is a card variant.
func isCardType(t string) bool { return t == "card" || t == "apple_pay" || t == "google_pay" }

// isDirectDebitType reports whether a payment method type is a mandate.
func isDirectDebitType(t string) bool {
	return t == "direct_debit" || t == "direct_debit_ach" || t == "direct_debit_bacs"
}

// MarshalJSON writes the keys of the method's variant only.
func (pm paymentMethodJSON) MarshalJSON() ([]byte, error) {
	var o jsonObject
	o.add("id", pm.ID)
	o.add("status", pm.Status)
	if pm.Status == "errored" {
		o.add("error_type", pm.ErrorType)
	}
	o.add("type", pm.Type)
	switch {
	case isCardType(pm.Type):
		o.add("last_4_digits", pm.Last4Digits)
		o.add("expiration_date", pm.ExpirationDate)
		o.add("brand", pm.Brand)
	case isDirectDebitType(pm.Type):
		o.add("account_number_ending", pm.AccountNumberEnding)
	}
	return o.bytes()
}

// bankAccountJSON is a BankAccount: a standard account or a connected one
// (with its sync state), in one of the account-number formats. Only the
// keys of its type and format are written.
type bankAccountJSON struct {
	Type            string   `json:"type"` // standard, connected
	Status          string   `json:"status"`
	Balance         *float64 `json:"balance"`
	LastRefreshedAt *string  `json:"last_refreshed_at"`
	LastErrorType   *string  `json:"last_error_type"`
	ID              string   `json:"id"`
	Currency        string   `json:"currency"`
	BankName        *string  `json:"bank_name"`
	Name            *string  `json:"name"`
	Country         *string  `json:"country"`
	Format          string   `json:"format"`
	IBAN            string   `json:"iban"`
	BICSwift        *string  `json:"bic_swift"`
	SortCode        string   `json:"sort_code"`
	AccountNumber   string   `json:"account_number"`
	RoutingNumber   string   `json:"routing_number"`
}

// MarshalJSON writes the keys of the account's type and format only.
func (b bankAccountJSON) MarshalJSON() ([]byte, error) {
	var o jsonObject
	o.add("type", b.Type)
	if b.Type == "connected" {
		o.add("status", b.Status)
		o.add("balance", b.Balance)
		o.add("last_refreshed_at", b.LastRefreshedAt)
		o.add("last_error_type", b.LastErrorType)
	}
	o.add("id", b.ID)
	o.add("currency", b.Currency)
	o.add("bank_name", b.BankName)
	o.add("name", b.Name)
	o.add("country", b.Country)
	o.add("format", b.Format)
	switch b.Format {
	case "iban_bic_swift":
		o.add("iban", b.IBAN)
		o.add("bic_swift", b.BICSwift)
	case "sort_code_account_number":
		o.add("sort_code", b.SortCode)
		o.add("account_number", b.AccountNumber)
	case "account_number_routing_number":
		o.add("account_number", b.AccountNumber)
		o.add("routing_number", b.RoutingNumber)
	case "account_number_bic_swift":
		o.add("account_number", b.AccountNumber)
		o.add("bic_swift", b.BICSwift)
	}
	return o.bytes()
}
