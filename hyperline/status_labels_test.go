package hyperline

import "testing"

// TestStatusTextIsLabelThenValue: a status reads as its label, with the
// API's value beside it where they differ (issue 22: lists said "payment
// failed", hlx get and the filters "error").
func TestStatusTextIsLabelThenValue(t *testing.T) {
	t.Parallel()
	for got, want := range map[string]string{
		InvoiceError.Text():                  "payment failed (error)",
		InvoiceGracePeriod.Text():            "grace period (grace_period)",
		InvoicePartiallyPaid.Text():          "partly paid (partially_paid)",
		InvoicePaid.Text():                   "paid",
		InvoiceStatus("late").Text():         "late",
		InvoiceStatus("to_reconcile").Text(): "to reconcile (to_reconcile)",
		SubscriptionTrialing.Text():          "trial (trialing)",
		SubscriptionActive.Text():            "active",
		CustomerStatusText("archived"):       "archived",
		InvoiceStatus("new_status").Text():   "new status (new_status)",
		InvoiceError.Label():                 "payment failed",
	} {
		if got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
	for _, s := range InvoiceStatuses() {
		if s.Label() == "" {
			t.Errorf("%s has no label", s)
		}
	}
}
