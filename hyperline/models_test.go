package hyperline

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeCustomer(t *testing.T) {
	t.Parallel()
	raw := readFixture(t, "customer.json")
	var c Customer
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	if c.ID != "cus_Typ0px2W0aiEtl" || c.Name != "Acme" || c.Type != CustomerCorporate || c.Status != CustomerActive {
		t.Errorf("identity: %+v", c)
	}
	if c.BillingEmail == nil || *c.BillingEmail != "billing@acme.test" || c.Country != nil {
		t.Errorf("nullable strings: billing=%v country=%v", c.BillingEmail, c.Country)
	}
	if c.BillingAddress == nil || c.BillingAddress.City != "Paris" || c.BillingAddress.Line2 != nil || c.ShippingAddress != nil {
		t.Errorf("addresses: %+v %+v", c.BillingAddress, c.ShippingAddress)
	}
	if c.PaymentMethod == nil || c.PaymentMethod.Label() != "Visa •••• 2718" || c.PaymentMethodType == nil || *c.PaymentMethodType != PaymentCard {
		t.Errorf("payment method: %+v", c.PaymentMethod)
	}
	if len(c.Subscriptions) != 1 || c.Subscriptions[0].Status != SubscriptionActive || c.Subscriptions[0].CheckoutSessionID != nil {
		t.Errorf("subscriptions: %+v", c.Subscriptions)
	}
	want := time.Date(2024, 1, 15, 10, 20, 30, 123e6, time.UTC)
	if !c.CreatedAt.Equal(want) || c.UpdatedAt == nil || c.DeletedAt != nil {
		t.Errorf("times: %v %v %v", c.CreatedAt, c.UpdatedAt, c.DeletedAt)
	}
	if len(c.TaxIDs) != 1 || c.TaxIDs[0].Value != "FR123456789" || len(c.InvoiceEmails) != 1 {
		t.Errorf("tax ids / emails: %+v %v", c.TaxIDs, c.InvoiceEmails)
	}
	if !bytes.Equal(c.Raw, bytes.TrimSpace(raw)) {
		t.Errorf("Raw differs from the input bytes")
	}
}

func TestDecodeSubscriptionAndInvoice(t *testing.T) {
	t.Parallel()
	var s Subscription
	sraw := readFixture(t, "subscription.json")
	if err := json.Unmarshal(sraw, &s); err != nil {
		t.Fatal(err)
	}
	if s.Status != SubscriptionActive || s.CustomerID != "cus_Typ0px2W0aiEtl" || s.PlanID != nil ||
		s.NextPayment().String() != "20.00 EUR" || s.EstimatedARR != 24000 || s.CancelAt != nil {
		t.Errorf("subscription: %+v", s)
	}
	if len(s.Products) != 1 || s.Products[0].PaymentInterval.Period != "months" || s.Products[0].Prices[0].Amount != 123 {
		t.Errorf("products: %+v", s.Products)
	}
	if len(s.Coupons) != 1 || s.Coupons[0].DiscountAmount != 2000 {
		t.Errorf("coupons: %+v", s.Coupons)
	}
	if !bytes.Equal(s.Raw, bytes.TrimSpace(sraw)) {
		t.Error("subscription Raw differs")
	}

	var inv Invoice
	iraw := readFixture(t, "invoice.json")
	if err := json.Unmarshal(iraw, &inv); err != nil {
		t.Fatal(err)
	}
	if inv.Status != InvoiceToPay || inv.Number != "INV-35" || inv.Total().String() != "240.00 EUR" ||
		inv.Customer.ID != "cus_Typ0px2W0aiEtl" || inv.Customer.ExternalID != nil || inv.SettledAt != nil ||
		inv.TaxAmount != 4001 || inv.IssuedAt == nil || inv.PublicURL == "" {
		t.Errorf("invoice: %+v", inv)
	}
	if len(inv.LineItems) != 1 || inv.LineItems[0].UnitAmount != 20000 || len(inv.Transactions) != 1 ||
		inv.Transactions[0].Money().String() != "240.00 EUR" || inv.Transactions[0].MethodLabel() != "Visa •••• 0042" ||
		inv.Transactions[0].FailureReason() != "insufficient funds" {
		t.Errorf("lines/transactions: %+v %+v", inv.LineItems, inv.Transactions)
	}
	if !bytes.Equal(inv.Raw, bytes.TrimSpace(iraw)) {
		t.Error("invoice Raw differs")
	}
}

