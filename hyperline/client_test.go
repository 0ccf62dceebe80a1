package hyperline

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

func TestNewValidatesBaseURL(t *testing.T) {
	t.Parallel()
	good := map[string]string{
		ProductionURL:                  ProductionURL,
		SandboxURL + "/":               SandboxURL,
		"http://127.0.0.1:7878":        "http://127.0.0.1:7878",
		"http://localhost:7878/":       "http://localhost:7878",
		"http://[::1]:9/":              "http://[::1]:9",
		"https://proxy.example/api/v0": "https://proxy.example/api/v0",
	}
	for in, want := range good {
		c, err := New(in, APIKey("k"))
		if err != nil || c.BaseURL() != want {
			t.Errorf("New(%q): %v, BaseURL %q want %q", in, err, c.BaseURL(), want)
		}
	}
	for _, bad := range []string{"", "api.hyperline.co", "ftp://x", "http://api.hyperline.co", "http://10.0.0.2:80",
		"https://user:pw@api.hyperline.co", "https://api.hyperline.co?x=1"} {
		if _, err := New(bad, APIKey("k")); err == nil {
			t.Errorf("New(%q): no error", bad)
		}
	}
	// The docs accept an API key as the Basic user name, so a URL's user
	// info may be a key: refused, and never repeated in the error.
	for _, bad := range []string{"https://prod_secretkey@api.hyperline.co", "https://prod_secretkey:pw@api.hyperline.co",
		"ftp://prod_secretkey@api.hyperline.co", "http://prod_secretkey@api.hyperline.co", "https://prod_secretkey@api.hyperline.co/%zz"} {
		_, err := New(bad, APIKey("k"))
		if err == nil || strings.Contains(err.Error(), "secretkey") || strings.Contains(err.Error(), ":pw@") {
			t.Errorf("New(%q): err = %v, want a refusal without the credentials", bad, err)
		}
	}
	if _, err := New(ProductionURL, nil); err == nil {
		t.Error("New with nil token source: no error")
	}
	if BaseURLForAPIKey("test_abc") != SandboxURL || BaseURLForAPIKey("prod_abc") != ProductionURL {
		t.Error("BaseURLForAPIKey")
	}
}

type headerLog struct {
	mu   sync.Mutex
	reqs []*http.Request
}

func (h *headerLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.reqs = append(h.reqs, r.Clone(context.Background()))
	h.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	switch {
	case strings.HasSuffix(r.URL.Path, "/download"):
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = w.Write([]byte("%PDF-1.7"))
	case strings.Count(r.URL.Path, "/") == 3: // a single object
		_, _ = w.Write([]byte(`{"id":"x","customer":{"id":"cus_1"}}`))
	default:
		_, _ = w.Write([]byte(`{"meta":{"total":0,"taken":0,"skipped":0},"data":[],"next_cursor":null,"has_more":false}`))
	}
}

