package hyperline

import "slices"

// The values the lists' status filters take, as the spec's enums give
// them: statuses and the filter-only values ("late", "any", "inactive",
// …). A client that offers these never sends a value the API refuses.

// InvoiceStatusFilters is the status (and status__in) enum of GET
// /v2/invoices.
func InvoiceStatusFilters() []string {
	return []string{InvoiceFilterAll, string(InvoiceOpen), string(InvoiceGracePeriod), string(InvoiceToPay),
		InvoiceFilterToReconcile, string(InvoiceError), string(InvoicePaid), InvoiceFilterFinalized,
		string(InvoicePartiallyPaid), InvoiceFilterOutstanding, InvoiceFilterRefunded, InvoiceFilterLate,
		string(InvoiceDraft), string(InvoicePendingApproval), string(InvoiceChangesRequested), string(InvoiceVoided),
		string(InvoiceClosed), string(InvoiceUncollectible), string(InvoicePendingConsolidation),
		string(InvoiceConsolidated)}
}

// SubscriptionStatusFilters is the status (and status__in) enum of GET
// /v2/subscriptions.
func SubscriptionStatusFilters() []string {
	return []string{string(StatusAll), string(StatusAny), string(SubscriptionInactive), string(SubscriptionActive),
		string(SubscriptionErrored), string(SubscriptionCancelled), string(SubscriptionPaused),
		string(SubscriptionPending), string(SubscriptionDraft), string(SubscriptionVoided), string(SubscriptionArchived)}
}

// CustomerStatusFilters is the status (and status__in) enum of GET
// /v2/customers: the statuses a customer shows (active, archived) and the
// filter-only all, inactive and imported.
func CustomerStatusFilters() []string {
	return []string{"all", CustomerActive, "inactive", "imported", CustomerArchived}
}

// PaymentMethodTypeFilters is the payment_method_type (and
// payment_method_type__in) enum of GET /v2/customers: the types a
// customer's method has, and the filter-only "missing" (a card or mandate
// never saved) and "errored" (a method whose last use failed).
func PaymentMethodTypeFilters() []string {
	return []string{PaymentCard, PaymentDirectDebit, PaymentDirectDebitACH, PaymentDirectDebitBACS,
		PaymentTransfer, PaymentExternal, PaymentMethodMissing, PaymentMethodErrored}
}

// The filter-only values of payment_method_type.
const (
	PaymentMethodMissing = "missing"
	PaymentMethodErrored = "errored"
)

// keepPaymentMethodType re-checks a payment_method_type filter where the
// customer shows it: "missing" and "errored" select by what a listed
// customer may not carry, so only a list of plain types is checked.
func keepPaymentMethodType(types []string, c Customer) bool {
	if len(types) == 0 || slices.Contains(types, PaymentMethodMissing) || slices.Contains(types, PaymentMethodErrored) {
		return true
	}
	// Not documented: whether a listed customer always carries its
	// payment_method_type; one that does not is kept.
	return c.PaymentMethodType == nil || slices.Contains(types, *c.PaymentMethodType)
}
