package simulator

import (
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// BenchmarkMillionCustomers times what the explorer asks of the largest
// company once the indexes are built (their build time and heap are
// logged): counts by status, a search, a filtered page and a deep
// cursor page.
//
//	go test -run '^$' -bench MillionCustomers -benchtime 20x ./hyperline/simulator
func BenchmarkMillionCustomers(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := New(Config{LargeCustomers: benchCustomers(), ReadLimit: -1})
	took := s.Warm()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.Logf("indexes of 1,000,000 customers built in %v, heap %d MB", took.Round(10*time.Millisecond), (after.HeapAlloc-before.HeapAlloc)>>20)
	clientID := s.App().ClientID
	s.store.mu.Lock()
	_, tok := s.store.issueLocked(clientID, time.Now().Add(time.Hour))
	s.store.mu.Unlock()
	large := s.Companies()[2].ID
	for _, bm := range []struct{ name, path string }{
		{"customers_by_status", "/v2/customers?limit=1&include_total=true&status=archived"},
		{"search", "/v2/customers?limit=50&include_total=true&search=nordlicht"},
		{"invoices_by_status", "/v2/invoices?limit=1&include_total=true&status=late"},
		{"invoices_month", "/v2/invoices?limit=100&include_total=true&status=finalized&issued_at__gte=2026-03-01T00:00:00Z&issued_at__lt=2026-04-01T00:00:00Z"},
		{"subscriptions_by_status", "/v2/subscriptions?take=1&status=paused"},
		{"customers_page", "/v2/customers?limit=100&status=active"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				req := httptest.NewRequest(http.MethodGet, bm.path, nil)
				req.Header.Set("Authorization", "Bearer "+tok)
				req.Header.Set(companyHeader, large)
				s.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
			}
		})
	}
}

// benchCustomers is the large company's size: 1,000,000, or
// HLX_BENCH_CUSTOMERS.
func benchCustomers() int {
	if n, err := strconv.Atoi(os.Getenv("HLX_BENCH_CUSTOMERS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}
