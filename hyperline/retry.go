package hyperline

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"syscall"
	"time"
)

// RetryPolicy decides how GETs are retried. Only GET (and HEAD) requests are
// retried: a write that timed out may have been applied.
//
// Retried: 429, 502, 503 and 504 answers, and connections that were reset or
// closed before a whole response arrived. Not retried: 500 (usually a
// deterministic failure for that request; repeating it only adds load), other
// statuses, refused connections (nothing is listening; fail fast), token
// source errors, malformed JSON in a complete body, and anything after the
// context is done.
type RetryPolicy struct {
	// MaxAttempts counts the first try: 1 disables retries. 0 means 4.
	MaxAttempts int
	// BaseDelay is the backoff before the first retry; it doubles on each
	// retry up to MaxDelay. 0 means 500ms; 0 MaxDelay means 8s.
	BaseDelay, MaxDelay time.Duration
	// MaxElapsed bounds the total time spent on one call, waits included: a
	// retry whose wait would overrun it is not made. 0 means 30s.
	MaxElapsed time.Duration
	// Sleep waits for d or until ctx is done, returning ctx's error then. Tests
	// inject a fake that records d and returns at once. nil means a timer.
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter picks the actual backoff in [0, ceiling] ("full jitter"). nil
	// means uniformly at random. Tests inject a fixed choice.
	Jitter func(ceiling time.Duration) time.Duration
}

// DefaultRetryPolicy is the policy used when WithRetry is not given.
func DefaultRetryPolicy() RetryPolicy { return RetryPolicy{}.withDefaults() }

func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = 4
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = 500 * time.Millisecond
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = 8 * time.Second
	}
	if p.MaxElapsed <= 0 {
		p.MaxElapsed = 30 * time.Second
	}
	if p.Sleep == nil {
		p.Sleep = SleepContext
	}
	if p.Jitter == nil {
		p.Jitter = fullJitter
	}
	return p
}

// delay is the wait before retry number `attempt` (1 = after the first try):
// full-jitter exponential backoff, floored by the server's Retry-After. The
// floor may exceed MaxDelay: the server said when it will accept us again.
func (p RetryPolicy) delay(attempt int, retryAfter time.Duration) time.Duration {
	ceiling := p.MaxDelay
	if shift := attempt - 1; shift < 30 {
		if d := p.BaseDelay << shift; d > 0 && d < ceiling {
			ceiling = d
		}
	}
	d := p.Jitter(ceiling)
	if d < 0 || d > ceiling {
		d = ceiling
	}
	return max(d, retryAfter)
}

func fullJitter(ceiling time.Duration) time.Duration {
	if ceiling <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(ceiling) + 1))
}

// SleepContext waits for d, or returns ctx's error as soon as it is done:
// the retries' default wait, and any other caller's that backs off.
func SleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retryable reports whether err is a transient failure worth another GET.
func retryable(ctx context.Context, err error) bool {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		switch apiErr.StatusCode {
		case http.StatusTooManyRequests, http.StatusBadGateway,
			http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return true
		}
		return false
	}
	var te *transportError
	if errors.As(err, &te) {
		return connectionDropped(te.err)
	}
	return false
}

// connectionDropped reports a connection closed or reset under a request.
func connectionDropped(err error) bool {
	return errors.Is(err, io.EOF) ||
		errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNABORTED) ||
		errors.Is(err, syscall.EPIPE)
}

// retryAfterOf is the Retry-After an API error carried, if any.
func retryAfterOf(err error) time.Duration {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.RetryAfter
	}
	return 0
}
