package simulator

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// cursorGet GETs one page of a cursor list and decodes it.
func cursorGet[T any](t *testing.T, sim *Running, path, token, company string) cursorEnvelope[T] {
	t.Helper()
	resp, body := get(t, sim.URL+path, token, company)
	wantStatus(t, resp, body, http.StatusOK)
	return decode[cursorEnvelope[T]](t, body)
}

// walkCursor follows next_cursor from path (which has a query) to the end
// and returns every item, checking the envelope's promises on the way.
func walkCursor[T any](t *testing.T, sim *Running, path, token, company string) []T {
	t.Helper()
	var out []T
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatalf("%s: more than 1000 pages", path)
		}
		u := path
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		pg := cursorGet[T](t, sim, u, token, company)
		out = append(out, pg.Data...)
		if pg.HasMore != (pg.NextCursor != nil) {
			t.Fatalf("%s: has_more %v with next_cursor %v", u, pg.HasMore, pg.NextCursor)
		}
		if !pg.HasMore {
			return out
		}
		if len(pg.Data) == 0 {
			t.Fatalf("%s: an empty page says there is more", u)
		}
		cursor = *pg.NextCursor
	}
}

func TestCustomersCursorPaging(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 99, 100, 101, 250} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			t.Parallel()
			sim := start(t, Config{LargeCustomers: max(n, 1)})
			tok := login(t, sim).AccessToken
			large := sim.Companies()[2].ID
			filter := ""
			if n == 0 {
				filter = "&name=nobody-has-this-name"
			}
			for _, order := range []string{"asc", "desc"} {
				for _, limit := range []int{100, 7} {
					path := fmt.Sprintf("/v2/customers?limit=%d&order=%s%s", limit, order, filter)
					got := walkCursor[customerJSON](t, sim, path, tok, large)
					if len(got) != n {
						t.Fatalf("%s: %d customers, want %d", path, len(got), n)
					}
					seen := map[string]bool{}
					for k, c := range got {
						if seen[c.ID] {
							t.Fatalf("%s: %s twice", path, c.ID)
						}
						seen[c.ID] = true
						if k == 0 {
							continue
						}
						prev := got[k-1].CreatedAt
						if order == "asc" && c.CreatedAt <= prev || order == "desc" && c.CreatedAt >= prev {
							t.Fatalf("%s: created_at %s after %s", path, c.CreatedAt, prev)
						}
					}
				}
			}
			// The default order is newest first.
			def := cursorGet[customerJSON](t, sim, "/v2/customers?limit=2"+filter, tok, large)
			desc := cursorGet[customerJSON](t, sim, "/v2/customers?limit=2&order=desc&sort=created_at"+filter, tok, large)
			if len(def.Data) != min(n, 2) || len(def.Data) > 0 && def.Data[0].ID != desc.Data[0].ID {
				t.Errorf("default order differs from created_at desc")
			}
		})
	}
}

func TestCustomersSortByUpdate(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1]
	for _, order := range []string{"asc", "desc"} {
		got := walkCursor[customerJSON](t, sim, "/v2/customers?limit=100&sort=updated_at&order="+order, tok, medium.ID)
		if len(got) != medium.Customers {
			t.Fatalf("%s: %d customers, want %d", order, len(got), medium.Customers)
		}
		for k := 1; k < len(got); k++ {
			a, b := got[k-1].UpdatedAt, got[k].UpdatedAt
			if order == "asc" && a > b || order == "desc" && a < b {
				t.Fatalf("%s: updated_at %s then %s", order, a, b)
			}
		}
	}
}

func TestCustomersIncludeTotal(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	resp, body := get(t, sim.URL+"/v2/customers?limit=3", key, "")
	wantStatus(t, resp, body, http.StatusOK)
	if strings.Contains(string(body), `"total"`) {
		t.Errorf("total without include_total: %.200s", body)
	}
	for _, tt := range []struct {
		query string
		want  int
	}{
		{"include_total=true", 25},
		{"include_total=true&status=archived", -1},
		{"include_total=true&name=nobody", 0},
	} {
		pg := cursorGet[customerJSON](t, sim, "/v2/customers?limit=3&"+tt.query, key, "")
		if pg.Total == nil || tt.want >= 0 && *pg.Total != tt.want {
			t.Errorf("%s: total %v, want %d", tt.query, pg.Total, tt.want)
		}
	}
	archived := walkCursor[customerJSON](t, sim, "/v2/customers?limit=2&status=archived", key, "")
	if pg := cursorGet[customerJSON](t, sim, "/v2/customers?include_total=true&status=archived", key, ""); *pg.Total != len(archived) {
		t.Errorf("archived total %d, walked %d", *pg.Total, len(archived))
	}
	if pg := cursorGet[customerJSON](t, sim, "/v2/customers?include_total=false", key, ""); pg.Total != nil {
		t.Errorf("include_total=false gave a total")
	}
}

