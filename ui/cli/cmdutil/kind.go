package cmdutil

import (
	"strings"

	"github.com/hyperline-tui/hlx/hyperline/lookup"
)

// Kind is the kind of object get and list read.
type Kind int

// The kinds of object.
const (
	KindCustomer Kind = iota
	KindSubscription
	KindInvoice
)

// Kinds are the kinds in the order they are offered (completion, help).
var Kinds = []Kind{KindCustomer, KindSubscription, KindInvoice}

// ParseKind reads "customer", "subscription" or "invoice", singular or
// plural, in any case.
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "customer", "customers":
		return KindCustomer, nil
	case "subscription", "subscriptions":
		return KindSubscription, nil
	case "invoice", "invoices":
		return KindInvoice, nil
	case "":
		return 0, UsageErrorf("name what to read: customer, subscription or invoice")
	}
	return 0, UsageErrorf("unknown object %q: want customer, subscription or invoice", s)
}

// String is the kind's name in messages ("customer").
func (k Kind) String() string {
	return [...]string{"customer", "subscription", "invoice"}[k]
}

// Plural is "customers", "subscriptions" or "invoices".
func (k Kind) Plural() string { return k.String() + "s" }

// Lookup is the kind as package lookup names it.
func (k Kind) Lookup() lookup.Kind {
	return [...]lookup.Kind{lookup.KindCustomer, lookup.KindSubscription, lookup.KindInvoice}[k]
}
