package simulator

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// rateLimiter counts requests in fixed windows per key and kind.
type rateLimiter struct {
	mu      sync.Mutex
	windows map[string]*window
}

type window struct {
	start time.Time
	count int
}

func newRateLimiter() *rateLimiter { return &rateLimiter{windows: map[string]*window{}} }

// allow counts one request, sets the X-RateLimit-* headers and, past the
// limit, answers 429 with Retry-After and returns false. GETs are reads;
// POST, PUT, PATCH and DELETE are writes, with their own budget.
func (l *rateLimiter) allow(w http.ResponseWriter, key, method string, cfg Config) bool {
	limit, span, kind := cfg.ReadLimit, cfg.ReadWindow, "read:"
	if method != http.MethodGet && method != http.MethodHead {
		limit, span, kind = cfg.WriteLimit, cfg.WriteWindow, "write:"
	}
	if limit < 0 {
		return true
	}
	now := cfg.Now()
	l.mu.Lock()
	if len(l.windows) > 4096 {
		// Forget finished windows so a long run does not grow forever.
		for k, w := range l.windows {
			if !now.Before(w.start.Add(max(cfg.ReadWindow, cfg.WriteWindow))) {
				delete(l.windows, k)
			}
		}
	}
	win := l.windows[kind+key]
	if win == nil || !now.Before(win.start.Add(span)) {
		win = &window{start: now}
		l.windows[kind+key] = win
	}
	win.count++
	count, reset := win.count, win.start.Add(span)
	l.mu.Unlock()

	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(limit-count, 0)))
	// Not documented: the format of X-RateLimit-Reset ("date and time");
	// ISO 8601 UTC with milliseconds, like every other Hyperline date.
	h.Set("X-RateLimit-Reset", iso(reset))
	if count <= limit {
		return true
	}
	wait := int(math.Ceil(reset.Sub(now).Seconds()))
	h.Set("Retry-After", strconv.Itoa(max(wait, 1)))
	writeError(w, http.StatusTooManyRequests, "Too many requests")
	return false
}
