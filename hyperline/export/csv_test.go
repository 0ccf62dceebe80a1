package export

import (
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

// writeCSV exports items and returns the text.
func writeCSV[T any](t *testing.T, cols []Column[T], items []T, opts ...Option) string {
	t.Helper()
	var b strings.Builder
	w := NewCSV(&b, cols, opts...)
	for _, it := range items {
		if err := w.Write(it); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if w.Count() != len(items) {
		t.Errorf("Count = %d, want %d", w.Count(), len(items))
	}
	return b.String()
}

func TestCSVGolden(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		got  string
		want string
	}{
		{"customers", writeCSV(t, CustomerColumns(), []hyperline.Customer{customer(t)}),
			"id,name,status,status_api,type,currency,billing_email,external_id,country,created_at\n" +
				`cus_1,"Acme, ""Inc""",active,active,corporate,EUR,billing@acme.test,,BE,2025-03-01T08:00:00Z` + "\n"},
		{"subscriptions", writeCSV(t, SubscriptionColumns(), []hyperline.Subscription{subscription(t)}),
			"id,customer_id,name,status,status_api,currency,next_payment_at,next_payment_amount,current_period_ends_at,created_at\n" +
				"sub_1,cus_1,Pro,active,active,EUR,2025-04-01T00:00:00Z,12345.67,,2024-01-15T10:30:00Z\n"},
		{"invoices", writeCSV(t, InvoiceColumns(exportNow), []hyperline.Invoice{invoice(t)}),
			invoiceHeader + "\n" +
				`inv_1,INV-0001,credit_note,paid,paid,cus_1,'=cmd|' /C calc'!A0,,KWD,-1.500,0.000,-1.500,2025-02-01T00:00:00Z,2025-03-01T00:00:00Z,,` + "\n"},
		{"empty list", writeCSV(t, InvoiceColumns(exportNow), nil), invoiceHeader + "\n"},
	}
	for _, tc := range cases {
		if tc.got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestCSVDefusesFormulas(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		`=HYPERLINK("http://x")`: `'=HYPERLINK("http://x")`,
		"+33 1 23":               "'+33 1 23",
		"-2+3":                   "'-2+3",
		"@SUM(A1)":               "'@SUM(A1)",
		"\t=1":                   "'\t=1",
		"\r=1":                   "'\r=1",
		"Acme = best":            "Acme = best",
		"":                       "",
		"'quoted":                "'quoted",
	} {
		if got := defuseFormula(name); got != want {
			t.Errorf("defuseFormula(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestCSVRoundTrip reads the export back with encoding/csv: quotes,
// commas, line breaks and non-ASCII survive, and only the formula guard
// changes a cell.
func TestCSVRoundTrip(t *testing.T) {
	t.Parallel()
	names := []string{"Plain", `Quote "q", comma`, "Two\nlines", "Ünïcödé 日本", "=1+1", "-x", " =spaced"}
	var items []hyperline.Customer
	for _, n := range names {
		c := customer(t)
		c.Name = n
		items = append(items, c)
	}
	rows, err := csv.NewReader(strings.NewReader(writeCSV(t, CustomerColumns(), items))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(items)+1 {
		t.Fatalf("%d rows, want %d", len(rows), len(items)+1)
	}
	if !slices.Equal(rows[0], []string{"id", "name", "status", "status_api", "type", "currency", "billing_email", "external_id", "country", "created_at"}) {
		t.Errorf("header = %q", rows[0])
	}
	for i, n := range names {
		want := n
		if strings.ContainsAny(n[:1], "=-") {
			want = "'" + n
		}
		if got := rows[i+1][1]; got != want {
			t.Errorf("row %d name = %q, want %q", i+1, got, want)
		}
	}
}

func TestCSVForTerminal(t *testing.T) {
	t.Parallel()
	c := customer(t)
	c.Name = "\x1b]52;c;cm0gLXJm\x07Evil\nCorp"
	c.BillingEmail = new("\t=1+1")
	out := writeCSV(t, CustomerColumns(), []hyperline.Customer{c}, ForTerminal())
	if strings.ContainsAny(out, "\x1b\x07\t") {
		t.Fatalf("control characters reached the terminal: %q", out)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][1]; got != "␛]52;c;cm0gLXJm␇Evil Corp" {
		t.Errorf("name = %q", got)
	}
	// The formula is defused before termsafe turns the tab into a space,
	// as in the file export (it came out as " =1+1", a formula again for
	// a spreadsheet that trims the cell).
	if got := rows[1][6]; got != "' =1+1" {
		t.Errorf("billing_email = %q", got)
	}
}

func TestCSVWriteAfterClose(t *testing.T) {
	t.Parallel()
	w := NewCSV(&strings.Builder{}, CustomerColumns())
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Write(customer(t)); err == nil {
		t.Error("Write after Close succeeded")
	}
}
