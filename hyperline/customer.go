package hyperline

import (
	"encoding/json"
	"time"
)

// Customer statuses seen in the docs. The full enum is not documented; the
// field stays a plain string so unknown values pass through untouched.
const (
	CustomerActive   = "active"
	CustomerArchived = "archived"
)

// Customer types (the "type" field).
const (
	CustomerCorporate            = "corporate"
	CustomerPerson               = "person"
	CustomerAutomaticallyCreated = "automatically_created" // read-only, imported customers
)

// Customer is a customer of a company (GET /v1/customers, GET /v1/customers/{id}).
// Only the fields a browser needs are typed; everything else is in Raw.
type Customer struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Status   string `json:"status"`
	Currency string `json:"currency"`

	BillingEmail *string `json:"billing_email"`
	ExternalID   *string `json:"external_id"`
	// Country is deprecated by Hyperline in favour of BillingAddress.Country.
	Country       *string  `json:"country"`
	Language      string   `json:"language"`
	Timezone      string   `json:"timezone"`
	TaxIDs        []TaxID  `json:"tax_ids"`
	InvoiceEmails []string `json:"invoice_emails"`

	BillingAddress  *Address `json:"billing_address"`
	ShippingAddress *Address `json:"shipping_address"`

	AvailablePaymentMethods  []string `json:"available_payment_methods"`
	CurrentPaymentMethodType *string  `json:"current_payment_method_type"`
	CurrentPaymentMethodID   *string  `json:"current_payment_method_id"`
	// CurrentPaymentMethod is only sent by GET /v1/customers/{id}.
	CurrentPaymentMethod *PaymentMethod `json:"current_payment_method"`

	// Subscriptions are summary items; fetch the full object by ID.
	Subscriptions []CustomerSubscription `json:"subscriptions"`

	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt *time.Time `json:"updated_at"`
	DeletedAt *time.Time `json:"deleted_at"`

	// Raw is the exact JSON object the API sent for this customer.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a customer and keeps the original bytes in Raw.
func (c *Customer) UnmarshalJSON(b []byte) error {
	type alias Customer
	return decodeKeepingRaw(b, (*alias)(c), &c.Raw)
}

// TaxID is one tax identifier of a customer, e.g. {"value":"FR123456789","status":"valid"}.
type TaxID struct {
	Value  string `json:"value"`
	Status string `json:"status"`
}

// PaymentMethod is the customer's current payment method (single-customer GET only).
type PaymentMethod struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Type   string `json:"type"`
	// Last4Digits is a number in the docs example (2718); a number would lose
	// leading zeros, so both numbers and strings are accepted and kept as text.
	Last4Digits    FlexString `json:"last_4_digits"`
	ExpirationDate string     `json:"expiration_date"` // "YYYY-MM"
	Brand          string     `json:"brand"`
}

// CustomerSubscription is the summary of a subscription embedded in a customer.
type CustomerSubscription struct {
	ID                     string             `json:"id"`
	Status                 SubscriptionStatus `json:"status"`
	CurrentPeriodStartedAt *time.Time         `json:"current_period_started_at"`
	CurrentPeriodEndsAt    *time.Time         `json:"current_period_ends_at"`
	PlanID                 *string            `json:"plan_id"`
	CheckoutSessionID      *string            `json:"checkout_session_id"`
}

// FlexString is a string that also accepts a JSON number (kept as its literal
// text) or null (empty), for fields whose JSON type the docs leave unclear.
type FlexString string

// UnmarshalJSON accepts a JSON string, number or null.
func (f *FlexString) UnmarshalJSON(b []byte) error {
	if isJSONNull(b) {
		*f = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = FlexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*f = FlexString(n.String())
	return nil
}
