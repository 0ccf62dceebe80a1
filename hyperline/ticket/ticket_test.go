package ticket

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestMarkdownKeepsHostileTextLiteral: a customer named like Markdown
// syntax, an autolink or an escape sequence stays literal text in the
// summary: no link, heading, emphasis or HTML comes of it, and no control
// character reaches the paste.
func TestMarkdownKeepsHostileTextLiteral(t *testing.T) {
	t.Parallel()
	for _, name := range []string{
		"[x](http://evil)", "# Title", "*bold* _it_ `code`", "http://evil.example", "www.evil.example",
		"<img src=x onerror=alert(1)>", "Evil\x1b[2J\x1b]52;c;SE9TVElMRQ==\x07 Corp", "a\nb\r## c", "&lt;b&gt;",
	} {
		email := name + "@x.example"
		msg := "Declined: " + name
		f := &Facts{
			Customer: &hyperline.Customer{ID: "cus_1", Name: name, BillingEmail: &email, Status: "active",
				Integrations: []hyperline.Integration{{EntityID: "cus_" + name, ProviderName: "stripe"}}},
			Invoices: []hyperline.Invoice{{ID: "inv_1", Number: name, Transactions: []hyperline.Transaction{{
				ID: "tra_1", Status: hyperline.TransactionFailed, ErrorType: ptr("declined"), ErrorMessage: &msg}}}},
			Subscriptions: []hyperline.Subscription{{ID: "sub_1", Name: name, Status: hyperline.SubscriptionActive}},
			Loaded:        map[string]bool{PartBalance: true},
		}
		md := Markdown(f, DefaultTemplates(), time.UTC)
		if strings.ContainsAny(md, "\x1b\x07\r") {
			t.Errorf("%q: a control character reached the summary: %q", name, md)
		}
		for _, line := range strings.Split(strings.TrimRight(md, "\n"), "\n") {
			if strings.HasPrefix(line, "#") {
				t.Errorf("%q: a heading: %q", name, line)
			}
		}
		esc := Escape(name)
		// Once every backslash pair is taken out, no markup may be left.
		bare := regexp.MustCompile(`\\.`).ReplaceAllString(esc, "")
		if strings.ContainsAny(bare, "[]<>*_`&#~") || strings.Contains(bare, "://") || strings.Contains(strings.ToLower(bare), "www.") {
			t.Errorf("%q escapes to %q, which leaves markup: %q", name, esc, bare)
		}
		if !strings.Contains(md, "**"+esc+"**") {
			t.Errorf("%q: the name is not shown as %q:\n%s", name, esc, md)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// countingTransport counts requests by path.
type countingTransport struct{ n atomic.Int32 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

// TestLoadCostsNineRequests: a whole ticket over real HTTP makes exactly
// Requests() requests, and its summary names the customer, the balance
// and the subscriptions the simulator holds.
func TestLoadCostsNineRequests(t *testing.T) {
	t.Parallel()
	sim, err := simulator.Start("127.0.0.1:0", simulator.Config{Seed: 3, Scale: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	ct := &countingTransport{}
	c, err := hyperline.New(sim.URL, hyperline.APIKey(sim.APIKey()), hyperline.WithHTTPClient(&http.Client{Transport: ct}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cc := c.Company(sim.Companies()[0].ID)
	p, err := cc.ListCustomers(ctx, hyperline.CustomerListOptions{ListOptions: hyperline.ListOptions{Take: 3}})
	if err != nil {
		t.Fatal(err)
	}
	ct.n.Store(0)
	cus := p.Items[0]
	f := Load(ctx, cc, cus.ID)
	if got := int(ct.n.Load()); got != Requests() || got != 9 {
		t.Fatalf("a ticket made %d requests, want %d", got, Requests())
	}
	for part := range map[string]bool{PartCustomer: true, PartBalance: true, PartActivity: true} {
		if !f.Loaded[part] {
			t.Errorf("part %s not loaded", part)
		}
	}
	if f.CustomerErr != nil || f.BalanceErr != nil || f.PaymentMethodsErr != nil || f.ActivityErr != nil || f.PortalErr != nil {
		t.Fatalf("errors: %v %v %v %v %v", f.CustomerErr, f.BalanceErr, f.PaymentMethodsErr, f.ActivityErr, f.PortalErr)
	}
	md := Markdown(f, DefaultTemplates(), time.UTC)
	if !strings.Contains(md, Escape(cus.Name)) || !strings.Contains(md, "- Owed: ") || !strings.Contains(md, "[Portal](") {
		t.Errorf("summary:\n%s", md)
	}
	if len(f.Activity) == 0 || f.Activity[len(f.Activity)-1].HappenedAt.After(f.Activity[0].HappenedAt) {
		t.Errorf("activity not newest first: %+v", f.Activity)
	}
}
