package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestTransactionsTab lists the company's transactions from the
// simulator (take/skip only), filters the loaded rows and says so, and
// opens a transaction's invoice with enter.
func TestTransactionsTab(t *testing.T) {
	t.Parallel()
	h, env := simHarness(t, simulator.Config{Scale: 0.2}, 1, 120, 30)
	h.key("4")
	qs := listQueries(env, "/v1/transactions")
	if len(qs) == 0 {
		t.Fatal("no transactions were asked for")
	}
	for _, q := range qs {
		for k := range q {
			if k != "take" && k != "skip" {
				t.Fatalf("the transactions list was sent %s, which the spec does not give it", k)
			}
		}
	}
	b := h.browser()
	if len(b.transactions().base.items) == 0 {
		t.Fatal("no transactions loaded")
	}
	h.requireView("[4 Transactions]", "Payment method", "Failure")
	h.requireView("Customer", "Invoice", "API order") // issue 22 item 7

	// A failed card payment shows its method and reason.
	var failed int
	for _, tx := range b.transactions().base.items {
		if tx.Status == "failed" {
			failed++
			if tx.FailureReason() == "" {
				t.Fatalf("%s failed for no reason", tx.ID)
			}
		}
	}
	env.sim.ResetRequests()
	h.filterLine("failed")
	h.key("enter")
	if n := len(listQueries(env, "/v1/transactions")); n > 10 {
		t.Fatalf("filtering the loaded rows made %d requests", n)
	}
	h.requireView("filtering the loaded rows")
	b = h.browser()
	tx, ok := b.transactions().selectedItem()
	if failed > 0 && (!ok || tx.Status != "failed") {
		t.Fatalf("the filter kept %+v", tx)
	}
	if !ok {
		t.Skip("no failed transaction in this company")
	}
	h.key("enter")
	d, isDetail := h.app.top().(*detailModel)
	if !isDetail || d.kind != kindInvoice || !strings.HasPrefix(d.id, "inv_") {
		t.Fatalf("enter opened %T, want an invoice", h.app.top())
	}
	inv, err := h.app.c.data.Invoice(context.Background(), h.app.scope.company.ID, d.id)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(inv.Transactions, func(p hyperline.Transaction) bool { return p.ID == tx.ID }) {
		t.Fatalf("invoice %s does not hold %s", inv.ID, tx.ID)
	}
}

// TestSettledTransactionOpensItsInvoice: a payment names its invoice in
// its allocations; enter opens it with no search.
func TestSettledTransactionOpensItsInvoice(t *testing.T) {
	t.Parallel()
	// At 120 columns: at 80 the payment method gives its room to the
	// customer and the invoice number (issue 22 item 7).
	h := newHarness(t, 120, 40).start()
	h.key("4")
	h.requireView("[4 Transactions]", "Visa •••• 4242", "insufficient funds")
	before := len(h.data.Calls())
	h.key("enter")
	d, ok := h.app.top().(*detailModel)
	if !ok || d.id != "inv_acme00001" {
		t.Fatalf("enter opened %T", h.app.top())
	}
	for _, c := range h.data.Calls()[before:] {
		if strings.Contains(c, ":invoices:cus_") { // the search walks the customer's invoices
			t.Fatalf("a settled payment's invoice was searched for: %s", c)
		}
	}
}
