package hyperline

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

func TestSimInvoices(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 12, Scale: 0.02})
	c, _ := simClient(t, sim, false)
	ctx := context.Background()
	seeded := sim.Companies()
	cc := c.Company(seeded[1].ID)

	all, err := cc.AllInvoices(ctx, InvoiceListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	walked, err := collect(t, cc.Invoices(ctx, InvoiceListOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 || !slices.Equal(ids(all, invoiceID), ids(walked, invoiceID)) {
		t.Fatalf("all %d, walked %d", len(all), len(walked))
	}

	// Drill down into one customer: the server honours customer_id, so no
	// page is wasted, and the result is exactly that customer's invoices.
	owner := all[len(all)/2].Customer.ID
	var want []string
	for _, inv := range all {
		if inv.Customer.ID == owner {
			want = append(want, inv.ID)
		}
	}
	sim.ResetRequests()
	mine, err := cc.AllInvoices(ctx, InvoiceListOptions{CustomerID: owner})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(mine, invoiceID), want) {
		t.Fatalf("customer %s: got %v, want %v", owner, ids(mine, invoiceID), want)
	}
	for _, r := range sim.Requests() {
		if r.CompanyHeader != seeded[1].ID {
			t.Fatalf("%s without the company header", r.Path)
		}
	}
	p, err := cc.ListInvoices(ctx, InvoiceListOptions{CustomerID: owner})
	if err != nil || p.Dropped != 0 {
		t.Fatalf("the simulator honours customer_id, yet %d items were dropped (%v)", p.Dropped, err)
	}

	// Status filter, one and several values.
	statuses := map[InvoiceStatus]int{}
	for _, inv := range all {
		statuses[inv.Status]++
	}
	var two []string
	for st := range statuses {
		switch st {
		case InvoiceMissingInfo, InvoiceArchived, InvoiceChargedOnParent, InvoicePendingParentConcat:
			continue // response statuses the status filter does not take
		}
		two = append(two, string(st))
		if len(two) == 2 {
			break
		}
	}
	got, err := cc.AllInvoices(ctx, InvoiceListOptions{Status: two})
	if err != nil {
		t.Fatal(err)
	}
	wantN := 0
	for _, st := range two {
		wantN += statuses[InvoiceStatus(st)]
	}
	if len(got) != wantN {
		t.Fatalf("status %v: %d invoices, want %d", two, len(got), wantN)
	}
	for _, inv := range got {
		if !slices.Contains(two, string(inv.Status)) {
			t.Fatalf("status filter %v returned %s", two, inv.Status)
		}
	}

	// Single invoice and its PDF.
	one, err := cc.GetInvoice(ctx, all[0].ID)
	if err != nil || one.ID != all[0].ID || one.Total().Currency == "" || len(one.Raw) == 0 {
		t.Fatalf("GetInvoice: %v %+v", err, one)
	}
	var pdf bytes.Buffer
	n, err := cc.DownloadInvoice(ctx, all[0].ID, &pdf)
	if err != nil || n == 0 || n != int64(pdf.Len()) || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("DownloadInvoice: %v, %d bytes, starts %q", err, n, pdf.Bytes()[:min(8, pdf.Len())])
	}
	if _, err := cc.DownloadInvoice(ctx, "inv_missing", &pdf); !errors.Is(err, ErrNotFound) {
		t.Fatalf("download unknown: %v", err)
	}
	if _, err := cc.GetInvoice(ctx, "inv_missing"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("get unknown: %v", err)
	}
}
