package hyperline

import (
	"context"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestSimPaymentFailuresAgreeWithMethod: over real HTTP, a customer whose
// saved card expired sees its failed charges as payment_method_expired,
// made with that same card (same last four); a customer whose card is
// active never sees a charge fail as expired; and the payment-methods
// list holds the method the customer object names.
func TestSimPaymentFailuresAgreeWithMethod(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 11, Scale: 0.5})
	c, _ := simClient(t, sim, false)
	ctx := context.Background()
	biggest := sim.Companies()[0]
	for _, co := range sim.Companies() {
		if co.Customers > biggest.Customers {
			biggest = co
		}
	}
	cc := c.Company(biggest.ID)
	// The failed charges of the company's first invoices, by customer.
	failed := map[string][]Transaction{}
	opts := InvoiceListOptions{ListOptions: ListOptions{Take: 100}, Status: []string{InvoiceFilterAll}}
	for range 12 {
		p, err := cc.ListInvoices(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, inv := range p.Items {
			for _, tx := range inv.Transactions {
				if tx.Status == TransactionFailed {
					failed[inv.Customer.ID] = append(failed[inv.Customer.ID], tx)
				}
			}
		}
		if p.NextCursor == "" {
			break
		}
		opts.ListOptions = p.NextOptions()
	}
	expired, checked := 0, 0
	for id, txs := range failed {
		if checked == 80 {
			break
		}
		checked++
		cus, err := cc.GetCustomer(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		pms, err := cc.ListPaymentMethods(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if cus.PaymentMethodID == nil || len(pms) != 1 || pms[0].ID != *cus.PaymentMethodID {
			t.Fatalf("%s: payment methods %+v, customer names %v", id, pms, cus.PaymentMethodID)
		}
		pm := pms[0]
		for _, tx := range txs {
			et := *tx.ErrorType
			switch {
			case pm.Status == PaymentMethodStatusExpired && et != "payment_method_expired":
				t.Errorf("%s: card expired but charge %s failed as %s", id, tx.ID, et)
			case pm.Status == PaymentMethodStatusActive && (et == "payment_method_expired" || et == "mandate_invalid"):
				t.Errorf("%s: method active but charge %s failed as %s", id, tx.ID, et)
			}
			if tx.PaymentMethod == nil || tx.PaymentMethod.Last4Digits != pm.Last4Digits {
				t.Errorf("%s: charge %s made with %+v, saved method %+v", id, tx.ID, tx.PaymentMethod, pm)
			}
			if pm.Status == PaymentMethodStatusExpired {
				expired++
			}
		}
	}
	t.Logf("checked %d customers, %d failed charges on expired cards", checked, expired)
	if expired == 0 {
		t.Fatal("no failed charge on an expired card to check")
	}
	if _, err := cc.ListPaymentMethods(ctx, "cus_nosuchcustomer"); err == nil {
		t.Error("payment methods of an unknown customer: no error")
	}
}

// TestSimAuditLogsAgreeWithObjects: a customer's audit log is newest
// first, pages by cursor without losing or repeating an entry, and its
// entries carry the dates the objects themselves show (creation,
// settlement).
func TestSimAuditLogsAgreeWithObjects(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 5, Scale: 0.2})
	c, _ := simClient(t, sim, true)
	ctx := context.Background()
	cc := c.Company(sim.Companies()[0].ID)
	cp, err := cc.ListCustomers(ctx, CustomerListOptions{ListOptions: ListOptions{Take: 5}})
	if err != nil {
		t.Fatal(err)
	}
	for _, cus := range cp.Items {
		var all []AuditLog
		opts := AuditLogListOptions{ListOptions: ListOptions{Take: 7, WithTotal: true}, CustomerID: cus.ID}
		total := -1
		for {
			p, err := cc.ListAuditLogs(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			if total < 0 {
				total = p.Meta.Total
			}
			all = append(all, p.Items...)
			if p.NextCursor == "" {
				break
			}
			opts.ListOptions = p.NextOptions()
		}
		if len(all) != total || total == 0 {
			t.Fatalf("%s: walked %d entries, total %d", cus.ID, len(all), total)
		}
		for k := 1; k < len(all); k++ {
			if all[k].HappenedAt.After(all[k-1].HappenedAt) {
				t.Fatalf("%s: entry %d (%s) is newer than the one before", cus.ID, k, all[k].HappenedAt)
			}
		}
		last := all[len(all)-1]
		if last.Type != "customer.created" || !last.HappenedAt.Equal(cus.CreatedAt) {
			t.Errorf("%s: oldest entry %s at %s, customer created %s", cus.ID, last.Type, last.HappenedAt, cus.CreatedAt)
		}
		settled := map[string]bool{}
		for _, a := range all {
			if a.Type == "invoice.settled" {
				settled[*a.InvoiceID] = true
				inv, err := cc.GetInvoice(ctx, *a.InvoiceID)
				if err != nil {
					t.Fatal(err)
				}
				if inv.SettledAt == nil || !inv.SettledAt.Equal(a.HappenedAt) {
					t.Errorf("%s: settled at %s, invoice says %v", *a.InvoiceID, a.HappenedAt, inv.SettledAt)
				}
			}
		}
		invs, err := cc.ListInvoices(ctx, InvoiceListOptions{ListOptions: ListOptions{Take: 100}, CustomerID: cus.ID,
			Status: []string{InvoiceFilterAll}})
		if err != nil {
			t.Fatal(err)
		}
		for _, inv := range invs.Items {
			if inv.SettledAt != nil && !inv.SettledAt.After(sim.Epoch()) && !settled[inv.ID] {
				t.Errorf("%s: invoice %s settled at %s has no invoice.settled entry", cus.ID, inv.ID, inv.SettledAt)
			}
		}
	}
}
