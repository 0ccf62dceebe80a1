package hyperline

import (
	"context"
	"errors"
	"sync"
	"time"
)

// windowLimiter keeps requests under the server's limit (200 reads, 50
// writes per 10 s) by remembering when it let the last ones through: a
// request goes when fewer than n were sent in the window before it.
//
// The window's kind, fixed or sliding, is not documented, so the limiter
// holds to the strictest, a sliding one, which also keeps every fixed window
// under the limit. The server counts arrival times, not send times, so the
// limiter leaves a margin for jitter: n is the limit less 1% (198 reads),
// and its window is 5% longer than the server's (10.5 s).
//
// A token bucket cannot use this budget: with burst B and rate r it admits
// B + r*W in a window, so staying under the limit costs half the burst or
// half the rate. This one lets a walk of 198 pages (19,800 customers) start
// at once and sustains the documented rate.
type windowLimiter struct {
	n   int
	per time.Duration
	now func() time.Time // time.Now; tests step it

	mu   sync.Mutex
	sent []time.Time // the last n admissions, a ring; zero: none yet
	next int         // the oldest admission, the next one to replace
}

// newWindowLimiter returns a limiter for limit requests per window, or nil
// (no limit) when limit or per is not positive.
func newWindowLimiter(limit int, per time.Duration) *windowLimiter {
	if limit <= 0 || per <= 0 {
		return nil
	}
	n := max(1, limit-max(1, limit/100))
	return &windowLimiter{n: n, per: per + per/20, now: time.Now, sent: make([]time.Time, n)}
}

// errLimiterDeadline says a wait would outlast the context's deadline.
var errLimiterDeadline = errors.New("waiting for the rate limit would exceed the deadline")

// Wait blocks until a request may go, or until ctx ends. A wait that would
// outlast ctx's deadline is refused at once.
func (l *windowLimiter) Wait(ctx context.Context) error {
	for {
		now, wait := l.reserve()
		if wait <= 0 {
			return nil
		}
		if deadline, ok := ctx.Deadline(); ok && now.Add(wait).After(deadline) {
			return errLimiterDeadline
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

// reserve admits a request now and returns a zero wait, or returns how
// long until the oldest of the last n admissions leaves the window. The
// clock is read under the lock, so the ring stays in time order.
func (l *windowLimiter) reserve() (now time.Time, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now = l.now()
	oldest := l.sent[l.next]
	if !oldest.IsZero() {
		if wait := oldest.Add(l.per).Sub(now); wait > 0 {
			return now, wait
		}
	}
	l.sent[l.next] = now
	l.next = (l.next + 1) % l.n
	return now, 0
}
