package filter

import (
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
)

// TestOptionsAreTheAPIsParameters: each term lands in the parameter the
// client sends, and text only where the API searches it.
func TestOptionsAreTheAPIsParameters(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 15, 10, 30, 0, 0, time.UTC)
	parse := func(l List, line string) Query {
		q, err := Parse(line, Keys(l), now, time.UTC)
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		return q
	}
	inv := InvoiceOptions(parse(Invoices, "status:late due:<today acme 2026"), "cus_1")
	if inv.NumberContains != "acme 2026" || inv.CustomerID != "cus_1" || len(inv.Status) != 1 || inv.Status[0] != "late" ||
		!inv.DueBefore.Equal(time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC)) || !inv.DueFrom.IsZero() {
		t.Errorf("invoices: %+v", inv)
	}
	if inv := InvoiceOptions(parse(Invoices, "acme"), ""); inv.NumberContains != "" || inv.Status[0] != hyperline.InvoiceFilterAll {
		t.Errorf("invoices without a digit or a status: %+v", inv)
	}
	if sub := SubscriptionOptions(parse(Subscriptions, ""), ""); len(sub.Status) != 1 || sub.Status[0] != hyperline.StatusAny {
		t.Errorf("subscriptions without a status: %+v", sub)
	}
	cus := CustomerOptions(parse(Customers, "status:archived created:2026 acme corp"))
	if cus.Search != "acme corp" || cus.Status[0] != "archived" || !cus.CreatedFrom.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("customers: %+v", cus)
	}
	for l, text := range map[List]string{Invoices: "acme", Subscriptions: "x", Transactions: "visa"} {
		if err := TextError(l, Query{Text: text}); err == nil {
			t.Errorf("%s: %q passes", l, text)
		}
	}
	for l, text := range map[List]string{Invoices: "INV-12", Customers: "acme", Subscriptions: ""} {
		if err := TextError(l, Query{Text: text}); err != nil {
			t.Errorf("%s: %q: %v", l, text, err)
		}
	}
}
