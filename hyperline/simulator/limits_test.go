package simulator

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestReadRateLimit(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	sim := start(t, Config{Now: clock.Now, ReadLimit: 3})
	key := sim.APIKey()
	for i := range 3 {
		resp, body := get(t, sim.URL+"/v1/customers?take=1", key, "")
		wantStatus(t, resp, body, http.StatusOK)
		if got := resp.Header.Get("X-RateLimit-Remaining"); got != strconv.Itoa(2-i) {
			t.Errorf("request %d: remaining %q", i, got)
		}
		if resp.Header.Get("X-RateLimit-Limit") != "3" {
			t.Errorf("limit header %q", resp.Header.Get("X-RateLimit-Limit"))
		}
		if reset := resp.Header.Get("X-RateLimit-Reset"); reset != iso(clock.Now().Add(10*time.Second)) {
			t.Errorf("reset %q", reset)
		}
	}
	clock.Advance(4 * time.Second)
	resp, body := get(t, sim.URL+"/v1/customers", key, "")
	wantStatus(t, resp, body, http.StatusTooManyRequests)
	wantMessage(t, body, "Too many requests")
	if ra := resp.Header.Get("Retry-After"); ra != "6" {
		t.Errorf("Retry-After %q, want 6", ra)
	}
	// Another credential has its own budget.
	tok := login(t, sim).AccessToken
	resp, body = get(t, sim.URL+"/v1/customers", tok, "")
	wantStatus(t, resp, body, http.StatusOK)
	// The window ends.
	clock.Advance(6 * time.Second)
	resp, body = get(t, sim.URL+"/v1/customers", key, "")
	wantStatus(t, resp, body, http.StatusOK)
}

func TestWritesHaveTheirOwnLimit(t *testing.T) {
	t.Parallel()
	clock := newFakeClock()
	sim := start(t, Config{Now: clock.Now, WriteLimit: 2, ReadLimit: 1})
	key := sim.APIKey()
	create := func() *http.Response {
		b, _ := json.Marshal(map[string]any{"name": "x", "callbacks": []string{"http://127.0.0.1:1/cb"}})
		resp, _ := do(t, http.MethodPost, sim.URL+"/v1/apps", http.Header{"Authorization": {"Bearer " + key}, "Content-Type": {"application/json"}}, bytes.NewReader(b))
		return resp
	}
	resp, body := get(t, sim.URL+"/v1/apps", key, "")
	wantStatus(t, resp, body, http.StatusOK)
	for i, want := range []int{201, 201, 429} {
		if got := create().StatusCode; got != want {
			t.Errorf("write %d: status %d, want %d", i, got, want)
		}
	}
}

