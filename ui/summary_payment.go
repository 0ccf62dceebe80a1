package ui

import (
	"encoding/json"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// summarizePayment is a payment (a transaction as its invoice lists it):
// how it was paid, when, and for a failed one its error type.
func summarizePayment(f formatter, now time.Time, t *hyperline.Transaction) (string, []field, json.RawMessage) {
	status := transactionStatusCell(*t)
	fields := []field{
		{label: "Status", value: status.Text, tone: status.Tone},
		{label: "Method", value: t.MethodLabel()},
		{label: "Amount", value: f.money(t.Amount, t.Currency)},
		{label: "Type", value: transactionKind(*t)},
		{label: "Processed", value: f.dateWithRel(t.ProcessAt, now)},
		{label: "Settled", value: f.date(t.SettledAt)},
		{label: "ID", value: t.ID, tone: table.ToneMuted},
	}
	if pm := t.PaymentMethod; pm != nil && pm.ExpirationDate != nil {
		fields = append(fields, field{label: "Card expires", value: *pm.ExpirationDate})
	}
	if t.Status == hyperline.TransactionFailed {
		// Why, the next step and the processor's message are wrapped in
		// full below (sectionsView), never cut to a column.
		fields = append(fields, field{label: "Error type", value: orDash(t.ErrorType), tone: table.ToneBad})
	}
	return "Payment · " + t.MethodLabel(), fields, nil
}
