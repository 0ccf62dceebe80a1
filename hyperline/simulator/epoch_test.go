package simulator

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestEpochDefaultsToStartOfTodayByNow(t *testing.T) {
	t.Parallel()
	paris := time.FixedZone("CET", 3600)
	for _, tt := range []struct {
		name string
		cfg  Config
		want time.Time
	}{
		{"now", Config{Now: func() time.Time { return time.Date(2027, 3, 9, 23, 59, 0, 0, time.UTC) }},
			time.Date(2027, 3, 9, 0, 0, 0, 0, time.UTC)},
		{"now elsewhere", Config{Now: func() time.Time { return time.Date(2027, 3, 10, 0, 30, 0, 0, paris) }},
			time.Date(2027, 3, 9, 0, 0, 0, 0, time.UTC)},
		{"pinned", Config{Epoch: time.Date(2027, 3, 9, 10, 30, 0, 123_456_789, paris)},
			time.Date(2027, 3, 9, 9, 30, 0, 123_000_000, time.UTC)},
	} {
		if got := New(tt.cfg).Epoch(); !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("%s: epoch %s, want %s", tt.name, got, tt.want)
		}
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	if got := New(Config{}).Epoch(); !got.Equal(today) && !got.Equal(today.Add(24*time.Hour)) {
		t.Errorf("default epoch %s, want the start of today %s", got, today)
	}
}

// dataBodies GETs one page of every data list, a customer and an invoice
// from the medium company, and returns the raw bodies.
func dataBodies(t *testing.T, sim *Running) []string {
	t.Helper()
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	var out []string
	fetch := func(path string) []byte {
		resp, body := get(t, sim.URL+path, tok, medium)
		wantStatus(t, resp, body, http.StatusOK)
		// URLs the simulator hands out name its own address.
		out = append(out, strings.ReplaceAll(string(body), sim.URL, "http://sim"))
		return body
	}
	fetch("/v1/companies")
	customers := decode[listEnvelope[customerV1JSON]](t, fetch("/v1/customers?take=100&skip=200"))
	fetch("/v2/customers?limit=100")
	fetch("/v2/subscriptions?status=any&take=100&skip=300")
	invoices := decode[listEnvelope[invoiceV1JSON]](t, fetch("/v1/invoices?take=100&skip=400"))
	fetch("/v2/invoices?limit=100&status=all")
	fetch("/v1/customers/" + customers.Data[7].ID)
	fetch("/v2/customers/" + customers.Data[7].ID)
	fetch("/v1/invoices/" + invoices.Data[3].ID)
	fetch("/v2/invoices/" + invoices.Data[3].ID)
	return out
}

func TestSameSeedAndEpochSameBytes(t *testing.T) {
	t.Parallel()
	epoch := time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	morning := func() time.Time { return epoch.Add(7 * time.Hour) }
	evening := func() time.Time { return epoch.Add(22 * time.Hour) }
	a := dataBodies(t, start(t, Config{Seed: 5, Epoch: epoch}))
	// The same day by Now gives the same epoch, whatever the hour.
	for _, cfg := range []Config{{Seed: 5, Epoch: epoch}, {Seed: 5, Now: morning}, {Seed: 5, Now: evening}} {
		b := dataBodies(t, start(t, cfg))
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("%+v: body %d differs:\n%.300s\n%.300s", cfg, i, a[i], b[i])
			}
		}
	}
}

// identity collects, in document order, the fields an epoch must not
// change: IDs, references to IDs, numbers, statuses and amounts.
func identity(t *testing.T, body string) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode: %v", err)
	}
	var out []string
	var visit func(key string, v any)
	visit = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				visit(k, x[k])
			}
		case []any:
			for _, e := range x {
				visit(key, e)
			}
		default:
			if key == "id" || strings.HasSuffix(key, "_id") || strings.HasSuffix(key, "_ids") || key == "provider_id" ||
				key == "number" || key == "status" || strings.HasSuffix(key, "amount") || key == "name" && !strings.HasPrefix(x.(string), "Black Friday") {
				out = append(out, key+"="+jsonText(t, x))
			}
		}
	}
	visit("", v)
	return out
}

func jsonText(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return string(b)
}

func TestEpochShiftsDatesNotIDs(t *testing.T) {
	t.Parallel()
	early := time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	late := time.Date(2028, 6, 3, 0, 0, 0, 0, time.UTC)
	simA, simB := start(t, Config{Seed: 9, Epoch: early}), start(t, Config{Seed: 9, Epoch: late})
	a, b := dataBodies(t, simA), dataBodies(t, simB)
	for i := range a {
		if i > 0 && a[i] == b[i] { // the companies list carries no dates
			t.Errorf("body %d is the same under both epochs", i)
		}
		ia, ib := identity(t, a[i]), identity(t, b[i])
		if len(ia) < 3 || !slices.Equal(ia, ib) {
			t.Errorf("body %d: IDs, statuses or amounts moved with the epoch:\n%v\n%v", i, ia, ib)
		}
	}
	if simA.App().ClientSecret != simB.App().ClientSecret || simA.APIKey() != simB.APIKey() {
		t.Error("the seeded app or API key depends on the epoch")
	}
	// Dates move along with the epoch: by its shift, give or take the
	// days calendar arithmetic adds or drops.
	shift := late.Sub(early)
	ca, cb := simA.Companies(), simB.Companies()
	for i := range ca {
		if ca[i].ID != cb[i].ID {
			t.Errorf("company %d: ID %s became %s", i, ca[i].ID, cb[i].ID)
		}
		if d := cb[i].CreatedAt.Sub(ca[i].CreatedAt) - shift; d.Abs() > 3*24*time.Hour {
			t.Errorf("company %d created %s, then %s: off the shift by %v", i, ca[i].CreatedAt, cb[i].CreatedAt, d)
		}
	}
	customersA := decode[listEnvelope[customerV1JSON]](t, []byte(a[1])).Data
	customersB := decode[listEnvelope[customerV1JSON]](t, []byte(b[1])).Data
	for i := range customersA {
		at, bt := stamp(t, &customersA[i].CreatedAt), stamp(t, &customersB[i].CreatedAt)
		if d := bt.Sub(at) - shift; d.Abs() > 7*24*time.Hour {
			t.Errorf("customer %s created %s, then %s: off the shift by %v", customersA[i].ID, at, bt, d)
		}
	}
}
