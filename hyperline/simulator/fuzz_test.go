package simulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// FuzzListQuery sends arbitrary query strings to the list endpoints
// through the handler: whatever the query, the answer is a 200 list
// envelope or a 400 {"message"}, never a panic or another status.
func FuzzListQuery(f *testing.F) {
	for _, seed := range []string{
		"", "take=0", "take=100&skip=5", "take=101", "take=-1", "skip=x", "take=1e3",
		"status=all", "status=inactive&status__in=active,paused", "status__notIn=draft", "status=",
		"status__in=,,", "id__in=cus_x,,cus_y", "name__contains=%C3%A9", "name__endWith=a&name__endsWith=b",
		"created_at__gte=2024-01-01T00:00:00.000Z", "created_at__lt=yesterday", "customer_id__in=a,b",
		"customerId=cus_1&subscriptionId__isNull=1", "type__notIn=invoice", "invoiceNumber__startsWith=INV",
		"country__in=FR,DE&external_id__not=crm-1&billing_email__isNotNull=", "search=caf%C3%A9",
		"take=99999999999999999999", "skip=9223372036854775807", "a;b=c", "%zz", "take=1&take=2",
		"currency__isNull=true", "customer_id=" + strings.Repeat("x", 300),
		"limit=0", "limit=101", "limit=abc", "limit=1&cursor=bogus", "include_total=yes", "order=up", "sort=name",
		"include_total=true&order=asc&sort=updated_at", "sort=emitted_at&status=all",
	} {
		for ep := range uint8(8) {
			f.Add(ep, false, seed)
		}
	}
	s := New(Config{ReadLimit: -1})
	key := s.APIKey()
	medium := s.Companies()[1].ID
	token := func() string {
		clientID := s.App().ClientID
		s.store.mu.Lock()
		defer s.store.mu.Unlock()
		_, access := s.store.issueLocked(clientID, s.cfg.Now().Add(24*time.Hour))
		return access
	}()
	paths := []string{"/v1/companies", "/v1/customers", "/v2/subscriptions", "/v1/invoices", "/v2/customers", "/v2/invoices", "/v1/transactions", "/v2/wallets"}
	f.Fuzz(func(t *testing.T, ep uint8, useMedium bool, query string) {
		req := httptest.NewRequest(http.MethodGet, paths[int(ep)%len(paths)], nil)
		req.URL.RawQuery = query
		req.Header.Set("Authorization", "Bearer "+key)
		if useMedium {
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set(companyHeader, medium)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("%s?%s: Content-Type %q", req.URL.Path, query, ct)
		}
		switch rec.Code {
		case http.StatusOK:
			var env struct {
				Meta    *listMeta        `json:"meta"`
				Data    []map[string]any `json:"data"`
				HasMore *bool            `json:"has_more"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil || env.Data == nil || (env.Meta == nil) == (env.HasMore == nil) {
				t.Fatalf("%s?%s: 200 without a list envelope (%v): %.200s", req.URL.Path, query, err, rec.Body)
			}
			if len(env.Data) > maxTake || env.Meta != nil && (env.Meta.Skipped < 0 || env.Meta.Total < 0) {
				t.Fatalf("%s?%s: %d items: %.200s", req.URL.Path, query, len(env.Data), rec.Body)
			}
		case http.StatusBadRequest:
			var e errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Message == "" {
				t.Fatalf("%s?%s: 400 without a message (%v): %s", req.URL.Path, query, err, rec.Body)
			}
		default:
			t.Fatalf("%s?%s: status %d: %s", req.URL.Path, query, rec.Code, rec.Body)
		}
	})
}
