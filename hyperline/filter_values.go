package hyperline

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