func TestHeadersAndCompanyScoping(t *testing.T) {
	t.Parallel()
	log := &headerLog{}
	srv := httptest.NewServer(log)
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	ctx := context.Background()
	if _, err := c.ListCompanies(ctx); err != nil {
		t.Fatal(err)
	}
	cc := c.Company("cmp_42")
	if cc.ID() != "cmp_42" || cc.Client() != c {
		t.Fatal("CompanyClient identity")
	}
	calls := []func() error{
		func() error { _, err := cc.ListCustomers(ctx, CustomerListOptions{}); return err },
		func() error { _, err := cc.GetCustomer(ctx, "cus_1"); return err },
		func() error { _, err := cc.ListSubscriptions(ctx, SubscriptionListOptions{}); return err },
		func() error { _, err := cc.GetSubscription(ctx, "sub_1"); return err },
		func() error { _, err := cc.ListInvoices(ctx, InvoiceListOptions{}); return err },
		func() error { _, err := cc.GetInvoice(ctx, "inv_1"); return err },
		func() error { _, err := cc.DownloadInvoice(ctx, "inv_1", &strings.Builder{}); return err },
		func() error { _, err := cc.AllInvoices(ctx, InvoiceListOptions{}); return err },
	}
	for i, call := range calls {
		if err := call(); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	log.mu.Lock()
	defer log.mu.Unlock()
	for i, r := range log.reqs {
		if got := r.Header.Get("Authorization"); got != "Bearer "+testToken {
			t.Errorf("%s: Authorization %q", r.URL.Path, got)
		}
		if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "hlx/") || !strings.Contains(ua, "github.com/hyperline-tui/hlx") {
			t.Errorf("%s: User-Agent %q", r.URL.Path, ua)
		}
		company := r.Header.Get("Hyperline-CompanyId")
		if i == 0 {
			if company != "" {
				t.Errorf("/v1/companies carried a company header %q", company)
			}
			continue
		}
		if company != "cmp_42" {
			t.Errorf("%s: Hyperline-CompanyId %q", r.URL.Path, company)
		}
		if accept := r.Header.Get("Accept"); !strings.HasSuffix(r.URL.Path, "/download") && accept != "application/json" {
			t.Errorf("%s: Accept %q", r.URL.Path, accept)
		}
	}
	wantPaths := []string{"/v1/companies", "/v2/customers", "/v2/customers/cus_1", "/v2/subscriptions",
		"/v2/subscriptions/sub_1", "/v2/invoices", "/v2/invoices/inv_1", "/v2/invoices/inv_1/download", "/v2/invoices"}
	for i, p := range wantPaths {
		if i >= len(log.reqs) || log.reqs[i].URL.Path != p {
			t.Fatalf("request %d path: want %s (all: %d requests)", i, p, len(log.reqs))
		}
	}
}

func TestEmptyIDsAndCompanyAreRejected(t *testing.T) {
	t.Parallel()
	log := &headerLog{}
	srv := httptest.NewServer(log)
	defer srv.Close()
	c, _ := newTestClient(t, srv, WithUserAgent("custom/1"))
	ctx := context.Background()
	if _, err := c.Company("").ListCustomers(ctx, CustomerListOptions{}); err == nil {
		t.Error("empty company accepted")
	}
	if _, err := c.Company(" ").DownloadInvoice(ctx, "inv_1", &strings.Builder{}); err == nil {
		t.Error("blank company accepted for download")
	}
	if _, err := c.Company("cmp_1").GetCustomer(ctx, ""); err == nil {
		t.Error("empty customer ID accepted")
	}
	if err := c.DeleteApp(ctx, ""); err == nil {
		t.Error("empty app ID accepted")
	}
	if len(log.reqs) != 0 {
		t.Fatalf("%d requests made", len(log.reqs))
	}
	// IDs are escaped as one path segment.
	if _, err := c.Company("cmp_1").GetInvoice(ctx, "inv/../x"); err != nil {
		t.Fatal(err)
	}
	if got := log.reqs[0].URL.EscapedPath(); got != "/v2/invoices/inv%2F..%2Fx" {
		t.Fatalf("escaped path %q", got)
	}
	if ua := log.reqs[0].Header.Get("User-Agent"); ua != "custom/1" {
		t.Fatalf("User-Agent %q", ua)
	}
}

