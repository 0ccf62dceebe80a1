package export

import (
	"encoding/json"

	"github.com/hyperline-tui/hlx/hyperline"
)

// TransactionColumns are the transaction columns support works with: id,
// type, status, amount, currency, payment_method ("Visa •••• 4242"),
// error_type, customer_id, invoice_id, process_at and settled_at.
func TransactionColumns() []Column[hyperline.ListedTransaction] {
	type t = hyperline.ListedTransaction
	return []Column[t]{
		{Name: "id", Value: func(t t) string { return t.ID }},
		{Name: "type", Value: func(t t) string { return t.Type }},
		{Name: "status", Value: func(t t) string { return t.Status }},
		{Name: "amount", Value: func(t t) string { return t.Money().Decimal() }, Formatted: true},
		{Name: "currency", Value: func(t t) string { return t.Currency }},
		{Name: "payment_method", Value: func(t t) string { return t.MethodLabel() }},
		{Name: "error_type", Value: func(t t) string { return deref(t.ErrorType) }},
		{Name: "customer_id", Value: func(t t) string { return t.CustomerID }},
		{Name: "invoice_id", Value: func(t t) string { return t.InvoiceID() }},
		{Name: "process_at", Value: func(t t) string { return date(t.ProcessAt) }, Formatted: true},
		{Name: "settled_at", Value: func(t t) string { return date(t.SettledAt) }, Formatted: true},
	}
}

// TransactionRaw is the transaction's JSON, for NewJSON: the fields hlx
// reads (a listed transaction keeps no copy of what the API sent).
func TransactionRaw(t hyperline.ListedTransaction) json.RawMessage {
	b, err := json.Marshal(t)
	if err != nil {
		return json.RawMessage("null")
	}
	return b
}
