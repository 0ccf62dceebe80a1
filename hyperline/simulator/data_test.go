package simulator

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// list GETs an offset list and decodes it.
func list[T any](t *testing.T, sim *Running, path, token, company string) listEnvelope[T] {
	t.Helper()
	resp, body := get(t, sim.URL+path, token, company)
	wantStatus(t, resp, body, http.StatusOK)
	return decode[listEnvelope[T]](t, body)
}

func TestCompaniesOldestFirst(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim)
	got := list[companyJSON](t, sim, "/v1/companies", tok.AccessToken, "")
	infos := sim.Companies()
	if got.Meta.Total != 3 || len(got.Data) != 3 {
		t.Fatalf("companies meta %+v", got.Meta)
	}
	for i, c := range got.Data {
		if c.ID != infos[i].ID || c.Name != infos[i].Name || !strings.HasPrefix(c.ID, "cmp_") {
			t.Errorf("company %d: %+v, want %+v", i, c, infos[i])
		}
		if i > 0 && !infos[i-1].CreatedAt.Before(infos[i].CreatedAt) {
			t.Errorf("companies not oldest first")
		}
	}
	if infos[0].Customers != 25 || infos[1].Customers != 800 || infos[2].Customers != 12000 {
		t.Errorf("company sizes %v", infos)
	}
	// The API key is bound to the oldest company.
	keyed := list[companyJSON](t, sim, "/v1/companies", sim.APIKey(), "")
	if keyed.Meta.Total != 1 || keyed.Data[0].ID != infos[0].ID {
		t.Fatalf("API key companies %+v", keyed)
	}
}

func TestCompanyHeaderSelection(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	cs := sim.Companies()
	if n := list[customerV1JSON](t, sim, "/v1/customers?take=1", tok, "").Meta.Total; n != cs[0].Customers {
		t.Errorf("absent header: %d customers, want the oldest company's %d", n, cs[0].Customers)
	}
	for _, c := range cs {
		if n := list[customerV1JSON](t, sim, "/v1/customers?take=1", tok, c.ID).Meta.Total; n != c.Customers {
			t.Errorf("%s: %d customers, want %d", c.Name, n, c.Customers)
		}
	}
	for _, tt := range []struct{ token, company string }{
		{tok, "cmp_doesnotexist00"},
		{sim.APIKey(), cs[1].ID}, // the key only sees the oldest company
	} {
		resp, body := get(t, sim.URL+"/v1/customers", tt.token, tt.company)
		wantStatus(t, resp, body, http.StatusForbidden)
		wantMessage(t, body, "Company not accessible")
	}
}

func TestPagingEdges(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	total := sim.Companies()[0].Customers
	tests := []struct {
		query             string
		items, taken, skp int
	}{
		{"", 25, 25, 0},
		{"?take=10", 10, 10, 0},
		{"?take=10&skip=20", 5, 5, 20},
		{fmt.Sprintf("?take=10&skip=%d", total-1), 1, 1, total - 1},
		// The quirk: an empty page past the end echoes the requested take.
		{fmt.Sprintf("?take=10&skip=%d", total), 0, 10, total},
		{"?take=7&skip=1000", 0, 7, 1000},
		{"?take=0", 0, 0, 0},
		{"?take=100&unknown=1&sort=desc", 25, 25, 0},
	}
	for _, tt := range tests {
		got := list[customerV1JSON](t, sim, "/v1/customers"+tt.query, key, "")
		if len(got.Data) != tt.items || got.Meta.Taken != tt.taken || got.Meta.Skipped != tt.skp || got.Meta.Total != total {
			t.Errorf("%s: %d items, meta %+v; want %d items, taken %d, skipped %d", tt.query, len(got.Data), got.Meta, tt.items, tt.taken, tt.skp)
		}
	}
	for _, q := range []string{"take=101", "take=-1", "take=abc", "skip=-5", "skip=1.5"} {
		resp, body := get(t, sim.URL+"/v1/customers?"+q, key, "")
		wantStatus(t, resp, body, http.StatusBadRequest)
	}
}

func TestPagesAreStableAndOldestFirst(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1]
	seen := map[string]bool{}
	last := ""
	for skip := 0; ; skip += 100 {
		pg := list[customerV1JSON](t, sim, fmt.Sprintf("/v1/customers?take=100&skip=%d", skip), tok, medium.ID)
		for _, c := range pg.Data {
			if seen[c.ID] {
				t.Fatalf("customer %s on two pages", c.ID)
			}
			seen[c.ID] = true
			if c.CreatedAt <= last {
				t.Fatalf("created_at %s after %s: not oldest first", c.CreatedAt, last)
			}
			last = c.CreatedAt
		}
		if len(pg.Data) < 100 {
			break
		}
	}
	if len(seen) != medium.Customers {
		t.Fatalf("walked %d customers, want %d", len(seen), medium.Customers)
	}
}

