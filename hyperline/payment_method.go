package hyperline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Payment method types (a customer's payment_method_type and a
// transaction's).
const (
	PaymentCard            = "card"
	PaymentApplePay        = "apple_pay"
	PaymentGooglePay       = "google_pay"
	PaymentDirectDebit     = "direct_debit"
	PaymentDirectDebitACH  = "direct_debit_ach"
	PaymentDirectDebitBACS = "direct_debit_bacs"
	PaymentStripeLink      = "stripe_link"
	PaymentTransfer        = "transfer"
	PaymentTransferAuto    = "transfer_automated"
	PaymentExternal        = "external"
	PaymentWallet          = "wallet"
)

// PaymentMethod is a saved payment method: a card (brand, last 4 digits,
// expiry), a direct-debit mandate (account number ending) or a Stripe Link,
// in a status of active, pending, expired or errored (with an ErrorType).
type PaymentMethod struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Type   string `json:"type"`
	// Last4Digits is a JSON number in the spec, which would lose leading
	// zeros ("0042"), so numbers and strings are both accepted and kept as
	// text, padded back to four digits by Label.
	Last4Digits         FlexString `json:"last_4_digits"`
	ExpirationDate      *string    `json:"expiration_date"` // "YYYY-MM"
	Brand               *string    `json:"brand"`
	AccountNumberEnding *string    `json:"account_number_ending"`
	ErrorType           *string    `json:"error_type"`
}

// Label describes the method as support reads it: "Visa •••• 4242",
// "Direct debit •••• 6789", "Stripe Link".
func (p PaymentMethod) Label() string {
	switch p.Type {
	case PaymentCard, PaymentApplePay, PaymentGooglePay:
		name := cardBrand(p.Brand)
		if p.Type != PaymentCard {
			name = PaymentTypeLabel(p.Type) + " · " + name
		}
		if last := string(p.Last4Digits); last != "" {
			if len(last) < 4 {
				last = strings.Repeat("0", 4-len(last)) + last
			}
			name += " •••• " + last
		}
		return name
	case PaymentDirectDebit, PaymentDirectDebitACH, PaymentDirectDebitBACS:
		name := PaymentTypeLabel(p.Type)
		if p.AccountNumberEnding != nil && *p.AccountNumberEnding != "" {
			name += " •••• " + *p.AccountNumberEnding
		}
		return name
	}
	return PaymentTypeLabel(p.Type)
}

// cardBrand names a card brand as printed on cards ("visa" → "Visa").
func cardBrand(brand *string) string {
	if brand == nil || strings.TrimSpace(*brand) == "" {
		return "Card"
	}
	switch b := strings.ToLower(strings.TrimSpace(*brand)); b {
	case "visa":
		return "Visa"
	case "mastercard":
		return "Mastercard"
	case "amex", "american_express", "american express":
		return "American Express"
	case "cartes_bancaires", "cb":
		return "Cartes Bancaires"
	default:
		r, size := utf8.DecodeRuneInString(b)
		return string(unicode.ToUpper(r)) + b[size:]
	}
}

// PaymentTypeLabel is a payment method type in plain words.
func PaymentTypeLabel(t string) string {
	switch t {
	case PaymentCard:
		return "Card"
	case PaymentApplePay:
		return "Apple Pay"
	case PaymentGooglePay:
		return "Google Pay"
	case PaymentDirectDebit:
		return "SEPA direct debit"
	case PaymentDirectDebitACH:
		return "ACH direct debit"
	case PaymentDirectDebitBACS:
		return "Bacs direct debit"
	case PaymentStripeLink:
		return "Stripe Link"
	case PaymentTransfer:
		return "Bank transfer"
	case PaymentTransferAuto:
		return "Automated bank transfer"
	case PaymentExternal:
		return "External payment"
	case PaymentWallet:
		return "Wallet"
	case "":
		return "—"
	}
	return strings.ReplaceAll(t, "_", " ")
}
