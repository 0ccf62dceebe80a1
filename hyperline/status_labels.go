package hyperline

import "strings"

// Status labels: the one vocabulary of statuses, from the API outwards.
// Each status (and status filter value) has a label people read; where it
// differs from the API's value, whatever shows a status whole shows both,
// the label first: "payment failed (error)". Lists short of room show the
// label alone; filters take either (package filter).

// invoiceLabels are the invoice statuses and filter values whose label is
// not their value.
var invoiceLabels = map[string]string{
	string(InvoicePendingApproval):      "awaiting approval",
	string(InvoiceChangesRequested):     "changes requested",
	string(InvoiceToPay):                "to pay",
	string(InvoiceGracePeriod):          "grace period",
	string(InvoicePartiallyPaid):        "partly paid",
	string(InvoiceError):                "payment failed",
	string(InvoiceMissingInfo):          "missing info",
	string(InvoiceChargedOnParent):      "on parent",
	string(InvoicePendingParentConcat):  "awaiting parent",
	string(InvoicePendingConsolidation): "consolidating",
	InvoiceFilterToReconcile:            "to reconcile",
}

// subscriptionLabels are the subscription statuses whose label is not
// their value.
var subscriptionLabels = map[string]string{
	string(SubscriptionTrialing): "trial",
}

// Label is the invoice status (or status filter value) as people read it:
// "payment failed" for "error".
func (s InvoiceStatus) Label() string { return label(invoiceLabels, string(s)) }

// Text is the status whole: its label, and the API's value beside it
// where they differ ("payment failed (error)").
func (s InvoiceStatus) Text() string { return StatusText(s.Label(), string(s)) }

// Label is the subscription status as people read it: "trial" for
// "trialing".
func (s SubscriptionStatus) Label() string { return label(subscriptionLabels, string(s)) }

// Text is the status whole, as InvoiceStatus.Text.
func (s SubscriptionStatus) Text() string { return StatusText(s.Label(), string(s)) }

// CustomerStatusLabel is a customer status (or status filter value) as
// people read it; every one reads as its value today.
func CustomerStatusLabel(s string) string { return label(nil, s) }

// CustomerStatusText is a customer status whole, as InvoiceStatus.Text.
func CustomerStatusText(s string) string { return StatusText(CustomerStatusLabel(s), s) }

// StatusText is a status whole: its label, and its API value in
// parentheses where they differ.
func StatusText(label, value string) string {
	if label == value {
		return value
	}
	return label + " (" + value + ")"
}

// label is value's label in labels; a value this build does not know
// reads with spaces for underscores ("to_pay" → "to pay").
func label(labels map[string]string, value string) string {
	if l, ok := labels[value]; ok {
		return l
	}
	return strings.ReplaceAll(value, "_", " ")
}