func TestFilterQueries(t *testing.T) {
	t.Parallel()
	log := &headerLog{}
	srv := httptest.NewServer(log)
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	cc := c.Company("cmp_1")
	ctx := context.Background()
	lo := ListOptions{Take: 25, Cursor: "c2", WithTotal: true}
	steps := []struct {
		call func() error
		want url.Values
	}{
		{func() error {
			_, err := cc.ListCustomers(ctx, CustomerListOptions{ListOptions: lo, NameContains: "acme & co", Status: []string{CustomerActive, "imported"},
				Search: "ac", BillingEmail: "a@b.co", ExternalID: "x-1", Sort: Sort{Field: SortUpdatedAt, Order: Ascending}})
			return err
		}, url.Values{"limit": {"25"}, "cursor": {"c2"}, "include_total": {"true"}, "name__contains": {"acme & co"},
			"status__in": {"active,imported"}, "search": {"ac"}, "billing_email": {"a@b.co"}, "external_id": {"x-1"},
			"sort": {"updated_at"}, "order": {"asc"}}},
		{func() error { _, err := cc.ListSubscriptions(ctx, SubscriptionListOptions{}); return err }, url.Values{}},
		{func() error {
			_, err := cc.ListSubscriptions(ctx, SubscriptionListOptions{ListOptions: ListOptions{Take: 25, Skip: 75}, Status: []SubscriptionStatus{StatusAny}})
			return err
		}, url.Values{"take": {"25"}, "skip": {"75"}, "status": {"any"}}},
		{func() error {
			_, err := cc.ListSubscriptions(ctx, SubscriptionListOptions{Status: []SubscriptionStatus{SubscriptionActive, SubscriptionPaused}, CustomerID: "cus_9"})
			return err
		}, url.Values{"status__in": {"active,paused"}, "customer_id": {"cus_9"}}},
		{func() error {
			_, err := cc.ListInvoices(ctx, InvoiceListOptions{Status: []string{string(InvoiceToPay)}, CustomerID: "cus_9",
				SubscriptionID: "sub_1", Number: "INV-7", Sort: Sort{Field: SortEmittedAt}})
			return err
		}, url.Values{"status": {"to_pay"}, "customer_id": {"cus_9"}, "subscription_id": {"sub_1"}, "invoice_number": {"INV-7"}, "sort": {"emitted_at"}}},
		{func() error {
			_, err := cc.ListInvoices(ctx, InvoiceListOptions{Status: []string{InvoiceFilterLate, string(InvoicePaid)}})
			return err
		}, url.Values{"status__in": {"late,paid"}}},
	}
	for i, s := range steps {
		if err := s.call(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		got := log.reqs[len(log.reqs)-1].URL.Query()
		if got.Encode() != s.want.Encode() {
			t.Errorf("step %d: query %q, want %q", i, got.Encode(), s.want.Encode())
		}
	}
	if _, err := cc.ListInvoices(ctx, InvoiceListOptions{Status: []string{"a,b"}}); err == nil {
		t.Error("comma in a filter value accepted")
	}
	for _, bad := range []func() error{
		func() error {
			_, err := cc.ListCustomers(ctx, CustomerListOptions{Sort: Sort{Field: SortEmittedAt}})
			return err
		},
		func() error { _, err := cc.ListInvoices(ctx, InvoiceListOptions{Sort: Sort{Order: "up"}}); return err },
		func() error {
			_, err := cc.ListCustomers(ctx, CustomerListOptions{ListOptions: ListOptions{Skip: 10}})
			return err
		},
		func() error {
			_, err := cc.ListSubscriptions(ctx, SubscriptionListOptions{ListOptions: ListOptions{Cursor: "c"}})
			return err
		},
	} {
		n := len(log.reqs)
		if err := bad(); err == nil || len(log.reqs) != n {
			t.Errorf("a sort or paging the list does not take: err %v, %d requests sent", err, len(log.reqs)-n)
		}
	}
}

// A server that ignores customer_id returns every customer's invoices: the
// client must never let another customer's invoice through.
func TestInvoiceCustomerFilterCheckedClientSide(t *testing.T) {
	t.Parallel()
	ls := newListServer(250)
	owner := func(id string) string { // every third invoice belongs to cus_B
		var n int
		for _, r := range id[len(id)-5:] {
			n = n*10 + int(r-'0')
		}
		if n%3 == 0 {
			return "cus_B"
		}
		return "cus_A"
	}
	ls.customerOf = owner
	srv := httptest.NewServer(ls)
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	cc := c.Company("cmp_1")
	ctx := context.Background()

	p, err := cc.ListInvoices(ctx, InvoiceListOptions{CustomerID: "cus_B", ListOptions: ListOptions{Take: 100}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 34 || p.Dropped != 66 || !p.HasMore() || p.NextOptions().Cursor != "at:100" {
		t.Fatalf("page: %d items, %d dropped, HasMore %v, next %+v", len(p.Items), p.Dropped, p.HasMore(), p.NextOptions())
	}
	all, err := cc.AllInvoices(ctx, InvoiceListOptions{CustomerID: "cus_B"})
	if err != nil {
		t.Fatal(err)
	}
	walked, err := collect(t, cc.Invoices(ctx, InvoiceListOptions{CustomerID: "cus_B"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, list := range [][]Invoice{p.Items, all, walked} {
		for _, inv := range list {
			if inv.Customer.ID != "cus_B" {
				t.Fatalf("invoice %s of %s leaked into cus_B's list", inv.ID, inv.Customer.ID)
			}
		}
	}
	if len(all) != 84 || len(walked) != 84 {
		t.Fatalf("all %d, walked %d; want 84", len(all), len(walked))
	}
	// Status filters are checked the same way (every item here is "paid").
	p, err = cc.ListInvoices(ctx, InvoiceListOptions{Status: []string{string(InvoiceToPay)}})
	if err != nil || len(p.Items) != 0 || p.Dropped != 50 {
		t.Fatalf("status check: %v, %d items, %d dropped", err, len(p.Items), p.Dropped)
	}
	// "late" is a filter value, not a status: it cannot be checked here.
	p, err = cc.ListInvoices(ctx, InvoiceListOptions{Status: []string{InvoiceFilterLate}})
	if err != nil || len(p.Items) != 50 {
		t.Fatalf("late filter: %v, %d items", err, len(p.Items))
	}
}

func TestCustomerAndSubscriptionFiltersCheckedClientSide(t *testing.T) {
	t.Parallel()
	ls := newListServer(10) // ignores every filter
	srv := httptest.NewServer(ls)
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	cc := c.Company("cmp_1")
	ctx := context.Background()
	p, err := cc.ListCustomers(ctx, CustomerListOptions{BillingEmail: "nobody@example.com"})
	if err != nil || len(p.Items) != 0 || p.Dropped != 10 {
		t.Fatalf("billing email: %v %+v", err, p)
	}
	p, err = cc.ListCustomers(ctx, CustomerListOptions{NameContains: "CUSTOMER CUS_0000"})
	if err != nil || len(p.Items) != 10 {
		t.Fatalf("name (case-insensitive): %v %d", err, len(p.Items))
	}
	p, err = cc.ListCustomers(ctx, CustomerListOptions{Status: []string{CustomerArchived}})
	if err != nil || len(p.Items) != 0 {
		t.Fatalf("status: %v %d", err, len(p.Items))
	}
	sp, err := cc.ListSubscriptions(ctx, SubscriptionListOptions{CustomerID: "cus_other"})
	if err != nil || len(sp.Items) != 0 || sp.Dropped != 10 {
		t.Fatalf("subscription customer: %v %+v", err, sp)
	}
	// Every item is active: "inactive" (pending and paused) drops them all.
	sp, err = cc.ListSubscriptions(ctx, SubscriptionListOptions{Status: []SubscriptionStatus{SubscriptionInactive}})
	if err != nil || len(sp.Items) != 0 || sp.Dropped != 10 {
		t.Fatalf("inactive: %v %+v", err, sp)
	}
}

func TestDownloadInvoice(t *testing.T) {
	t.Parallel()
	pdf := "%PDF-1.7\n" + strings.Repeat("x", 3<<20) // larger than any JSON bound used here
	cases := []struct {
		name    string
		status  int
		ct      string
		body    string
		wantErr error
	}{
		{"pdf", 200, "application/pdf", pdf, nil},
		{"octet", 200, "application/octet-stream", "%PDF-1", nil},
		{"json 200", 200, "application/json", `{"url":"x"}`, ErrMalformedResponse},
		{"html 200", 200, "text/html; charset=utf-8", `<html></html>`, ErrMalformedResponse},
		{"404", 404, "application/json", `{"message":"Invoice not found"}`, ErrNotFound},
	}
	for _, tc := range cases {
		srv := httptest.NewServer(serve(tc.status, tc.ct, tc.body))
		c, _ := newTestClient(t, srv, WithMaxBodySize(1024))
		var buf strings.Builder
		n, err := c.Company("cmp_1").DownloadInvoice(context.Background(), "inv_1", &buf)
		srv.Close()
		if tc.wantErr == nil {
			if err != nil || n != int64(len(tc.body)) || buf.String() != tc.body {
				t.Errorf("%s: n=%d err=%v", tc.name, n, err)
			}
			continue
		}
		if !errors.Is(err, tc.wantErr) || buf.Len() != 0 || n != 0 {
			t.Errorf("%s: err=%v, wrote %d bytes", tc.name, err, buf.Len())
		}
	}
}
