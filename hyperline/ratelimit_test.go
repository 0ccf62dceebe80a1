package hyperline

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"
)

// A greedy client that asks all it can every millisecond for six windows must never get
// more than the limit through in any window, wherever the window starts,
// and must get most of the budget: a walk starts with 198 requests at once.
func TestWindowLimiterNeverExceedsWindow(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		limit, atOnce int
		per           time.Duration
	}{{200, 198, 10 * time.Second}, {50, 49, 10 * time.Second}, {7, 6, time.Second}, {1, 1, time.Second}} {
		lim := newWindowLimiter(tc.limit, tc.per)
		now := time.Unix(1_700_000_000, 0)
		lim.now = func() time.Time { return now }
		var admitted []time.Time
		start := now
		for step := time.Duration(0); step < 6*tc.per; step += time.Millisecond {
			now = start.Add(step)
			for _, wait := lim.reserve(); wait == 0; _, wait = lim.reserve() {
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
		if first := countBefore(admitted, start.Add(time.Millisecond)); first != tc.atOnce {
			t.Errorf("%d per %v: %d requests at once, want %d", tc.limit, tc.per, first, tc.atOnce)
		}
		// At least 80% of the documented rate (tiny limits lose a larger
		// share to the margin).
		if min := int(0.8 * 6 * float64(tc.limit)); len(admitted) < min {
			t.Errorf("%d per %v: only %d admitted in 6 windows, want >= %d", tc.limit, tc.per, len(admitted), min)
		}
	}
	if newWindowLimiter(0, time.Second) != nil || newWindowLimiter(10, 0) != nil {
		t.Error("zero limit or window must disable the limiter")
	}
}

func countBefore(ts []time.Time, end time.Time) int {
	n := 0
	for _, t := range ts {
		if t.Before(end) {
			n++
		}
	}
	return n
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
