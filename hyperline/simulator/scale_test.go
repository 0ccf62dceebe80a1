package simulator

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestMillionCustomersStartFast(t *testing.T) {
	t.Parallel()
	began := time.Now()
	s := New(Config{LargeCustomers: 1_000_000})
	if took := time.Since(began); took > 2*time.Second {
		t.Fatalf("New with a million customers took %v", took)
	}
	large := s.Companies()[2]
	if large.Customers != 1_000_000 {
		t.Fatalf("large company has %d customers", large.Customers)
	}
	hs := httptest.NewServer(s)
	defer hs.Close()
	sim := &Running{Server: s, URL: hs.URL}
	tok := login(t, sim).AccessToken
	last := list[customerV1JSON](t, sim, "/v1/customers?take=10&skip=999990", tok, large.ID)
	if len(last.Data) != 10 || last.Meta.Total != 1_000_000 {
		t.Fatalf("last page: %d items, meta %+v", len(last.Data), last.Meta)
	}
	resp, body := get(t, hs.URL+"/v1/customers/"+last.Data[9].ID, tok, large.ID)
	wantStatus(t, resp, body, http.StatusOK)
	for _, q := range []string{"limit=100&include_total=true", "limit=100&order=asc"} {
		pg := cursorGet[customerJSON](t, sim, "/v2/customers?"+q, tok, large.ID)
		if len(pg.Data) != 100 || !pg.HasMore {
			t.Fatalf("%s: %d items", q, len(pg.Data))
		}
		next := cursorGet[customerJSON](t, sim, "/v2/customers?"+q+"&cursor="+*pg.NextCursor, tok, large.ID)
		if len(next.Data) != 100 || next.Data[0].ID == pg.Data[0].ID {
			t.Fatalf("%s: second page of %d", q, len(next.Data))
		}
	}
	subs := list[subscriptionJSON](t, sim, "/v2/subscriptions?customer_id="+last.Data[9].ID+"&status=any", tok, large.ID)
	if subs.Meta.Total != len(last.Data[9].Subscriptions) {
		t.Fatalf("customer_id lookup on the large company: %d vs %d", subs.Meta.Total, len(last.Data[9].Subscriptions))
	}
}

func BenchmarkNewMillion(b *testing.B) {
	for b.Loop() {
		New(Config{LargeCustomers: 1_000_000})
	}
}

func BenchmarkListCustomersPage(b *testing.B) {
	s := New(Config{ReadLimit: -1})
	for i := 0; b.Loop(); i++ {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/v1/customers?take=25", nil)
		req.Header.Set("Authorization", "Bearer "+s.APIKey())
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

func BenchmarkScanLargeInvoicesByStatus(b *testing.B) {
	s := New(Config{ReadLimit: -1})
	tok := func() string {
		cid := s.App().ClientID
		s.store.mu.Lock()
		defer s.store.mu.Unlock()
		_, access := s.store.issueLocked(cid, time.Now().Add(time.Hour))
		return access
	}()
	large := s.Companies()[2].ID
	for b.Loop() {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/v1/invoices?status=late&take=100", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set(companyHeader, large)
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
