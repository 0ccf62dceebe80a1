package simulator

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"
)

func TestInvoicesCursorPaging(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{Scale: 0.3})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	total := *cursorGet[invoiceJSON](t, sim, "/v2/invoices?status=all&include_total=true&limit=1", tok, medium).Total
	for _, sort := range []string{"created_at", "emitted_at"} {
		for _, order := range []string{"asc", "desc"} {
			path := fmt.Sprintf("/v2/invoices?status=all&limit=100&sort=%s&order=%s", sort, order)
			got := walkCursor[invoiceJSON](t, sim, path, tok, medium)
			if len(got) != total {
				t.Fatalf("%s: %d invoices, want %d", path, len(got), total)
			}
			seen := map[string]bool{}
			for k, inv := range got {
				if seen[inv.ID] {
					t.Fatalf("%s: %s twice", path, inv.ID)
				}
				seen[inv.ID] = true
				if sort == "emitted_at" && k > 0 {
					a, b := got[k-1].IssuedAt, inv.IssuedAt
					if order == "asc" && a > b || order == "desc" && a < b {
						t.Fatalf("%s: issued_at %s then %s", path, a, b)
					}
				}
			}
			// The deprecated offset list walks the same order.
			v1 := fmt.Sprintf("/v1/invoices?status=all&take=100&skip=%d&sort=%s&order=%s", 300, sort, order)
			pg := list[invoiceV1JSON](t, sim, v1, tok, medium)
			if pg.Meta.Total != total || len(pg.Data) != 100 {
				t.Fatalf("%s: meta %+v, %d items", v1, pg.Meta, len(pg.Data))
			}
			for k, inv := range pg.Data {
				if inv.ID != got[300+k].ID {
					t.Fatalf("%s: item %d is %s, v2 has %s", v1, k, inv.ID, got[300+k].ID)
				}
			}
		}
	}
	// Small pages join up to the same list.
	small := walkCursor[invoiceJSON](t, sim, "/v2/invoices?status=all&limit=7&sort=emitted_at", tok, "")
	big := walkCursor[invoiceJSON](t, sim, "/v2/invoices?status=all&limit=100&sort=emitted_at", tok, "")
	if !slices.EqualFunc(small, big, func(a, b invoiceJSON) bool { return a.ID == b.ID }) {
		t.Errorf("pages of 7 and of 100 disagree")
	}
	// An invoice cursor is refused by the customer list, and the reverse.
	cur := *cursorGet[invoiceJSON](t, sim, "/v2/invoices?limit=2", tok, "").NextCursor
	resp, body := get(t, sim.URL+"/v2/customers?cursor="+cur, tok, "")
	wantStatus(t, resp, body, http.StatusBadRequest)
	for _, q := range []string{"limit=0", "limit=101", "sort=updated_at", "order=newest", "include_total=1", "cursor=x", "status=missing_info", "type=credit_note", "issued_at__gt=soon"} {
		resp, body := get(t, sim.URL+"/v2/invoices?"+q, tok, "")
		wantStatus(t, resp, body, http.StatusBadRequest)
	}
}