func TestFaultsAreDeterministic(t *testing.T) {
	t.Parallel()
	faults := Config{Seed: 3, ErrorRate: 0.2, RateLimitRate: 0.2, MalformedRate: 0.2}
	run := func() (statuses []int, kinds map[string]int) {
		sim := start(t, faults)
		kinds = map[string]int{}
		for range 40 {
			resp, body := get(t, sim.URL+"/v1/customers?take=2", sim.APIKey(), "")
			statuses = append(statuses, resp.StatusCode)
			switch {
			case resp.StatusCode == 503 && bytes.Contains(body, []byte("<html>")):
				kinds["503"]++
			case resp.StatusCode == 429 && resp.Header.Get("Retry-After") == "1":
				kinds["429"]++
			case resp.StatusCode == 200 && !json.Valid(body):
				kinds["malformed"]++
			case resp.StatusCode == 200:
				kinds["ok"]++
			}
		}
		return statuses, kinds
	}
	a, kinds := run()
	b, _ := run()
	if !equalInts(a, b) {
		t.Fatalf("fault sequences differ:\n%v\n%v", a, b)
	}
	for _, k := range []string{"503", "429", "malformed", "ok"} {
		if kinds[k] == 0 {
			t.Errorf("no %s among 40 requests: %v", k, kinds)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFaultsSpareOAuthAndApps(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{ErrorRate: 1})
	tok := login(t, sim) // authorize and token exchange are never faulted
	resp, body := get(t, sim.URL+"/oauth/userinfo", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusOK)
	resp, body = get(t, sim.URL+"/v1/apps", sim.APIKey(), "")
	wantStatus(t, resp, body, http.StatusOK)
	resp, body = get(t, sim.URL+"/v1/customers", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusServiceUnavailable)
	sim.SetFaults(Faults{})
	resp, body = get(t, sim.URL+"/v1/customers", tok.AccessToken, "")
	wantStatus(t, resp, body, http.StatusOK)
}

func TestLatencyStopsWhenTheClientLeaves(t *testing.T) {
	t.Parallel()
	s := New(Config{Latency: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/v1/customers", nil)
	req.Header.Set("Authorization", "Bearer "+s.APIKey())
	done := make(chan struct{})
	go func() {
		s.ServeHTTP(httptest.NewRecorder(), req)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the handler kept waiting after the client went away")
	}
	if recs := s.Requests(); len(recs) != 1 || recs[0].Status != 499 {
		t.Fatalf("request log %+v", recs)
	}
}

func TestRequestLog(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	medium := sim.Companies()[1].ID
	tok := login(t, sim).AccessToken
	sim.ResetRequests()
	get(t, sim.URL+"/v1/customers?take=5&skip=10", tok, medium)
	get(t, sim.URL+"/v1/invoices", "nope", "")
	recs := sim.Requests()
	if len(recs) != 2 {
		t.Fatalf("%d records: %+v", len(recs), recs)
	}
	want := RequestRecord{Method: "GET", Path: "/v1/customers", Query: "take=5&skip=10", CompanyHeader: medium, Authorized: true, Status: 200}
	if got := recs[0]; got.Method != want.Method || got.Path != want.Path || got.Query != want.Query ||
		got.CompanyHeader != want.CompanyHeader || !got.Authorized || got.Status != 200 {
		t.Errorf("record %+v, want %+v", got, want)
	}
	if recs[1].Authorized || recs[1].Status != 401 {
		t.Errorf("unauthorized record %+v", recs[1])
	}
}

func TestRequestLogIsBounded(t *testing.T) {
	t.Parallel()
	var l requestLog
	for i := range requestLogSize + 5 {
		l.add(RequestRecord{Status: i})
	}
	recs := l.snapshot()
	if len(recs) != requestLogSize || recs[0].Status != 5 || recs[len(recs)-1].Status != requestLogSize+4 {
		t.Fatalf("ring holds %d records from %d to %d", len(recs), recs[0].Status, recs[len(recs)-1].Status)
	}
}

func TestScaleAndLargeCustomers(t *testing.T) {
	t.Parallel()
	got := New(Config{Scale: 0.2, LargeCustomers: 50}).Companies()
	if got[0].Customers != 5 || got[1].Customers != 160 || got[2].Customers != 50 {
		t.Fatalf("sizes %d %d %d", got[0].Customers, got[1].Customers, got[2].Customers)
	}
}

// TestRequestLogBoundsLongFields: the log keeps 10,000 records, and a
// request line can be a megabyte long, so each logged string is cut short
// and copied, or the log alone could hold gigabytes.
func TestRequestLogBoundsLongFields(t *testing.T) {
	t.Parallel()
	s := New(Config{})
	long := strings.Repeat("x", 64<<10)
	req := httptest.NewRequest(http.MethodGet, "/v1/"+long+"?q="+long, nil)
	req.Header.Set(companyHeader, long)
	s.ServeHTTP(httptest.NewRecorder(), req)
	rec := s.Requests()[0]
	for name, v := range map[string]string{"Path": rec.Path, "Query": rec.Query, "CompanyHeader": rec.CompanyHeader} {
		if len(v) > maxLoggedField || !strings.HasPrefix(long, strings.TrimPrefix(strings.TrimPrefix(v, "/v1/"), "q=")[:100]) {
			t.Errorf("%s logged with %d bytes, want at most %d", name, len(v), maxLoggedField)
		}
	}
}
