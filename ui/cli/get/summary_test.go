package get

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

// TestSummaryIsTerminalSafe: what the API typed reaches the terminal with
// its controls shown, not obeyed.
func TestSummaryIsTerminalSafe(t *testing.T) {
	t.Parallel()
	var c hyperline.Customer
	if err := json.Unmarshal([]byte(`{"id":"cus_1","name":"\u001b]52;c;bad\u0007Acme\u202e","billing_email":"a@b\r\nX-Injected: 1",`+
		`"created_at":"2025-03-01T09:00:00Z"}`), &c); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	customerSummary(&c).print(&b)
	out := b.String()
	if strings.ContainsAny(out, "\x1b\x07\r\u202e") || strings.Contains(out, "\nX-Injected") {
		t.Fatalf("unsafe summary:\n%q", out)
	}
	if !strings.Contains(out, "Name:             ␛]52;c;bad␇Acme\n") || !strings.Contains(out, "Created:          2025-03-01T09:00:00Z\n") {
		t.Errorf("summary:\n%s", out)
	}

}

// TestSummaryShowsOnlyWebPages: a public_url that is not an http(s) page
// is not printed for opening.
func TestSummaryShowsOnlyWebPages(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"https://app.hyperline.co/public/invoices/inv_1": "Public URL:      https://app.hyperline.co/public/invoices/inv_1\n",
		"javascript:alert(1)":                            "Public URL:      not shown, not a web page",
		"file:///etc/passwd":                             "Public URL:      not shown, not a web page",
	} {
		inv := hyperline.Invoice{ID: "inv_1", PublicURL: raw}
		var b strings.Builder
		invoiceSummary(&inv).print(&b)
		if !strings.Contains(b.String(), want) || (want[len(want)-1] != '\n' && strings.Contains(b.String(), raw)) {
			t.Errorf("public_url %q:\n%s", raw, b.String())
		}
	}
}

// TestSummaryStatusIsLabelAndValue: `hlx get` says a status as the
// explorer does, the label with the API's value beside it where they
// differ (it said "error" where the lists said "payment failed").
func TestSummaryStatusIsLabelAndValue(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	invoiceSummary(&hyperline.Invoice{ID: "inv_1", Status: hyperline.InvoiceError}).print(&b)
	subscriptionSummary(&hyperline.Subscription{ID: "sub_1", Status: hyperline.SubscriptionTrialing}).print(&b)
	customerSummary(&hyperline.Customer{ID: "cus_1", Status: "active", Subscriptions: []hyperline.CustomerSubscription{
		{ID: "sub_2", Status: hyperline.SubscriptionTrialing}}}).print(&b)
	out := b.String()
	for _, want := range []string{"payment failed (error)\n", "trial (trialing)\n", "active\n", "sub_2  trial (trialing)"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q lacks %q", out, want)
		}
	}
}