func TestInvoiceStatusFilter(t *testing.T) {
	t.Parallel()
	epoch := time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	sim := start(t, Config{Epoch: epoch, Scale: 0.4})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	all := walkCursor[invoiceJSON](t, sim, "/v2/invoices?limit=100&status=all", tok, medium)
	count := func(query string, want func(invoiceJSON) bool) {
		t.Helper()
		got := walkCursor[invoiceJSON](t, sim, "/v2/invoices?limit=100&"+query, tok, medium)
		n := 0
		for _, inv := range all {
			if want(inv) {
				n++
			}
		}
		if len(got) != n || n == 0 {
			t.Errorf("%s: %d invoices, want %d", query, len(got), n)
		}
		for _, inv := range got {
			if !want(inv) {
				t.Errorf("%s: %s (%s) does not match", query, inv.Number, inv.Status)
			}
		}
	}
	is := func(statuses ...string) func(invoiceJSON) bool {
		return func(inv invoiceJSON) bool { return slices.Contains(statuses, inv.Status) }
	}
	count("", func(inv invoiceJSON) bool { return inv.Status != "open" })
	count("status=open", is("open"))
	count("status__in=paid,error", is("paid", "error"))
	count("status=uncollectible", is("uncollectible"))
	count("status=late", func(inv invoiceJSON) bool {
		due, _ := time.Parse(isoMillis, inv.DueAt)
		return is("to_pay", "grace_period", "partially_paid", "error")(inv) && due.Before(epoch)
	})
	count("status=outstanding", is("to_pay", "grace_period", "partially_paid", "error"))
	count("status=refunded", func(inv invoiceJSON) bool { return inv.RefundedAt != nil })
	count("status=finalized", func(inv invoiceJSON) bool {
		return !is("draft", "pending_approval", "changes_requested", "missing_info", "open", "pending_parent_concat", "pending_consolidation", "voided")(inv)
	})
	count("status=all&type=refund", func(inv invoiceJSON) bool { return inv.Type == "credit_note" })
	count("status=all&type__in=invoice,document", func(inv invoiceJSON) bool { return inv.Type == "invoice" || inv.Type == "document" })
	mid := all[len(all)/2].IssuedAt
	count("status=all&issued_at__lt="+mid, func(inv invoiceJSON) bool { return inv.IssuedAt < mid })
	count("status=all&due_at__gte="+mid, func(inv invoiceJSON) bool { return inv.DueAt >= mid })
	count("status=all&invoice_number="+all[5].Number, func(inv invoiceJSON) bool { return inv.Number == all[5].Number })
	sub := ""
	for _, inv := range all {
		if inv.SubscriptionID != nil {
			sub = *inv.SubscriptionID
			break
		}
	}
	count("status=all&subscription_id="+sub, func(inv invoiceJSON) bool { return inv.SubscriptionID != nil && *inv.SubscriptionID == sub })
	count("status=all&subscription_id__isNull=1", func(inv invoiceJSON) bool { return inv.SubscriptionID == nil })
	count("status=all&original_invoice_id__isNotNull=1", func(inv invoiceJSON) bool { return inv.OriginalInvoiceID != nil })
	// The deprecated list names its date filters emission_date and due_date.
	v1 := list[invoiceV1JSON](t, sim, "/v1/invoices?status=all&take=1&emission_date__lt="+mid, tok, medium).Meta.Total
	if v2 := len(walkCursor[invoiceJSON](t, sim, "/v2/invoices?limit=100&status=all&issued_at__lt="+mid, tok, medium)); v1 != v2 {
		t.Errorf("emission_date__lt: v1 %d, v2 issued_at__lt %d", v1, v2)
	}
}

func TestCreditNotesRefundTheirOriginal(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	notes := walkCursor[invoiceJSON](t, sim, "/v2/invoices?limit=100&status=all&type=refund", tok, medium)
	if len(notes) < 10 {
		t.Fatalf("%d credit notes", len(notes))
	}
	for _, cn := range notes {
		if cn.OriginalInvoiceID == nil || cn.OriginalInvoiceNumber == nil {
			t.Fatalf("credit note %s has no original", cn.Number)
		}
		resp, body := get(t, sim.URL+"/v2/invoices/"+*cn.OriginalInvoiceID, tok, medium)
		wantStatus(t, resp, body, http.StatusOK)
		orig := decode[invoiceJSON](t, body)
		if orig.Number != *cn.OriginalInvoiceNumber || orig.Status != "paid" || orig.Type != "invoice" || orig.RefundedAt == nil {
			t.Errorf("%s credits %s (%s, %s, refunded %v)", cn.Number, orig.Number, orig.Status, orig.Type, orig.RefundedAt)
		}
		if cn.TotalAmount != orig.TotalAmount || len(cn.LineItems) != len(orig.LineItems) {
			t.Errorf("%s: %d in %d lines, original %d in %d", cn.Number, cn.TotalAmount, len(cn.LineItems), orig.TotalAmount, len(orig.LineItems))
		}
		for k, li := range cn.LineItems {
			if li.EntryType != "credit" || li.OriginalLineItemID == nil || *li.OriginalLineItemID != orig.LineItems[k].ID {
				t.Errorf("%s line %d: %s, original line %v", cn.Number, k, li.EntryType, li.OriginalLineItemID)
			}
		}
		if len(cn.Transactions) != 1 || cn.Transactions[0].Type != "refund" || cn.Transactions[0].OriginalTransactionID == nil {
			t.Fatalf("%s transactions: %+v", cn.Number, cn.Transactions)
		}
		refunded := *cn.Transactions[0].OriginalTransactionID
		found := false
		for _, tx := range orig.Transactions {
			if tx.ID == refunded && tx.Status == "settled" && tx.RefundedAt != nil {
				found = true
			}
		}
		if !found {
			t.Errorf("%s refunds %s, not a settled payment of %s", cn.Number, refunded, orig.Number)
		}
	}
}