func TestCustomerFilters(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	all := list[customerV1JSON](t, sim, "/v1/customers?take=100", key, "")
	names := func(path string) []string {
		var out []string
		for _, c := range list[customerV1JSON](t, sim, path, key, "").Data {
			out = append(out, c.Name)
		}
		return out
	}
	if got := names("/v1/customers?name__contains=" + url.QueryEscape("CAFÉ")); !slices.Equal(got, []string{"Société Générale de Café"}) {
		t.Errorf("name__contains=CAFÉ: %q", got)
	}
	if got := names("/v1/customers?name__startsWith=m%C3%BCller"); !slices.Contains(got, "Müller GmbH") {
		t.Errorf("name__startsWith: %q", got)
	}
	// id__in is in no current operation: ignored like any unknown parameter.
	if got := names("/v1/customers?take=100&id__in=" + all.Data[3].ID); len(got) != all.Meta.Total {
		t.Errorf("id__in should be ignored: %d of %d", len(got), all.Meta.Total)
	}
	for _, c := range list[customerV1JSON](t, sim, "/v1/customers?currency=JPY", key, "").Data {
		if c.Currency != "JPY" {
			t.Errorf("currency=JPY returned %s", c.Currency)
		}
	}
	archived := list[customerV1JSON](t, sim, "/v1/customers?status=archived", key, "")
	active := list[customerV1JSON](t, sim, "/v1/customers?status=active", key, "")
	if archived.Meta.Total == 0 || archived.Meta.Total+active.Meta.Total != all.Meta.Total {
		t.Errorf("status filter: %d archived + %d active != %d", archived.Meta.Total, active.Meta.Total, all.Meta.Total)
	}
	if n := list[customerV1JSON](t, sim, "/v1/customers?billing_email__isNull=true", key, "").Meta.Total; n == 0 || n == all.Meta.Total {
		t.Errorf("billing_email__isNull matched %d of %d", n, all.Meta.Total)
	}
}

func TestGetCustomer(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	cs := sim.Companies()
	first := list[customerV1JSON](t, sim, "/v1/customers?take=1", tok, cs[1].ID).Data[0]
	resp, body := get(t, sim.URL+"/v1/customers/"+first.ID, tok, cs[1].ID)
	wantStatus(t, resp, body, http.StatusOK)
	raw := decode[map[string]any](t, body)
	for _, k := range []string{"providers", "current_payment_method", "bank_account", "organisation_id", "organisation_invoicing", "subscriptions", "billing_address", "deleted_at"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("customer detail lacks %q", k)
		}
	}
	// Another company's customer, a made-up ID and a tampered one: 404.
	tampered := first.ID[:len(first.ID)-1] + map[bool]string{true: "A", false: "B"}[!strings.HasSuffix(first.ID, "A")]
	for _, id := range []string{first.ID + "?", "cus_doesnotexist00", tampered} {
		resp, body := get(t, sim.URL+"/v1/customers/"+url.PathEscape(id), tok, "")
		wantStatus(t, resp, body, http.StatusNotFound)
		wantMessage(t, body, "Customer not found")
	}
	resp, body = get(t, sim.URL+"/v1/customers/"+first.ID, tok, cs[0].ID)
	wantStatus(t, resp, body, http.StatusNotFound)
}

func TestRawJSONIsRich(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	stamp := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)
	resp, body := get(t, sim.URL+"/v1/customers?take=100", tok, medium)
	wantStatus(t, resp, body, http.StatusOK)
	page := decode[listEnvelope[map[string]any]](t, body)
	nulls, values := map[string]int{}, map[string]int{}
	for _, c := range page.Data {
		for _, k := range []string{"billing_email", "external_id", "domain", "shipping_address", "current_payment_method_id"} {
			if c[k] == nil {
				nulls[k]++
			} else {
				values[k]++
			}
		}
		addr := c["billing_address"].(map[string]any)
		if addr["line2"] == nil {
			nulls["line2"]++
		} else {
			values["line2"]++
		}
		if !stamp.MatchString(c["created_at"].(string)) {
			t.Errorf("created_at %q is not ISO 8601 with milliseconds", c["created_at"])
		}
	}
	for k := range values {
		if nulls[k] == 0 {
			t.Errorf("%s never null in 100 customers", k)
		}
	}
	for k := range nulls {
		if values[k] == 0 {
			t.Errorf("%s always null in 100 customers", k)
		}
	}
	if !strings.Contains(string(body), `"deleted_at":null`) || strings.Contains(string(body), `\u00`) {
		t.Errorf("body should carry explicit nulls and unescaped UTF-8")
	}
}

func TestSeededDataCoversStatusesAndCurrencies(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	key := sim.APIKey()
	currencies := map[string]bool{}
	for _, c := range list[customerV1JSON](t, sim, "/v1/customers?take=100", key, "").Data {
		currencies[c.Currency] = true
	}
	for _, cur := range []string{"EUR", "USD", "GBP", "JPY", "XOF", "KWD"} {
		if !currencies[cur] {
			t.Errorf("no %s customer in the small company", cur)
		}
	}
	for _, st := range subscriptionStatuses() {
		if list[subscriptionJSON](t, sim, "/v2/subscriptions?status="+st, key, "").Meta.Total == 0 {
			t.Errorf("no %s subscription", st)
		}
	}
	shown := map[string]bool{}
	for _, inv := range walkCursor[invoiceJSON](t, sim, "/v2/invoices?limit=100&status=all", key, "") {
		shown[inv.Status] = true
	}
	for _, st := range invoiceStatuses() {
		if !shown[st] {
			t.Errorf("no %s invoice", st)
		}
	}
}

func TestSameSeedSameData(t *testing.T) {
	t.Parallel()
	epoch := time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	a, b, c := start(t, Config{Seed: 7, Epoch: epoch}), start(t, Config{Seed: 7, Epoch: epoch}), start(t, Config{Seed: 8, Epoch: epoch})
	body := func(sim *Running) string {
		_, bd := get(t, sim.URL+"/v2/invoices?limit=20&status=all", sim.APIKey(), "")
		return strings.ReplaceAll(string(bd), sim.URL, "http://sim")
	}
	if body(a) != body(b) {
		t.Error("same seed, different data")
	}
	if body(a) == body(c) {
		t.Error("different seeds, same data")
	}
	if a.App().ClientSecret != b.App().ClientSecret || a.APIKey() != b.APIKey() {
		t.Error("seeded credentials differ for the same seed")
	}
}
