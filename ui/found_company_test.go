package ui

import (
	"context"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

// TestFoundObjectForALeftCompanyNeverOpens: a lookup started in Acme (the
// invoice a failed transaction went to) whose answer arrives after the
// user switched to Globex opens nothing: not under Globex, where the ID
// means nothing. The same answer opens the invoice while Acme is current.
func TestFoundObjectForALeftCompanyNeverOpens(t *testing.T) {
	t.Parallel()
	failed := hyperline.ListedTransaction{Transaction: hyperline.Transaction{ID: "tra_acme00001a", CustomerID: "cus_acme00001"}}

	// Control: found while Acme is current, the invoice opens.
	h := newHarness(t, 120, 40).start()
	h.run(openTransactionInvoice(context.Background(), h.app.c, "cmp_acme", failed))
	if d, ok := h.app.top().(*detailModel); !ok || d.id != "inv_acme00001" || d.sc.company.ID != "cmp_acme" {
		t.Fatalf("found in the current company: top is %T, want the invoice inv_acme00001 in Acme", h.app.top())
	}

	// Start the lookup in Acme, switch to Globex, then deliver Acme's answer.
	h = newHarness(t, 120, 40).start()
	lookup := openTransactionInvoice(context.Background(), h.app.c, "cmp_acme", failed)
	h.key("c")
	h.typeText("Globex")
	h.key("enter")
	if h.browser().sc.company.ID != "cmp_globex" {
		t.Fatalf("switched to %q", h.browser().sc.company.ID)
	}
	depth := len(h.app.stack)
	h.run(lookup)
	if d, ok := h.app.top().(*detailModel); ok {
		t.Fatalf("Acme's invoice %s opened under %s", d.id, d.sc.company.ID)
	}
	if len(h.app.stack) != depth {
		t.Fatalf("a screen was pushed: %d screens, want %d", len(h.app.stack), depth)
	}
	h.requireView("Globex client 0")
}