func TestCursorListRefusals(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	first := cursorGet[customerJSON](t, sim, "/v2/customers?limit=5", key, "")
	cursor := *first.NextCursor
	tampered := cursor[:len(cursor)-2] + map[bool]string{true: "AA", false: "BB"}[!strings.HasSuffix(cursor, "AA")]
	other := start(t, Config{Seed: 2})
	otherCursor := *cursorGet[customerJSON](t, other, "/v2/customers?limit=5", other.APIKey(), "").NextCursor
	for _, q := range []string{
		"limit=0", "limit=101", "limit=-1", "limit=abc", "limit=1.5", "limit=",
		"include_total=yes", "order=up", "sort=name", "sort=emitted_at",
		"cursor=", "cursor=bogus", "cursor=" + tampered, "cursor=" + otherCursor,
		// A cursor is tied to its sort, order and filters.
		"cursor=" + cursor + "&order=asc", "cursor=" + cursor + "&sort=updated_at", "cursor=" + cursor + "&status=active",
		"type=automatically_created", "status=bogus", "status__in=active,bogus", "subscription_status=bogus",
		"payment_method_type=paypal", "created_at__gte=yesterday",
	} {
		resp, body := get(t, sim.URL+"/v2/customers?"+q, key, "")
		wantStatus(t, resp, body, http.StatusBadRequest)
		if m := decode[errorBody](t, body); m.Message == "" {
			t.Errorf("%s: 400 without a message", q)
		}
	}
	// The same cursor with another limit, or with unrelated extras, is fine.
	resp, body := get(t, sim.URL+"/v2/customers?limit=50&cursor="+url.QueryEscape(cursor), key, "")
	wantStatus(t, resp, body, http.StatusOK)
	if pg := decode[cursorEnvelope[customerJSON]](t, body); len(pg.Data) != 20 || pg.HasMore {
		t.Errorf("second page: %d items, has_more %v", len(pg.Data), pg.HasMore)
	}
}

func TestCustomerFiltersV2(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	all := walkCursor[customerJSON](t, sim, "/v2/customers?limit=100", tok, medium)
	count := func(query string, want func(customerJSON) bool) {
		t.Helper()
		got := walkCursor[customerJSON](t, sim, "/v2/customers?limit=100&"+query, tok, medium)
		n := 0
		for _, c := range all {
			if want(c) {
				n++
			}
		}
		if len(got) != n || n == 0 || n == len(all) {
			t.Errorf("%s: %d customers, want %d of %d", query, len(got), n, len(all))
		}
		for _, c := range got {
			if !want(c) {
				t.Errorf("%s: %s does not match", query, c.ID)
			}
		}
	}
	count("type=person", func(c customerJSON) bool { return *c.Type == "person" })
	count("type__in=person,corporate", func(c customerJSON) bool { return *c.Type != "automatically_created" })
	count("status=archived", func(c customerJSON) bool { return c.Status == "archived" })
	count("status__in=active", func(c customerJSON) bool { return c.Status == "active" })
	count("currency=EUR", func(c customerJSON) bool { return c.Currency == "EUR" })
	count("country=DE", func(c customerJSON) bool { return c.Country != nil && *c.Country == "DE" })
	count("external_id__isNull=1", func(c customerJSON) bool { return c.ExternalID == nil })
	count("billing_email__endWith=.fr", func(c customerJSON) bool {
		return c.BillingEmail != nil && strings.HasSuffix(*c.BillingEmail, ".fr")
	})
	count("tax_id__startsWith=DE", func(c customerJSON) bool {
		return len(c.TaxIDs) > 0 && strings.HasPrefix(c.TaxIDs[0].Value, "DE")
	})
	count("payment_method_type=missing", func(c customerJSON) bool {
		return c.PaymentMethodID == nil && (*c.PaymentMethodType == "card" || strings.HasPrefix(*c.PaymentMethodType, "direct_debit"))
	})
	count("payment_method_type__in=external,transfer", func(c customerJSON) bool {
		return *c.PaymentMethodType == "external" || *c.PaymentMethodType == "transfer" || *c.PaymentMethodType == "transfer_automated"
	})
	count("subscription_status=none", func(c customerJSON) bool { return len(c.Subscriptions) == 0 })
	count("subscription_status=paused", func(c customerJSON) bool {
		for _, s := range c.Subscriptions {
			if s.Status == "paused" {
				return true
			}
		}
		return false
	})
	count("status=inactive", func(c customerJSON) bool {
		for _, s := range c.Subscriptions {
			if s.Status == "active" || s.Status == "trialing" {
				return false
			}
		}
		return c.Status == "active"
	})
	count("status=imported", func(c customerJSON) bool { return c.Properties["source"] == "import" })
	count("created_at__lt="+all[len(all)/2].CreatedAt, func(c customerJSON) bool { return c.CreatedAt < all[len(all)/2].CreatedAt })
	count("updated_at__gte="+all[10].UpdatedAt, func(c customerJSON) bool { return c.UpdatedAt >= all[10].UpdatedAt })
	// search: case-insensitive, on the name, billing e-mail, ID and external ID.
	for _, needle := range []func(customerJSON) string{
		func(c customerJSON) string { return strings.ToUpper(c.Name[:4]) },
		func(c customerJSON) string { return c.ID },
		func(c customerJSON) string { return "crm-10" + c.CreatedAt[18:19] },
	} {
		q := needle(all[3])
		count("search="+url.QueryEscape(q), func(c customerJSON) bool {
			lq := strings.ToLower(q)
			for _, f := range []*string{&c.Name, c.BillingEmail, &c.ID, c.ExternalID} {
				if f != nil && strings.Contains(strings.ToLower(*f), lq) {
					return true
				}
			}
			return false
		})
	}
}

