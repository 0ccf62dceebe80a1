package hyperline

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
)

// A list item's Raw is its exact bytes in the page, spacing inside kept,
// and an append to one Raw never writes over the next item's bytes.
// With OmitRaw the items hold no JSON, on this page and the next.
func TestCursorPageRaw(t *testing.T) {
	t.Parallel()
	first := `{"id":"cus_1","name":"Ac\u006de",  "tax_ids":[]}`
	second := `{"id":"cus_2","name":"Globex"}`
	body := "{\"data\":[ " + first + " ,\n\t" + second + "],\"next_cursor\":\"c2\",\"has_more\":true}"
	srv := httptest.NewServer(serve(200, "application/json", body))
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	cc := c.Company("cmp_1")
	p, err := cc.ListCustomers(context.Background(), CustomerListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 2 || string(p.Items[0].Raw) != first || string(p.Items[1].Raw) != second || p.Items[0].Name != "Acme" {
		t.Fatalf("items = %+v", p.Items)
	}
	_ = append(p.Items[0].Raw, "XXXX"...)
	if string(p.Items[1].Raw) != second {
		t.Fatalf("an append to Raw[0] changed Raw[1]: %s", p.Items[1].Raw)
	}
	lean, err := cc.ListCustomers(context.Background(), CustomerListOptions{ListOptions: ListOptions{OmitRaw: true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(lean.Items) != 2 || lean.Items[0].Raw != nil || lean.Items[1].Name != "Globex" {
		t.Fatalf("OmitRaw items = %+v", lean.Items)
	}
	if next := lean.NextOptions(); !next.OmitRaw || next.Cursor != "c2" {
		t.Fatalf("next options %+v, want OmitRaw carried over", next)
	}
}

// One object's Raw is the body as it came (around its spacing).
func TestGetKeepsRaw(t *testing.T) {
	t.Parallel()
	obj := `{"id":"cus_1","name":"Acme","billing_address":{"country":"FR"},"extra":{"a":[1,2]}}`
	srv := httptest.NewServer(serve(200, "application/json", "\n "+obj+"\n"))
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	cu, err := c.Company("cmp_1").GetCustomer(context.Background(), "cus_1")
	if err != nil {
		t.Fatal(err)
	}
	if string(cu.Raw) != obj || cu.BillingAddress == nil || cu.BillingAddress.Country != "FR" {
		t.Fatalf("customer = %+v, Raw %s", cu, cu.Raw)
	}
}

// The single pass still refuses what json.Valid refused before it: bad
// syntax anywhere, even after a well-formed list, with the same message.
func TestOnePassRefusesInvalidJSON(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`{"data":[{"id":"cus_1",}],"next_cursor":null,"has_more":false}`,
		`{"data":[],"next_cursor":null,"has_more":false} {}`,
		`{"data":[],"next_cursor":null,"has_more":false} x`,
		`{"data":[],"next_cursor":null,"has_more":false,"junk":[1,}`,
		`{"data":[{"id":"cus_1","name":"a` + "\x01" + `"}],"next_cursor":null,"has_more":false}`,
	} {
		srv := httptest.NewServer(serve(200, "application/json", body))
		c, _ := newTestClient(t, srv)
		_, err := c.Company("cmp_1").ListCustomers(context.Background(), CustomerListOptions{})
		srv.Close()
		if !errors.Is(err, ErrMalformedResponse) || !strings.Contains(err.Error(), "body is not valid JSON") ||
			!strings.Contains(err.Error(), "GET /v2/customers") {
			t.Errorf("body %q: err = %v, want a malformed response that is not valid JSON", body, err)
		}
	}
	srv := httptest.NewServer(serve(200, "application/json", `{"id":"cus_1"} {"id":"cus_2"}`))
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	if _, err := c.Company("cmp_1").GetCustomer(context.Background(), "cus_1"); !errors.Is(err, ErrMalformedResponse) ||
		!strings.Contains(err.Error(), "body is not valid JSON") {
		t.Errorf("two objects: err = %v, want not valid JSON", err)
	}
}
