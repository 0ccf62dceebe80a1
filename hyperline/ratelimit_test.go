package hyperline

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"
)

// A greedy client that asks every millisecond for a minute must never get
// more than the limit through in any window, wherever the window starts.
func TestWindowLimiterNeverExceedsWindow(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		limit int
		per   time.Duration
	}{{200, 10 * time.Second}, {50, 10 * time.Second}, {7, time.Second}} {
		lim := newWindowLimiter(tc.limit, tc.per)
		start := time.Unix(1_700_000_000, 0)
		var admitted []time.Time
		for step := time.Duration(0); step < 6*tc.per; step += time.Millisecond {
			if now := start.Add(step); lim.AllowN(now, 1) {
				admitted = append(admitted, now)
			}
		}
		worst, lo := 0, 0
		for hi := range admitted {
			for admitted[hi].Sub(admitted[lo]) >= tc.per {
				lo++
			}
			worst = max(worst, hi-lo+1)
		}
		if worst > tc.limit {
			t.Errorf("%d per %v: %d requests in one window", tc.limit, tc.per, worst)
		}
		// And the bucket is not pointlessly strict: at least 45% of the
		// documented sustained rate over the minute.
		if min := int(0.45 * 6 * float64(tc.limit)); len(admitted) < min {
			t.Errorf("%d per %v: only %d admitted in 6 windows, want >= %d", tc.limit, tc.per, len(admitted), min)
		}
	}
	if newWindowLimiter(0, time.Second) != nil || newWindowLimiter(10, 0) != nil {
		t.Error("zero limit or window must disable the limiter")
	}
	if lim := newWindowLimiter(200, 10*time.Second); lim.Burst() != 100 {
		t.Errorf("default burst %d, want 100", lim.Burst())
	}
}

func TestLimiterWaitHonoursContext(t *testing.T) {
	t.Parallel()
	ls := newListServer(1)
	srv := httptest.NewServer(ls)
	defer srv.Close()
	// One request per hour: the second one must wait, and a context says no.
	c, _ := newTestClient(t, srv, WithRateLimit(1, time.Hour))
	ctx := context.Background()
	if _, err := c.ListCompanies(ctx); err != nil {
		t.Fatal(err)
	}
	dctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if _, err := c.ListCompanies(dctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want DeadlineExceeded", err)
	}
	cctx, cancel2 := context.WithCancel(ctx)
	cancel2()
	if _, err := c.ListCompanies(cctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want Canceled", err)
	}
	if r := ls.requests(); r != 1 {
		t.Fatalf("%d requests reached the server", r)
	}
}
