package hyperline

import (
	"encoding/json"
	"time"
)

// SubscriptionStatus is the lifecycle state of a subscription. As a list
// filter it also takes the pseudo-values StatusAll and SubscriptionInactive.
type SubscriptionStatus string

// Documented subscription statuses, plus the filter-only pseudo-values.
const (
	SubscriptionDraft     SubscriptionStatus = "draft"     // being assembled in the UI
	SubscriptionPending   SubscriptionStatus = "pending"   // created, not charged until activated
	SubscriptionActive    SubscriptionStatus = "active"    // running; invoiced at the next payment date
	SubscriptionPaused    SubscriptionStatus = "paused"    // payment collection paused
	SubscriptionCancelled SubscriptionStatus = "cancelled" // stopped after having been active
	SubscriptionVoided    SubscriptionStatus = "voided"    // cancelled directly from pending
	SubscriptionErrored   SubscriptionStatus = "errored"   // all charge attempts failed

	// StatusAll is a filter value: every status, including the draft, voided
	// and cancelled subscriptions /v2/subscriptions hides by default.
	StatusAll SubscriptionStatus = "all"
	// SubscriptionInactive is a filter value whose exact meaning is not documented.
	SubscriptionInactive SubscriptionStatus = "inactive"
)

// SubscriptionStatuses lists the statuses a subscription can have, in lifecycle order.
func SubscriptionStatuses() []SubscriptionStatus {
	return []SubscriptionStatus{SubscriptionDraft, SubscriptionPending, SubscriptionActive,
		SubscriptionPaused, SubscriptionCancelled, SubscriptionVoided, SubscriptionErrored}
}

// Subscription is a customer's subscription (GET /v2/subscriptions[/{id}]).
// There is no ends_at field: the end shows as CancelAt or CurrentPeriodEndsAt.
type Subscription struct {
	ID         string             `json:"id"`
	Name       string             `json:"name"`
	Status     SubscriptionStatus `json:"status"`
	Currency   string             `json:"currency"`
	CustomerID string             `json:"customer_id"`
	PlanID     *string            `json:"plan_id"`

	StartsAt               *time.Time `json:"starts_at"`
	CurrentPeriodStartedAt *time.Time `json:"current_period_started_at"`
	CurrentPeriodEndsAt    *time.Time `json:"current_period_ends_at"`
	NextPaymentAt          *time.Time `json:"next_payment_at"`
	CancelAt               *time.Time `json:"cancel_at"`
	PausedAt               *time.Time `json:"paused_at"`
	RenewsAt               *time.Time `json:"renews_at"`

	// Amounts are integers in the currency's minor unit.
	NextPaymentAmount int64 `json:"next_payment_amount"`
	EstimatedARR      int64 `json:"estimated_arr"`

	Products []SubscriptionProduct `json:"products"`
	Coupons  []Coupon              `json:"coupons"`

	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt *time.Time `json:"updated_at"`

	// Raw is the exact JSON object the API sent for this subscription.
	Raw json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes a subscription and keeps the original bytes in Raw.
func (s *Subscription) UnmarshalJSON(b []byte) error {
	type alias Subscription
	return decodeKeepingRaw(b, (*alias)(s), &s.Raw)
}

// NextPayment is the amount of the next payment in the subscription's currency.
func (s Subscription) NextPayment() Money {
	return Money{Amount: s.NextPaymentAmount, Currency: s.Currency}
}

// ARR is the estimated annual recurring revenue in the subscription's currency.
func (s Subscription) ARR() Money {
	return Money{Amount: s.EstimatedARR, Currency: s.Currency}
}

// Interval is a period such as {"period":"months","count":1}.
type Interval struct {
	Period string `json:"period"` // days, weeks, months, years
	Count  int    `json:"count"`
}

// SubscriptionProduct is a product attached to a subscription.
type SubscriptionProduct struct {
	ID                     string     `json:"id"`
	Name                   string     `json:"name"`
	Description            *string    `json:"description"`
	Type                   string     `json:"type"` // flat_fee, seat, dynamic
	Count                  float64    `json:"count"`
	PaymentInterval        *Interval  `json:"payment_interval"`
	PaymentSchedule        string     `json:"payment_schedule"` // start, end
	AttachedAt             *time.Time `json:"attached_at"`
	DetachedAt             *time.Time `json:"detached_at"`
	CurrentPeriodStartedAt *time.Time `json:"current_period_started_at"`
	CurrentPeriodEndsAt    *time.Time `json:"current_period_ends_at"`
	NextPaymentAt          *time.Time `json:"next_payment_at"`
	Prices                 []Price    `json:"prices"`
}

// Price is one price of a subscription product; Amount is in minor units.
type Price struct {
	Type   string `json:"type"`
	Amount int64  `json:"amount"`
}

// Coupon is a discount applied to a subscription.
type Coupon struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	Type        string  `json:"type"` // e.g. amount
	// DiscountAmount is in minor units of Currency.
	DiscountAmount  int64    `json:"discount_amount"`
	DiscountPercent *float64 `json:"discount_percent"`
	Currency        *string  `json:"currency"`
	Repeat          string   `json:"repeat"` // once, forever, custom
	// Not documented: the format of expiration_date on coupons, so it stays text.
	ExpirationDate *string  `json:"expiration_date"`
	ProductIDs     []string `json:"product_ids"`
}