func TestGetCustomerV2(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	pg := cursorGet[customerJSON](t, sim, "/v2/customers?limit=60", tok, medium)
	kinds := map[string]int{}
	for _, c := range pg.Data {
		resp, body := get(t, sim.URL+"/v2/customers/"+c.ID, tok, medium)
		wantStatus(t, resp, body, http.StatusOK)
		checkSpec(t, responsePointer("/v2/customers/{id}", "200"), body)
		det := decode[map[string]any](t, body)
		if pm, ok := det["payment_method"].(map[string]any); ok {
			kinds[pm["type"].(string)+"/"+pm["status"].(string)]++
		} else {
			kinds["null"]++
		}
		if det["id"] != c.ID {
			t.Errorf("detail of %s is %v", c.ID, det["id"])
		}
	}
	if kinds["null"] == 0 || kinds["card/active"] == 0 || len(kinds) < 4 {
		t.Errorf("payment methods seen: %v", kinds)
	}
	resp, body := get(t, sim.URL+"/v2/customers/cus_doesnotexist00", tok, medium)
	wantStatus(t, resp, body, http.StatusNotFound)
	wantMessage(t, body, "Customer not found")
}

func TestCustomerPortal(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	c := cursorGet[customerJSON](t, sim, "/v2/customers?limit=1", key, "").Data[0]
	resp, body := get(t, sim.URL+"/v1/customers/"+c.ID+"/portal", key, "")
	wantStatus(t, resp, body, http.StatusOK)
	checkSpec(t, responsePointer("/v1/customers/{id}/portal", "200"), body)
	portal := decode[portalJSON](t, body)
	if portal.URL != sim.URL+"/portal/"+c.ID {
		t.Fatalf("portal URL %q", portal.URL)
	}
	// The page it names is served, without a credential.
	resp, body = do(t, http.MethodGet, portal.URL, nil, nil)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(string(body), "Billing portal") {
		t.Errorf("portal page: %.200s", body)
	}
	for _, id := range []string{"cus_doesnotexist00", c.ID + "x"} {
		resp, body = get(t, sim.URL+"/v1/customers/"+id+"/portal", key, "")
		wantStatus(t, resp, body, http.StatusNotFound)
		wantMessage(t, body, "Customer not found")
		resp, body = do(t, http.MethodGet, sim.URL+"/portal/"+id, nil, nil)
		wantStatus(t, resp, body, http.StatusNotFound)
	}
}

// TestCustomersMatchSpec validates the customer endpoints' bodies against
// the published schemas, unknown keys included.
func TestCustomersMatchSpec(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	for _, co := range sim.Companies() {
		for _, tt := range []struct{ path, spec string }{
			{"/v2/customers?limit=100&include_total=true", "/v2/customers"},
			{"/v2/customers?limit=100&order=asc", "/v2/customers"},
			{"/v1/customers?take=100", "/v1/customers"},
			{"/v1/customers?take=100&skip=100", "/v1/customers"},
		} {
			resp, body := get(t, sim.URL+tt.path, tok, co.ID)
			wantStatus(t, resp, body, http.StatusOK)
			checkSpec(t, responsePointer(tt.spec, "200"), body)
		}
		for _, c := range list[customerV1JSON](t, sim, "/v1/customers?take=30", tok, co.ID).Data {
			resp, body := get(t, sim.URL+"/v1/customers/"+c.ID, tok, co.ID)
			wantStatus(t, resp, body, http.StatusOK)
			checkSpec(t, responsePointer("/v1/customers/{id}", "200"), body)
		}
	}
	resp, body := get(t, sim.URL+"/v2/customers/cus_doesnotexist00", tok, "")
	wantStatus(t, resp, body, http.StatusNotFound)
	checkSpec(t, responsePointer("/v2/customers/{id}", "404"), body)
}