// Raw of a list item is exactly the bytes of that object inside the page,
// whitespace included, and survives the page buffer being reused.
func TestListItemsKeepRaw(t *testing.T) {
	t.Parallel()
	body := readFixture(t, "companies.json")
	items, meta, hasMeta, err := decodeList[Company](bytes.Clone(body), true)
	if err != nil || !hasMeta || meta.Total != 2 || len(items) != 2 {
		t.Fatalf("decode: %v meta=%+v items=%d", err, meta, len(items))
	}
	if !bytes.Contains(body, items[0].Raw) || !strings.HasPrefix(string(items[0].Raw), "{\n      \"id\": \"cou_DKL4Xcb5VSa8CQ\"") {
		t.Errorf("Raw[0] = %s", items[0].Raw)
	}
	if string(items[1].Raw) != `{"id":"cmp_2","name":"Globex","logo_url":null,"favicon_url":null,"address":null}` {
		t.Errorf("Raw[1] = %s", items[1].Raw)
	}
	if items[0].LogoURL == nil || items[0].FaviconURL != nil || items[0].Address.State == nil || items[1].Address != nil {
		t.Errorf("companies: %+v", items)
	}
}

func TestDecodeUserInfoAndApp(t *testing.T) {
	t.Parallel()
	var u UserInfo
	if err := json.Unmarshal(readFixture(t, "userinfo.json"), &u); err != nil {
		t.Fatal(err)
	}
	if u.Email != "john@doe.com" || !u.EmailVerified || u.Name != nil || u.DisplayName() != "John Doe" || len(u.Raw) == 0 {
		t.Errorf("userinfo: %+v", u)
	}
	if (UserInfo{Email: "a@b.c"}).DisplayName() != "a@b.c" {
		t.Error("DisplayName falls back to email")
	}
	var a App
	if err := json.Unmarshal(readFixture(t, "app_created.json"), &a); err != nil {
		t.Fatal(err)
	}
	if a.ClientSecret != "sec_abcdefghijklmnop" || a.ClientID != "cli_9f8e7d" || a.Description != nil {
		t.Errorf("app: %+v", a)
	}
	if s := a.String(); strings.Contains(s, "sec_abcdefghijklmnop") || !strings.Contains(s, "****mnop") {
		t.Errorf("App.String leaks or hides too much: %s", s)
	}
}

func TestNullAndFlexibleFields(t *testing.T) {
	t.Parallel()
	c := Customer{ID: "keep"}
	if err := json.Unmarshal([]byte("null"), &c); err != nil || c.ID != "keep" {
		t.Fatalf("null must be a no-op: %v %+v", err, c)
	}
	var pm PaymentMethod
	if err := json.Unmarshal([]byte(`{"last_4_digits":"0042"}`), &pm); err != nil || pm.Last4Digits != "0042" {
		t.Fatalf("string last4: %v %q", err, pm.Last4Digits)
	}
	if err := json.Unmarshal([]byte(`{"last_4_digits":null}`), &pm); err != nil || pm.Last4Digits != "" {
		t.Fatalf("null last4: %v %q", err, pm.Last4Digits)
	}
	if err := json.Unmarshal([]byte(`{"last_4_digits":true}`), &pm); err == nil {
		t.Fatal("bool last4 accepted")
	}
	// Unknown statuses pass through untouched.
	var s Subscription
	if err := json.Unmarshal([]byte(`{"id":"sub_1","status":"trialing"}`), &s); err != nil || s.Status != "trialing" {
		t.Fatalf("unknown status: %v %q", err, s.Status)
	}
}

func TestStatusLists(t *testing.T) {
	t.Parallel()
	if len(SubscriptionStatuses()) != 9 || len(InvoiceStatuses()) != 18 {
		t.Fatalf("status lists: %d %d", len(SubscriptionStatuses()), len(InvoiceStatuses()))
	}
}
