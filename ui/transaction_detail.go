package ui

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// itemLabel is how people name an object of a related list: an invoice's
// number, a subscription's name; "" for a transaction (its id names it).
func itemLabel(item any) string {
	switch it := item.(type) {
	case hyperline.Invoice:
		return it.Number
	case hyperline.Subscription:
		return subscriptionLabel(it)
	}
	return ""
}

// summarizeTransaction is a payment's, refund's or chargeback's detail, as
// enter on an invoice's payment row opens it: what happened, how much,
// how it was paid, why it failed, when, and whom and what it was for.
func summarizeTransaction(f formatter, now time.Time, t *hyperline.ListedTransaction) (string, []field, json.RawMessage) {
	status := transactionStatusCell(t.Transaction)
	fields := []field{
		{label: "Status", value: status.Text, tone: status.Tone},
		{label: "Type", value: transactionKind(t.Transaction)},
		{label: "Amount", value: f.money(t.Amount, t.Currency)},
		{label: "Paid with", value: t.MethodLabel()},
	}
	if r := t.FailureReason(); r != "" {
		reason := r
		if t.ErrorMessage != nil && strings.TrimSpace(*t.ErrorMessage) != "" {
			reason += ": " + *t.ErrorMessage
		}
		fields = append(fields, field{label: "Failure", value: reason, tone: table.ToneBad})
	}
	label := "Process at"
	switch transactionDateLabel(t.Transaction) {
	case "paid":
		label = "Paid"
	case "tried":
		label = "Tried"
	}
	if t.SettledAt != nil && label == "Process at" {
		label = "Settled"
	}
	fields = append(fields, field{label: label, value: f.dateWithRel(transactionDate(t.Transaction), now)})
	if t.RefundedAt != nil {
		fields = append(fields, field{label: "Refunded", value: f.dateWithRel(t.RefundedAt, now)})
	}
	fields = append(fields, field{label: "Customer", value: orDash(&t.CustomerID)})
	var invoices []string
	for _, a := range t.Allocations {
		invoices = append(invoices, a.InvoiceID)
	}
	if len(invoices) > 0 {
		fields = append(fields, field{label: "Invoices", value: strings.Join(invoices, ", ")})
	}
	if t.OriginalTransactionID != nil {
		fields = append(fields, field{label: "Refunds", value: *t.OriginalTransactionID})
	}
	title := "Transaction · " + transactionKind(t.Transaction) + " of " + f.money(t.Amount, t.Currency)
	return title, fields, t.Raw
}
