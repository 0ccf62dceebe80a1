package export

import (
	"encoding/json"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

// decode builds a model the way the client does, so Raw holds the exact
// bytes.
func decode[T any](t *testing.T, raw string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return v
}

const customerJSON = `{"id":"cus_1","name":"Acme, \"Inc\"","status":"active","type":"corporate","currency":"EUR",` +
	`"billing_email":"billing@acme.test","external_id":null,"country":"FR",` +
	`"billing_address":{"name":"Acme","line1":"1 rue","city":"Paris","zip":"75001","country":"BE"},` +
	`"created_at":"2025-03-01T09:00:00.123+01:00"}`

const subscriptionJSON = `{"id":"sub_1","customer_id":"cus_1","name":"Pro","status":"active","currency":"EUR",` +
	`"next_payment_at":"2025-04-01T00:00:00Z","next_payment_amount":1234567,` +
	`"current_period_ends_at":null,"created_at":"2024-01-15T10:30:00Z"}`

const invoiceJSON = `{"id":"inv_1","number":"INV-0001","type":"credit_note","status":"paid",` +
	`"customer":{"id":"cus_1","name":"=cmd|' /C calc'!A0"},"currency":"KWD",` +
	`"total_amount":-1500,"amount_due":0,"amount_paid":-1500,` +
	`"issued_at":"2025-02-01T00:00:00Z","due_at":"2025-03-01T00:00:00Z","settled_at":null}`

func customer(t *testing.T) hyperline.Customer { return decode[hyperline.Customer](t, customerJSON) }

func subscription(t *testing.T) hyperline.Subscription {
	return decode[hyperline.Subscription](t, subscriptionJSON)
}

func invoice(t *testing.T) hyperline.Invoice { return decode[hyperline.Invoice](t, invoiceJSON) }
