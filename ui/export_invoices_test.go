package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestInvoiceExportCountsDaysOverdueOnTheAppsClock: the explorer's
// invoice CSV says, per invoice, the status as the list shows it, the
// API's value, the billing email and how many days it is overdue, counted
// on the explorer's clock.
func TestInvoiceExportCountsDaysOverdueOnTheAppsClock(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	h := newHarness(t, 120, 40, withSaveDir(dir), withCustomers(40)).start()
	h.key("3")
	h.requireView("INV-1000")
	h.key("e")
	h.requireView("Saved " + dir)
	files := savedFiles(t, dir)
	if len(files) != 1 || !strings.Contains(files[0], "invoices") {
		t.Fatalf("files %v", files)
	}
	f, err := os.Open(filepath.Join(dir, files[0]))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) < 2 {
		t.Fatalf("%d rows: %v", len(rows), err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, name := range []string{"status", "status_api", "customer_email", "days_overdue"} {
		if _, ok := col[name]; !ok {
			t.Fatalf("no %s column in %q", name, rows[0])
		}
	}
	today := testNow.UTC().Truncate(24 * time.Hour)
	overdue := 0
	for _, row := range rows[1:] {
		if row[col["status_api"]] == "error" && row[col["status"]] != "payment failed" {
			t.Errorf("%s: status %q for error", row[1], row[col["status"]])
		}
		due, err := time.Parse(time.RFC3339, row[col["due_at"]])
		owed := row[col["amount_due"]] != "0.00" && row[col["amount_due"]] != "0" && !strings.HasPrefix(row[col["amount_due"]], "0.")
		want := ""
		if err == nil && owed && due.Before(testNow) && row[col["status_api"]] != "draft" && row[col["status_api"]] != "voided" {
			want = strconv.Itoa(int(today.Sub(due.UTC().Truncate(24*time.Hour)) / (24 * time.Hour)))
			overdue++
		}
		if got := row[col["days_overdue"]]; got != want {
			t.Errorf("%s (%s, due %s, owes %s): days_overdue %q, want %q", row[1], row[col["status_api"]], row[col["due_at"]], row[col["amount_due"]], got, want)
		}
	}
	if overdue == 0 {
		t.Error("test setup: no overdue invoice in the export")
	}
}
