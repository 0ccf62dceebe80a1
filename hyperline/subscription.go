package hyperline

import (
	"encoding/json"
	"time"
)

// SubscriptionStatus is the lifecycle state of a subscription. As a list
// filter it also takes the pseudo-values StatusAll, StatusAny and
// SubscriptionInactive.
type SubscriptionStatus string

// Subscription statuses (the spec's response enum, plus trialing, which the
// spec lists for the subscriptions embedded in a customer), and the
// filter-only pseudo-values.
const (
	SubscriptionDraft     SubscriptionStatus = "draft"
	SubscriptionPending   SubscriptionStatus = "pending"
	SubscriptionTrialing  SubscriptionStatus = "trialing"
	SubscriptionActive    SubscriptionStatus = "active"
	SubscriptionPaused    SubscriptionStatus = "paused"
	SubscriptionErrored   SubscriptionStatus = "errored"
	SubscriptionCancelled SubscriptionStatus = "cancelled"
	SubscriptionVoided    SubscriptionStatus = "voided"
	SubscriptionArchived  SubscriptionStatus = "archived"

	// StatusAll is a filter value that hides what the default hides:
	// draft, voided, cancelled and archived subscriptions.
	StatusAll SubscriptionStatus = "all"
	// StatusAny is a filter value for every status, churned ones included.
	StatusAny SubscriptionStatus = "any"
	// SubscriptionInactive is a filter value: pending and paused.
	SubscriptionInactive SubscriptionStatus = "inactive"
)

// SubscriptionStatuses lists the statuses a subscription can have, in lifecycle order.
func SubscriptionStatuses() []SubscriptionStatus {
	return []SubscriptionStatus{SubscriptionDraft, SubscriptionPending, SubscriptionTrialing, SubscriptionActive,
		SubscriptionPaused, SubscriptionErrored, SubscriptionCancelled, SubscriptionVoided, SubscriptionArchived}
}

// hiddenByDefault reports whether /v2/subscriptions leaves a status out
// when no status filter (or "all") is sent.
func (s SubscriptionStatus) hiddenByDefault() bool {
	switch s {
	case SubscriptionDraft, SubscriptionVoided, SubscriptionCancelled, SubscriptionArchived:
		return true
	}
	return false
}

// MatchesFilter reports whether a subscription of status s is in the
// answer to a status filter of those values (nil: the server's default),
// with the pseudo-values expanded as the spec defines them.
func (s SubscriptionStatus) MatchesFilter(filter []SubscriptionStatus) bool {
	if len(filter) == 0 {
		return !s.hiddenByDefault()
	}
	for _, f := range filter {
		switch {
		case f == StatusAny, f == s,
			f == StatusAll && !s.hiddenByDefault(),
			f == SubscriptionInactive && (s == SubscriptionPending || s == SubscriptionPaused):
			return true
		}
	}
	return false
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
	// RenewAutomatically says the subscription renews at the end of its
	// contract without anyone acting.
	RenewAutomatically bool `json:"renew_automatically"`

	// Amounts are in the currency's minor unit (null reads as zero).
	NextPaymentAmount Amount `json:"next_payment_amount"`
	EstimatedARR      Amount `json:"estimated_arr"`

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

func (s *Subscription) setRaw(b json.RawMessage) { s.Raw = b }

// NextPayment is the amount of the next payment in the subscription's currency.
func (s Subscription) NextPayment() Money {
	return s.NextPaymentAmount.In(s.Currency)
}

// ARR is the estimated annual recurring revenue in the subscription's currency.
func (s Subscription) ARR() Money {
	return s.EstimatedARR.In(s.Currency)
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
	Amount Amount `json:"amount"`
}

// Coupon is a discount applied to a subscription.
type Coupon struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Description *string `json:"description"`
	Type        string  `json:"type"` // e.g. amount
	// DiscountAmount is in minor units of Currency.
	DiscountAmount  Amount   `json:"discount_amount"`
	DiscountPercent *float64 `json:"discount_percent"`
	Currency        *string  `json:"currency"`
	Repeat          string   `json:"repeat"` // once, forever, custom
	// Not documented: the format of expiration_date on coupons, so it stays text.
	ExpirationDate *string  `json:"expiration_date"`
	ProductIDs     []string `json:"product_ids"`
}
