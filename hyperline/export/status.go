package export

import (
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
)

// statusLabel is a status as people read it ("payment failed" for the
// API's "error"), the words of the explorer's lists.
//
// Local for now: the one status vocabulary, defined below the UI, is on
// its way (issue 22, item 9); this table should give way to it on merge.
func statusLabel(value string) string {
	if l, ok := statusLabels[value]; ok {
		return l
	}
	return strings.ReplaceAll(value, "_", " ")
}

// statusLabels are the labels that differ from the API value with its
// underscores made spaces: invoices' and subscriptions' (customers' are
// their API words).
var statusLabels = map[string]string{
	string(hyperline.InvoicePendingApproval):      "awaiting approval",
	string(hyperline.InvoicePartiallyPaid):        "partly paid",
	string(hyperline.InvoiceError):                "payment failed",
	string(hyperline.InvoiceChargedOnParent):      "on parent",
	string(hyperline.InvoicePendingParentConcat):  "awaiting parent",
	string(hyperline.InvoicePendingConsolidation): "consolidating",
	string(hyperline.SubscriptionTrialing):        "trial",
}
