package export

import (
	"strconv"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
)

// Column is one column of a CSV export: its header and how to get the
// cell of an item.
type Column[T any] struct {
	// Name is the header cell.
	Name string
	// Value is the item's cell; "" for a null.
	Value func(T) string
	// Formatted marks a value hlx formats itself (an amount, a date): it is
	// written as it is. Every other cell came from the API and is guarded
	// against formula injection, which would put an apostrophe before a
	// negative amount and turn it into text.
	Formatted bool
}

// CustomerColumns are the customer columns support works with:
// id, name, status (as people read it), status_api (the API's value),
// type, currency, billing_email, external_id, country (the billing
// address's, else the deprecated top-level one) and created_at.
func CustomerColumns() []Column[hyperline.Customer] {
	type c = hyperline.Customer
	return []Column[c]{
		{Name: "id", Value: func(c c) string { return c.ID }},
		{Name: "name", Value: func(c c) string { return c.Name }},
		{Name: "status", Value: func(c c) string { return hyperline.CustomerStatusLabel(c.Status) }},
		{Name: "status_api", Value: func(c c) string { return c.Status }},
		{Name: "type", Value: func(c c) string { return c.Type }},
		{Name: "currency", Value: func(c c) string { return c.Currency }},
		{Name: "billing_email", Value: func(c c) string { return deref(c.BillingEmail) }},
		{Name: "external_id", Value: func(c c) string { return deref(c.ExternalID) }},
		{Name: "country", Value: customerCountry},
		{Name: "created_at", Value: func(c c) string { return date(&c.CreatedAt) }, Formatted: true},
	}
}

// SubscriptionColumns are the subscription columns support works with:
// id, customer_id, name, status (as people read it), status_api,
// currency, next_payment_at, next_payment_amount, current_period_ends_at
// and created_at.
func SubscriptionColumns() []Column[hyperline.Subscription] {
	type s = hyperline.Subscription
	return []Column[s]{
		{Name: "id", Value: func(s s) string { return s.ID }},
		{Name: "customer_id", Value: func(s s) string { return s.CustomerID }},
		{Name: "name", Value: func(s s) string { return s.Name }},
		{Name: "status", Value: func(s s) string { return s.Status.Label() }},
		{Name: "status_api", Value: func(s s) string { return string(s.Status) }},
		{Name: "currency", Value: func(s s) string { return s.Currency }},
		{Name: "next_payment_at", Value: func(s s) string { return date(s.NextPaymentAt) }, Formatted: true},
		{Name: "next_payment_amount", Value: func(s s) string { return s.NextPayment().Decimal() }, Formatted: true},
		{Name: "current_period_ends_at", Value: func(s s) string { return date(s.CurrentPeriodEndsAt) }, Formatted: true},
		{Name: "created_at", Value: func(s s) string { return date(&s.CreatedAt) }, Formatted: true},
	}
}

// InvoiceColumns are the invoice columns support works with, days
// overdue counted at now: id, number, type, status (as people read it),
// status_api, customer_id, customer_name, customer_email (the billing
// email the invoice went to), currency, total_amount, amount_due,
// amount_paid, issued_at, due_at, days_overdue and settled_at.
func InvoiceColumns(now time.Time) []Column[hyperline.Invoice] {
	type i = hyperline.Invoice
	return []Column[i]{
		{Name: "id", Value: func(i i) string { return i.ID }},
		{Name: "number", Value: func(i i) string { return i.Number }},
		{Name: "type", Value: func(i i) string { return i.Type }},
		{Name: "status", Value: func(i i) string { return i.Status.Label() }},
		{Name: "status_api", Value: func(i i) string { return string(i.Status) }},
		{Name: "customer_id", Value: func(i i) string { return i.Customer.ID }},
		{Name: "customer_name", Value: func(i i) string { return i.Customer.Name }},
		{Name: "customer_email", Value: func(i i) string { return deref(i.Customer.Email) }},
		{Name: "currency", Value: func(i i) string { return i.Currency }},
		{Name: "total_amount", Value: func(i i) string { return i.Total().Decimal() }, Formatted: true},
		{Name: "amount_due", Value: func(i i) string { return i.Due().Decimal() }, Formatted: true},
		{Name: "amount_paid", Value: func(i i) string { return i.Paid().Decimal() }, Formatted: true},
		{Name: "issued_at", Value: func(i i) string { return date(i.IssuedAt) }, Formatted: true},
		{Name: "due_at", Value: func(i i) string { return date(i.DueAt) }, Formatted: true},
		{Name: "days_overdue", Value: func(i i) string { return daysOverdue(i, now) }, Formatted: true},
		{Name: "settled_at", Value: func(i i) string { return date(i.SettledAt) }, Formatted: true},
	}
}

// daysOverdue counts the calendar days (UTC) from the due date to now of
// an invoice that still owes money past it; "" when it is not overdue.
func daysOverdue(inv hyperline.Invoice, now time.Time) string {
	if !inv.Overdue(now) {
		return ""
	}
	y, m, d := inv.DueAt.UTC().Date()
	due := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	y, m, d = now.UTC().Date()
	days := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(due) / (24 * time.Hour))
	return strconv.Itoa(max(days, 0))
}

// customerCountry prefers the billing address's country, which Hyperline
// documents in place of the deprecated top-level field.
func customerCountry(c hyperline.Customer) string {
	if c.BillingAddress != nil && c.BillingAddress.Country != "" {
		return c.BillingAddress.Country
	}
	return deref(c.Country)
}

// date is t in RFC 3339 at UTC to the second, "" for a null or zero time.
func date(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
