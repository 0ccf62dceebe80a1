package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
)

// TestSummaryOfAnInvoiceNumber: `hlx summary` takes what a ticket quotes
// (an invoice number), finds it, and prints its customer's Markdown
// summary with the invoice on top; --json gives the same as data.
func TestSummaryOfAnInvoiceNumber(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	cc := w.api(t, small.ID)
	p, err := cc.ListInvoices(context.Background(), hyperline.InvoiceListOptions{ListOptions: hyperline.ListOptions{Take: 5},
		Status: []string{hyperline.InvoiceFilterAll}})
	if err != nil || len(p.Items) == 0 {
		t.Fatalf("invoices: %v", err)
	}
	inv := p.Items[0]
	out, errOut, code := run(t, w, "summary", inv.Number)
	if code != ExitOK {
		t.Fatalf("summary: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"**" + ticket.Escape(inv.Customer.Name) + "**", "Invoice **" + ticket.Escape(inv.Number) + "**",
		"- Owed: ", "- Payment method: ", "- Last failure: ", "- Links: "} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	out, errOut, code = run(t, w, "summary", inv.Number, "--json")
	if code != ExitOK {
		t.Fatalf("summary --json: exit %d: %s", code, errOut)
	}
	var s ticket.Summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if s.Customer.ID != inv.Customer.ID || s.Invoice == nil || s.Invoice.Number != inv.Number {
		t.Errorf("summary --json: %+v", s)
	}
	if _, _, code := run(t, w, "summary", "INV-NOSUCH-999999"); code == ExitOK {
		t.Error("an unknown reference gave a summary")
	}
}
