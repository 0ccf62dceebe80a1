package hyperline

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestRateLimitSaysHowLongToWait: a 429 with Retry-After: 3600 says how
// long the server asked to wait and until when (it said nothing of it).
func TestRateLimitSaysHowLongToWait(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 2, 14, 10, 0, 0, time.Local)
	for _, tc := range []struct {
		header, want string
	}{
		{"3600", "the server asked to wait 1h, until 15:10"},
		{"90", "the server asked to wait 1m30s, until 14:11"},
		{"30", "the server asked to wait 30s, until 14:10:30"},
		{"36000", "the server asked to wait 10h, until Tue 3 Mar 00:10"},
	} {
		srv := httptest.NewServer(&scripted{statuses: []int{429}, headers: map[string]string{"Retry-After": tc.header}})
		c, _ := newTestClient(t, srv, withClock(func() time.Time { return now }), WithRetry(RetryPolicy{MaxAttempts: 1}))
		_, err := c.ListCompanies(context.Background())
		srv.Close()
		var apiErr *APIError
		if !errors.As(err, &apiErr) || !errors.Is(err, ErrRateLimited) {
			t.Fatalf("Retry-After %s: err = %v", tc.header, err)
		}
		if got := apiErr.RetryWait(); got != tc.want {
			t.Errorf("Retry-After %s: RetryWait = %q, want %q", tc.header, got, tc.want)
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Retry-After %s: the error does not say it: %v", tc.header, err)
		}
	}
	if got := (&APIError{StatusCode: 429}).RetryWait(); got != "" {
		t.Errorf("no Retry-After: RetryWait = %q", got)
	}
}
