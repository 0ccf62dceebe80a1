package filter

import (
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
)

// The keys each list takes, and how its text is searched. Only what the
// spec lets a list filter by is offered: the subscriptions list has no
// date filter but updated_at, the transactions list none at all.

// List is a kind of list the filter language reads lines for.
type List int

// The lists.
const (
	Customers List = iota
	Subscriptions
	Invoices
	Transactions
)

// String is the list's name: "invoices".
func (l List) String() string {
	return [...]string{"customers", "subscriptions", "invoices", "transactions"}[l]
}

// Keys are the key:value terms list l takes; none for a list the API
// cannot filter (its filter line is text only).
func Keys(l List) []Key {
	switch l {
	case Customers:
		return []Key{
			statusKey(hyperline.CustomerStatusFilters(), hyperline.CustomerStatusLabel, "status (status / status__in)"),
			{Name: "created", Kind: Date, About: "created in a window (created_at__gte / __lt)"},
			{Name: "payment_method", Kind: Enum, Values: hyperline.PaymentMethodTypeFilters(), Multi: true,
				About: "the method's type, missing or errored (payment_method_type / __in)"},
		}
	case Subscriptions:
		return []Key{
			statusKey(hyperline.SubscriptionStatusFilters(), func(v string) string { return hyperline.SubscriptionStatus(v).Label() },
				"status (status / status__in)"),
			{Name: "customer", Kind: Customer, About: "one customer's, by id or name (customer_id)"},
		}
	case Invoices:
		return []Key{
			statusKey(hyperline.InvoiceStatusFilters(), func(v string) string { return hyperline.InvoiceStatus(v).Label() },
				"status, late, outstanding… (status / status__in)"),
			{Name: "customer", Kind: Customer, About: "one customer's, by id or name (customer_id)"},
			{Name: "issued", Kind: Date, About: "issued in a window (issued_at__gte / __lt)"},
			{Name: "due", Kind: Date, About: "due in a window (due_at__gte / __lt)"},
		}
	}
	return nil
}

// statusKey is the status key with the spec's values, read as their
// labels too; several values are sent as status__in.
func statusKey(values []string, label func(string) string, about string) Key {
	return Key{Name: "status", Kind: Enum, Values: values, Multi: true, About: about, label: label}
}

// Searches reports whether the API searches list l for text: customers
// by any text (search), invoices by number (invoice_number__contains) when
// the text holds a digit. Other text is for the rows already loaded; the
// command line, which loads none, refuses it (TextError).
func Searches(l List, text string) bool {
	switch {
	case text == "":
		return false
	case l == Customers:
		return true
	case l == Invoices:
		return strings.ContainsAny(text, "0123456789")
	}
	return false
}

// ServerText is the part of q the API searches for list l ("" for none).
func ServerText(l List, q Query) string {
	if Searches(l, q.Text) {
		return q.Text
	}
	return ""
}