func TestInvoicePaymentsFailRealistically(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	retried, errored, chargebacks, unexplained := 0, map[string]int{}, 0, 0
	for _, inv := range walkCursor[invoiceJSON](t, sim, "/v2/invoices?limit=100&status=all", tok, medium) {
		var statuses []string
		for _, tx := range inv.Transactions {
			statuses = append(statuses, tx.Status)
			if tx.Status == "failed" {
				if tx.ErrorType == nil || tx.ErrorMessage == nil {
					t.Errorf("%s: failed transaction without error", inv.Number)
				} else {
					errored[*tx.ErrorType]++
				}
			}
			if tx.Type == "chargeback" {
				chargebacks++
				if tx.ReversedAt == nil || tx.OriginalTransactionID == nil {
					t.Errorf("%s: chargeback %+v", inv.Number, tx)
				}
			}
		}
		if inv.Status == "paid" && slices.Equal(statuses[:min(2, len(statuses))], []string{"failed", "settled"}) {
			retried++
		}
		if inv.Status == "error" && len(statuses) > 0 && !slices.Contains(statuses, "failed") {
			t.Errorf("%s is in error with %v", inv.Number, statuses)
		}
		if (inv.Status == "error" || inv.Status == "uncollectible") && len(statuses) == 0 {
			unexplained++ // only the invoices that show every status once may be
		}
	}
	if retried == 0 || len(errored) < 3 || errored["insufficient_funds"] == 0 || errored["declined"] == 0 || chargebacks == 0 {
		t.Errorf("retried %d, errors %v, chargebacks %d", retried, errored, chargebacks)
	}
	// A payment failure shows the failed charges; a transfer payer is late
	// instead of failed.
	if unexplained > 2 {
		t.Errorf("%d invoices failed payment without a failed charge", unexplained)
	}
}

// TestInvoicesMatchSpec validates the invoice endpoints' bodies against
// the published schemas, unknown keys included.
func TestInvoicesMatchSpec(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	for _, co := range sim.Companies() {
		for _, tt := range []struct{ path, spec string }{
			{"/v2/invoices?limit=100&status=all&include_total=true", "/v2/invoices"},
			{"/v2/invoices?limit=100&status=all&type=refund", "/v2/invoices"},
			{"/v2/invoices?limit=100&status=late&sort=emitted_at", "/v2/invoices"},
			{"/v1/invoices?take=100&status=all", "/v1/invoices"},
		} {
			resp, body := get(t, sim.URL+tt.path, tok, co.ID)
			wantStatus(t, resp, body, http.StatusOK)
			checkSpec(t, responsePointer(tt.spec, "200"), body)
		}
		for _, inv := range cursorGet[invoiceJSON](t, sim, "/v2/invoices?limit=25&status=all", tok, co.ID).Data {
			for _, v := range []string{"/v1/invoices/{id}", "/v2/invoices/{id}"} {
				resp, body := get(t, sim.URL+v[:13]+inv.ID, tok, co.ID)
				wantStatus(t, resp, body, http.StatusOK)
				checkSpec(t, responsePointer(v, "200"), body)
			}
		}
	}
	resp, body := get(t, sim.URL+"/v2/invoices/inv_doesnotexist00", tok, "")
	wantStatus(t, resp, body, http.StatusNotFound)
	checkSpec(t, responsePointer("/v2/invoices/{id}", "404"), body)
}
