package simulator

import (
	"bytes"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestSubscriptionStatusFilter(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	statuses := func(path string) map[string]int {
		m := map[string]int{}
		for _, s := range list[subscriptionJSON](t, sim, path, key, "").Data {
			m[s.Status]++
		}
		return m
	}
	def := statuses("/v2/subscriptions?take=100")
	for _, q := range []string{"", "&status=all"} {
		got := statuses("/v2/subscriptions?take=100" + q)
		for _, hidden := range hiddenSubscriptionStatuses() {
			if got[hidden] > 0 {
				t.Errorf("%q shows %s", q, hidden)
			}
		}
		if len(got) != len(def) || got["active"] != def["active"] {
			t.Errorf("%q: %v, default %v", q, got, def)
		}
	}
	anyStatus := statuses("/v2/subscriptions?take=100&status=any")
	for _, st := range subscriptionStatuses() {
		if anyStatus[st] == 0 {
			t.Errorf("status=any lacks %s", st)
		}
	}
	if anyStatus["trialing"] > 0 {
		t.Errorf("a subscription shows trialing")
	}
	if got := statuses("/v2/subscriptions?take=100&status=inactive"); len(got) != 2 || got["pending"] == 0 || got["paused"] == 0 {
		t.Errorf("status=inactive: %v", got)
	}
	if got := statuses("/v2/subscriptions?take=100&status__in=draft,voided"); len(got) != 2 || got["draft"] == 0 || got["voided"] == 0 {
		t.Errorf("status__in=draft,voided: %v", got)
	}
	for _, q := range []string{"status=bogus", "status=trialing", "status__in=active,bogus"} {
		resp, body := get(t, sim.URL+"/v2/subscriptions?"+q, key, "")
		wantStatus(t, resp, body, http.StatusBadRequest)
	}
}

func TestSubscriptionByCustomer(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	customers := list[customerV1JSON](t, sim, "/v1/customers?take=5", key, "").Data
	for _, c := range customers {
		subs := list[subscriptionJSON](t, sim, "/v2/subscriptions?status=any&customer_id="+c.ID, key, "")
		if subs.Meta.Total != len(c.Subscriptions) {
			t.Errorf("%s: %d subscriptions listed, customer says %d", c.Name, subs.Meta.Total, len(c.Subscriptions))
		}
		for i, s := range subs.Data {
			summary := c.Subscriptions[i].Status
			if summary == "trialing" {
				summary = "active" // a trial shows only in the summary
			}
			if s.CustomerID != c.ID || s.ID != c.Subscriptions[i].ID || s.Status != summary {
				t.Errorf("subscription %+v does not match customer summary %+v", s.ID, c.Subscriptions[i])
			}
			resp, body := get(t, sim.URL+"/v2/subscriptions/"+s.ID, key, "")
			wantStatus(t, resp, body, http.StatusOK)
			if one := decode[subscriptionDetailsJSON](t, body); one.ID != s.ID || len(one.Products) == 0 || len(one.Phases) == 0 {
				t.Errorf("single subscription %s: %+v", s.ID, one.ID)
			}
		}
	}
	resp, body := get(t, sim.URL+"/v2/subscriptions/sub_doesnotexist00", key, "")
	wantStatus(t, resp, body, http.StatusNotFound)
	wantMessage(t, body, "Subscription not found")
}

func TestUnknownRoutes(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	for _, tt := range []struct{ method, path string }{
		{http.MethodGet, "/v1/subscriptions"},
		{http.MethodGet, "/v1/nothing"},
		{http.MethodGet, "/v1/customers/"},
		{http.MethodPost, "/v1/customers"},
		{http.MethodDelete, "/v1/invoices"},
		{http.MethodGet, "/oauth/tokens"},
	} {
		resp, body := do(t, tt.method, sim.URL+tt.path, http.Header{"Authorization": {"Bearer " + key}}, nil)
		wantStatus(t, resp, body, http.StatusNotFound)
		wantMessage(t, body, "Route not found")
	}
}

func TestInvoicesByCustomerID(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	all := list[invoiceV1JSON](t, sim, "/v1/invoices?status=all", key, "")
	c := list[customerV1JSON](t, sim, "/v1/customers?take=1", key, "").Data[0]
	// camelCase customerId is in no current operation: ignored.
	if ignored := list[invoiceV1JSON](t, sim, "/v1/invoices?status=all&customerId="+c.ID, key, ""); ignored.Meta.Total != all.Meta.Total {
		t.Errorf("customerId should be ignored: total %d, unfiltered %d", ignored.Meta.Total, all.Meta.Total)
	}
	mine := list[invoiceV1JSON](t, sim, "/v1/invoices?status=all&customer_id="+c.ID, key, "")
	v2 := walkCursor[invoiceJSON](t, sim, "/v2/invoices?limit=2&status=all&customer_id="+c.ID, key, "")
	if mine.Meta.Total == 0 || mine.Meta.Total >= all.Meta.Total || len(v2) != mine.Meta.Total {
		t.Fatalf("customer_id: v1 total %d of %d, v2 %d", mine.Meta.Total, all.Meta.Total, len(v2))
	}
	for _, inv := range v2 {
		if inv.Customer.ID != c.ID {
			t.Errorf("invoice %s belongs to %s", inv.ID, inv.Customer.ID)
		}
	}
	for _, q := range []string{"customer_id=cus_doesnotexist00", "customer_id=" + c.ID + "&customer_id__equals=" + all.Data[0].Customer.ID + "x"} {
		if pg := cursorGet[invoiceJSON](t, sim, "/v2/invoices?status=all&"+q, key, ""); len(pg.Data) != 0 {
			t.Errorf("%s: %d invoices", q, len(pg.Data))
		}
	}
	// Other string operators compare the customer's ID.
	prefix := c.ID[:8]
	for _, inv := range walkCursor[invoiceJSON](t, sim, "/v2/invoices?limit=100&status=all&customer_id__startsWith="+prefix, key, "") {
		if !strings.HasPrefix(strings.ToLower(inv.Customer.ID), strings.ToLower(prefix)) {
			t.Errorf("customer_id__startsWith=%s: %s", prefix, inv.Customer.ID)
		}
	}
}

func TestInvoiceAmountsAddUp(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	for _, co := range sim.Companies()[:2] {
		for _, inv := range walkCursor[invoiceJSON](t, sim, "/v2/invoices?limit=100&status=all", tok, co.ID) {
			var sum int64
			for _, li := range inv.LineItems {
				sum += li.Amount
			}
			if sum != inv.TotalAmount || inv.AmountExcludingTax+inv.TaxAmount != inv.TotalAmount {
				t.Errorf("%s: line items %d, total %d", inv.Number, sum, inv.TotalAmount)
			}
			switch inv.Status {
			case "voided", "archived", "consolidated", "charged_on_parent":
				if inv.AmountDue != 0 {
					t.Errorf("%s (%s): due %d", inv.Number, inv.Status, inv.AmountDue)
				}
			default:
				if inv.AmountPaid+inv.AmountDue != inv.TotalAmount {
					t.Errorf("%s (%s): paid %d + due %d != %d", inv.Number, inv.Status, inv.AmountPaid, inv.AmountDue, inv.TotalAmount)
				}
			}
			if (inv.SettledAt != nil) != (inv.Status == "paid" || inv.Status == "closed" || inv.Status == "charged_on_parent") {
				t.Errorf("%s (%s): settled_at %v", inv.Number, inv.Status, inv.SettledAt)
			}
			var paid int64
			for _, tx := range inv.Transactions {
				if tx.Status == "settled" && tx.Type != "chargeback" {
					paid += tx.Amount
				}
			}
			if paid != inv.AmountPaid {
				t.Errorf("%s (%s): transactions settle %d, amount_paid %d", inv.Number, inv.Status, paid, inv.AmountPaid)
			}
		}
	}
}

func TestInvoiceDownloadIsAPDF(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	inv := cursorGet[invoiceJSON](t, sim, "/v2/invoices?limit=1", key, "").Data[0]
	resp, body := get(t, sim.URL+"/v2/invoices/"+inv.ID+"/download?lang=fr&locale=fr-FR", key, "")
	wantStatus(t, resp, body, http.StatusOK)
	if ct := resp.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="`+inv.Number+`.pdf"`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	if !bytes.HasPrefix(body, []byte("%PDF-1.4\n")) || !bytes.HasSuffix(body, []byte("%%EOF\n")) {
		t.Fatalf("not a PDF: %q", body[:20])
	}
	// Every xref offset must point at its object.
	xref := regexp.MustCompile(`(?m)^(\d{10}) 00000 n $`).FindAllSubmatch(body, -1)
	if len(xref) < 5 {
		t.Fatalf("xref has %d entries", len(xref))
	}
	for i, m := range xref {
		off, _ := strconv.Atoi(string(m[1]))
		if want := strconv.Itoa(i+1) + " 0 obj"; !bytes.HasPrefix(body[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", i+1, body[off:off+10])
		}
	}
	start := bytes.LastIndex(body, []byte("startxref\n"))
	off, _ := strconv.Atoi(strings.Fields(string(body[start+10:]))[0])
	if !bytes.HasPrefix(body[off:], []byte("xref")) {
		t.Errorf("startxref does not point at xref")
	}
	// public_url leads to the same PDF, without a credential.
	if inv.PublicURL != sim.URL+"/public/invoices/"+inv.ID {
		t.Errorf("public_url %q", inv.PublicURL)
	}
	resp, public := do(t, http.MethodGet, inv.PublicURL, nil, nil)
	wantStatus(t, resp, public, http.StatusOK)
	if !bytes.Equal(public, body) {
		t.Errorf("public_url serves another document")
	}
	for _, tt := range []struct {
		path    string
		status  int
		message string
	}{
		{"/v2/invoices/" + inv.ID + "/download?lang=xx", http.StatusBadRequest, "lang"},
		{"/v2/invoices/" + inv.ID + "/download?locale=fr_FR", http.StatusBadRequest, "locale"},
		{"/v2/invoices/" + inv.ID + "/download?locale=xx-FR", http.StatusBadRequest, "locale"},
		{"/v2/invoices/inv_doesnotexist00/download", http.StatusNotFound, "Invoice not found"},
		{"/v2/invoices/inv_doesnotexist00", http.StatusNotFound, "Invoice not found"},
		{"/v1/invoices/inv_doesnotexist00", http.StatusNotFound, "Invoice not found"},
		// The spec has no v1 download.
		{"/v1/invoices/" + inv.ID + "/download", http.StatusNotFound, "Route not found"},
	} {
		resp, body := get(t, sim.URL+tt.path, key, "")
		wantStatus(t, resp, body, tt.status)
		wantMessage(t, body, tt.message)
	}
}

func TestIDCodecRoundTrip(t *testing.T) {
	t.Parallel()
	c := idCodec{key: 42}
	for _, ref := range []idRef{
		{kind: kindCustomer, company: 0, index: 0},
		{kind: kindSubscription, company: 2, index: 999_999, slot: 3},
		{kind: kindInvoice, company: 1, index: 123_456, slot: 7},
	} {
		id := c.encode("cus_", ref)
		if len(id) != 18 {
			t.Errorf("id %q has length %d", id, len(id))
		}
		got, ok := c.decode("cus_", id)
		if !ok || got != ref {
			t.Errorf("decode(%q) = %+v %v, want %+v", id, got, ok, ref)
		}
		if _, ok := (idCodec{key: 43}).decode("cus_", id); ok {
			t.Errorf("%q decodes under another seed", id)
		}
		if _, ok := c.decode("sub_", id); ok {
			t.Errorf("%q decodes with another prefix", id)
		}
	}
}
