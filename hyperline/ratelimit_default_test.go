package hyperline

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestDefaultRateLimitIsTheDocumentedOne: a client built with no rate
// limit option sends at most the documented 200 reads and 50 writes per
// 10 s (less its 1% margin): the next one would wait, and with a nearer
// deadline it is refused at once, unsent. Every other test passes its own
// limit, so ten times the documented rate passed the suite.
func TestDefaultRateLimitIsTheDocumentedOne(t *testing.T) {
	t.Parallel()
	var reads, writes atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodGet {
			reads.Add(1)
			_, _ = w.Write([]byte(`{"meta":{"total":0,"taken":0,"skipped":0},"data":[]}`))
			return
		}
		writes.Add(1)
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	c, err := New(srv.URL, APIKey(testToken), WithHTTPClient(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		what    string
		allowed int // the documented limit less 1%
		call    func(context.Context) error
		sent    *atomic.Int32
	}{
		{"reads", 198, func(ctx context.Context) error { _, err := c.ListCompanies(ctx); return err }, &reads},
		{"writes", 49, func(ctx context.Context) error { return c.DeleteApp(ctx, "app_1") }, &writes},
	} {
		start := time.Now()
		for i := range tc.allowed {
			if err := tc.call(context.Background()); err != nil {
				t.Fatalf("%s: call %d: %v", tc.what, i+1, err)
			}
		}
		if time.Since(start) > 10*time.Second {
			t.Skipf("%s: the machine took %s for %d local calls; the window has moved on", tc.what, time.Since(start), tc.allowed)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := tc.call(ctx)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "rate limit") {
			t.Errorf("%s: call %d in the same window: %v, want it held back by the rate limit", tc.what, tc.allowed+1, err)
		}
		if got := int(tc.sent.Load()); got != tc.allowed {
			t.Errorf("%s: the server saw %d calls, want %d", tc.what, got, tc.allowed)
		}
	}
}
