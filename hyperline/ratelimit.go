package hyperline

import (
	"time"

	"golang.org/x/time/rate"
)

// newWindowLimiter returns a token bucket that never lets more than limit
// requests through in any window of length per, or nil when limit <= 0.
//
// The server counts requests in a window (200 reads per 10 s); the window's
// kind, fixed or sliding, is not documented, so the bucket is sized for the
// strictest, a sliding one. A bucket with burst B refilling at r per second
// admits at most B + r*W requests in any W-second span (a full bucket at the
// start, plus what refills during it). Staying under the limit L therefore
// needs B + r*W <= L. Rate 20/s with any burst >= 1 would allow 201+ in some
// window, so the budget is split instead:
//
//   - burst B = L/2 (100 reads): a short walk such as the 100 pages of a
//     10,000-customer company starts at once, at whatever concurrency asks;
//   - rate r = (L - B - m)/W, with a margin m = max(1, L/100) (98 reads per
//     10 s): one or two requests of slack for latency jitter, since the
//     server sees arrival times, not send times.
//
// The cost is a sustained rate of about half the documented one for very long
// walks; the gain is that no window ever sees a 429 from our own traffic.
// 429s from other clients sharing the quota are still handled by retries.
func newWindowLimiter(limit int, per time.Duration) *rate.Limiter {
	if limit <= 0 || per <= 0 {
		return nil
	}
	burst := max(1, limit/2)
	margin := max(1, limit/100)
	refill := limit - burst - margin
	if refill <= 0 {
		// Tiny limits (tests, or a limit of 1-3): half the limit per window,
		// which can exceed the limit by one in the worst window.
		return rate.NewLimiter(rate.Limit(float64(limit)/2/per.Seconds()), burst)
	}
	return rate.NewLimiter(rate.Limit(float64(refill)/per.Seconds()), burst)
}
