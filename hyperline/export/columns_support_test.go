package export

import (
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
)

// exportNow is the clock the invoice columns count days overdue from.
var exportNow = time.Date(2025, 3, 12, 9, 30, 0, 0, time.UTC)

const invoiceHeader = "id,number,type,status,status_api,customer_id,customer_name,customer_email,currency," +
	"total_amount,amount_due,amount_paid,issued_at,due_at,days_overdue,settled_at"

// TestInvoiceCSVHasWhatALateListNeeds: a spreadsheet of late invoices
// needs whom to write to (the billing email), how late each one is, and
// the status as people read it, with the API's value in its own column
// for filters and scripts. The export had none of them.
func TestInvoiceCSVHasWhatALateListNeeds(t *testing.T) {
	t.Parallel()
	late := decode[hyperline.Invoice](t, `{"id":"inv_2","number":"INV-0002","type":"invoice","status":"error",`+
		`"customer":{"id":"cus_1","name":"Acme","email":"billing@acme.test"},"currency":"EUR",`+
		`"total_amount":12000,"amount_due":12000,"amount_paid":0,`+
		`"issued_at":"2025-01-28T10:00:00Z","due_at":"2025-02-27T23:30:00Z","settled_at":null}`)
	partly := decode[hyperline.Invoice](t, `{"id":"inv_3","number":"INV-0003","type":"invoice","status":"partially_paid",`+
		`"customer":{"id":"cus_1","name":"Acme","email":null},"currency":"EUR",`+
		`"total_amount":12000,"amount_due":2000,"amount_paid":10000,`+
		`"issued_at":"2025-03-01T10:00:00Z","due_at":"2025-03-31T10:00:00Z","settled_at":null}`)
	rows, err := csv.NewReader(strings.NewReader(writeCSV(t, InvoiceColumns(exportNow), []hyperline.Invoice{late, partly, invoice(t)}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != invoiceHeader {
		t.Fatalf("header = %s", got)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, tc := range []struct {
		row                         []string
		status, api, email, overdue string
	}{
		{rows[1], "payment failed", "error", "billing@acme.test", "13"},
		{rows[2], "partly paid", "partially_paid", "", ""},
		{rows[3], "paid", "paid", "", ""},
	} {
		got := [4]string{tc.row[col["status"]], tc.row[col["status_api"]], tc.row[col["customer_email"]], tc.row[col["days_overdue"]]}
		if want := [4]string{tc.status, tc.api, tc.email, tc.overdue}; got != want {
			t.Errorf("%s: status, status_api, customer_email, days_overdue = %q, want %q", tc.row[1], got, want)
		}
	}
}

// TestStatusLabelsAreTheListsWords: every status reads as in the
// explorer's lists, the API's value beside it.
func TestStatusLabelsAreTheListsWords(t *testing.T) {
	t.Parallel()
	for value, want := range map[string]string{
		"error": "payment failed", "grace_period": "grace period", "partially_paid": "partly paid",
		"to_pay": "to pay", "pending_approval": "awaiting approval", "charged_on_parent": "on parent",
		"trialing": "trial", "active": "active", "some_new_status": "some new status",
	} {
		got := hyperline.InvoiceStatus(value).Label()
		if value == "trialing" {
			got = hyperline.SubscriptionStatus(value).Label()
		}
		if got != want {
			t.Errorf("label of %q = %q, want %q", value, got, want)
		}
	}
	sub := subscription(t)
	sub.Status = hyperline.SubscriptionTrialing
	rows, _ := csv.NewReader(strings.NewReader(writeCSV(t, SubscriptionColumns(), []hyperline.Subscription{sub}))).ReadAll()
	if rows[1][3] != "trial" || rows[1][4] != "trialing" {
		t.Errorf("subscription status cells = %q, %q", rows[1][3], rows[1][4])
	}
}
