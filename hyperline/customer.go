package hyperline

import (
	"encoding/json"
	"strings"
	"time"
)

// Customer statuses: the spec's response enum. As a list filter, status
// also takes the pseudo-values "all", "inactive" and "imported".
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

// Customer is a customer of a company (GET /v2/customers, GET
// /v2/customers/{id}). Only the fields a browser needs are typed;
// everything else is in Raw.
type Customer struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Status   string `json:"status"`
	Currency string `json:"currency"`

	BillingEmail *string `json:"billing_email"`
	ExternalID   *string `json:"external_id"`
	Domain       *string `json:"domain"`
	// Country is deprecated by Hyperline in favour of BillingAddress.Country.
	Country       *string  `json:"country"`
	Language      string   `json:"language"`
	Timezone      string   `json:"timezone"`
	TaxIDs        []TaxID  `json:"tax_ids"`
	InvoiceEmails []string `json:"invoice_emails"`

	BillingAddress  *Address `json:"billing_address"`
	ShippingAddress *Address `json:"shipping_address"`

	AvailablePaymentMethods []string `json:"available_payment_methods"`
	PaymentMethodType       *string  `json:"payment_method_type"`
	PaymentMethodID         *string  `json:"payment_method_id"`
	// PaymentMethod is only sent by GET /v2/customers/{id}.
	PaymentMethod *PaymentMethod `json:"payment_method"`
	// PaymentTerms is the payment delay in days (null: the company's default).
	PaymentTerms *float64 `json:"payment_terms"`

	// Owner is the person in the company who owns the account.
	Owner *CustomerOwner `json:"owner"`

	// Subscriptions are summary items; fetch the full object by ID.
	Subscriptions []CustomerSubscription `json:"subscriptions"`

	// Integrations are the customer's records in other tools (Stripe,
	// HubSpot, …).
	Integrations []Integration `json:"integrations"`

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

func (c *Customer) setRaw(b json.RawMessage) { c.Raw = b }

// TaxID is one tax identifier of a customer, e.g. {"value":"FR123456789","status":"valid"}.
type TaxID struct {
	Value  string `json:"value"`
	Status string `json:"status"` // valid, invalid, mismatch, unverified, unsupported
}

// CustomerOwner is a member of the company: a customer's owner or follower.
type CustomerOwner struct {
	ID        string  `json:"id"`
	Email     string  `json:"email"`
	FirstName *string `json:"first_name"`
	LastName  *string `json:"last_name"`
}

// Name is the owner's full name, or the email when no name is set.
func (o CustomerOwner) Name() string {
	var parts []string
	for _, p := range []*string{o.FirstName, o.LastName} {
		if p != nil && strings.TrimSpace(*p) != "" {
			parts = append(parts, strings.TrimSpace(*p))
		}
	}
	if len(parts) == 0 {
		return o.Email
	}
	return strings.Join(parts, " ")
}

// CustomerSubscription is the summary of a subscription embedded in a customer.
type CustomerSubscription struct {
	ID     string             `json:"id"`
	Status SubscriptionStatus `json:"status"`
	// The spec has typed these as dates and as date-times over time, so
	// both are accepted.
	CurrentPeriodStartedAt *FlexTime `json:"current_period_started_at"`
	CurrentPeriodEndsAt    *FlexTime `json:"current_period_ends_at"`
	PlanID                 *string   `json:"plan_id"`
	CheckoutSessionID      *string   `json:"checkout_session_id"`
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
	if s, ok := plainString(b); ok {
		*f = FlexString(s)
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

// Integration names an object's record in an external provider: the
// provider ("stripe"), the record's ID there and the connected account.
type Integration struct {
	EntityID          string `json:"entity_id"`
	ProviderName      string `json:"provider_name"`
	ProviderAccountID string `json:"provider_account_id"`
}
