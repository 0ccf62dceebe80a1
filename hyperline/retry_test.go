package hyperline

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// scripted answers request i (0-based) with statuses[i], then 200 with an
// empty company list once the script runs out.
type scripted struct {
	calls    atomic.Int32
	statuses []int
	headers  map[string]string
}

func (s *scripted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	i := int(s.calls.Add(1)) - 1
	w.Header().Set("Content-Type", "application/json")
	if i < len(s.statuses) {
		for k, v := range s.headers {
			w.Header().Set(k, v)
		}
		w.WriteHeader(s.statuses[i])
		fmt.Fprint(w, `{"message":"try later"}`)
		return
	}
	fmt.Fprint(w, `{"meta":{"total":0,"taken":0,"skipped":0},"data":[]}`)
}

func TestRetryHonoursRetryAfterSeconds(t *testing.T) {
	t.Parallel()
	s := &scripted{statuses: []int{429, 429}, headers: map[string]string{"Retry-After": "3"}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	// Backoff ceilings of 10ms and 20ms: the Retry-After floor decides.
	rec := &sleepRecorder{}
	c, _ := newTestClient(t, srv, WithRetry(RetryPolicy{BaseDelay: 10 * time.Millisecond, Sleep: rec.sleep}))
	if _, err := c.ListCompanies(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := rec.got(); !slices.Equal(got, []time.Duration{3 * time.Second, 3 * time.Second}) {
		t.Fatalf("delays = %v, want [3s 3s]", got)
	}
	if n := s.calls.Load(); n != 3 {
		t.Fatalf("%d requests, want 3", n)
	}
}

func TestRetryHonoursRetryAfterDate(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	s := &scripted{statuses: []int{503}, headers: map[string]string{
		"Retry-After": now.Add(5 * time.Second).Format(http.TimeFormat)}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	rec := &sleepRecorder{}
	c, _ := newTestClient(t, srv, withClock(func() time.Time { return now }),
		WithRetry(RetryPolicy{BaseDelay: time.Millisecond, Sleep: rec.sleep}))
	if _, err := c.ListCompanies(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := rec.got(); !slices.Equal(got, []time.Duration{5 * time.Second}) {
		t.Fatalf("delays = %v, want [5s]", got)
	}
}

func TestRetryExponentialBackoffAndGiveUp(t *testing.T) {
	t.Parallel()
	s := &scripted{statuses: []int{503, 502, 504, 503, 503}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	rec := &sleepRecorder{}
	c, _ := newTestClient(t, srv, WithRetry(RetryPolicy{
		MaxAttempts: 4, BaseDelay: 100 * time.Millisecond, MaxDelay: 250 * time.Millisecond,
		Sleep: rec.sleep, Jitter: func(c time.Duration) time.Duration { return c },
	}))
	_, err := c.ListCompanies(context.Background())
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
		t.Fatalf("err = %v, want the last 503", err)
	}
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 250 * time.Millisecond}
	if got := rec.got(); !slices.Equal(got, want) {
		t.Fatalf("delays = %v, want %v", got, want)
	}
	if n := s.calls.Load(); n != 4 {
		t.Fatalf("%d requests, want 4", n)
	}
}

func TestRetryFullJitterStaysUnderCeiling(t *testing.T) {
	t.Parallel()
	p := RetryPolicy{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}.withDefaults()
	for attempt := 1; attempt <= 40; attempt++ {
		ceiling := min(time.Second, 100*time.Millisecond<<min(attempt-1, 20))
		if d := p.delay(attempt, 0); d < 0 || d > ceiling {
			t.Fatalf("attempt %d: delay %v outside [0, %v]", attempt, d, ceiling)
		}
	}
	if d := p.delay(1, 4*time.Second); d != 4*time.Second {
		t.Fatalf("Retry-After floor: %v", d)
	}
}

func TestNoRetryOnPostOr500(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		status int
		call   func(*Client) error
	}{
		{"POST 503", 503, func(c *Client) error {
			_, err := c.CreateApp(context.Background(), AppInput{Name: "x", Callbacks: []string{"http://127.0.0.1/cb"}})
			return err
		}},
		{"DELETE 429", 429, func(c *Client) error { return c.DeleteApp(context.Background(), "app_1") }},
		{"GET 500", 500, func(c *Client) error { _, err := c.ListCompanies(context.Background()); return err }},
		{"GET 400", 400, func(c *Client) error { _, err := c.ListCompanies(context.Background()); return err }},
	} {
		s := &scripted{statuses: []int{tc.status, tc.status}, headers: map[string]string{"Retry-After": "1"}}
		srv := httptest.NewServer(s)
		c, rec := newTestClient(t, srv)
		err := tc.call(c)
		srv.Close()
		if err == nil {
			t.Fatalf("%s: no error", tc.name)
		}
		if n := s.calls.Load(); n != 1 || len(rec.got()) != 0 {
			t.Fatalf("%s: %d requests, %d sleeps; want 1 and 0", tc.name, n, len(rec.got()))
		}
	}
}

func TestRetryStopsOnContextCancel(t *testing.T) {
	t.Parallel()
	s := &scripted{statuses: []int{503, 503, 503}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rec := &sleepRecorder{hook: func(context.Context) { cancel() }}
	c, _ := newTestClient(t, srv, WithRetry(RetryPolicy{Sleep: rec.sleep}))
	_, err := c.ListCompanies(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := s.calls.Load(); n != 1 {
		t.Fatalf("%d requests, want 1", n)
	}
}

func TestCancelDuringRequestIsNotRetried(t *testing.T) {
	t.Parallel()
	started := make(chan struct{})
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		close(started)
		<-r.Context().Done()
	}))
	defer srv.Close()
	c, rec := newTestClient(t, srv)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-started; cancel() }()
	_, err := c.ListCompanies(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if calls.Load() != 1 || len(rec.got()) != 0 {
		t.Fatalf("%d requests, %d sleeps", calls.Load(), len(rec.got()))
	}
}

func TestRetryAfterBeyondBudgetGivesUpAtOnce(t *testing.T) {
	t.Parallel()
	s := &scripted{statuses: []int{429}, headers: map[string]string{"Retry-After": "60"}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	c, rec := newTestClient(t, srv) // MaxElapsed defaults to 30s
	_, err := c.ListCompanies(context.Background())
	var apiErr *APIError
	if !errors.Is(err, ErrRateLimited) || !errors.As(err, &apiErr) || apiErr.RetryAfter != time.Minute {
		t.Fatalf("err = %v, want a 429 with RetryAfter 1m", err)
	}
	if len(rec.got()) != 0 {
		t.Fatalf("slept %v although the wait exceeds MaxElapsed", rec.got())
	}
	// Same with a context deadline nearer than Retry-After.
	s2 := &scripted{statuses: []int{429}, headers: map[string]string{"Retry-After": "5"}}
	srv2 := httptest.NewServer(s2)
	defer srv2.Close()
	c2, rec2 := newTestClient(t, srv2)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if _, err := c2.ListCompanies(ctx); !errors.Is(err, ErrRateLimited) {
		t.Fatalf("err = %v, want ErrRateLimited", err)
	}
	if len(rec2.got()) != 0 {
		t.Fatalf("slept %v past the context deadline", rec2.got())
	}
}

// dropFirst closes the first n connections without answering: half of them
// with a TCP reset, half with a plain close (EOF).
func dropFirst(n int32) (http.Handler, *atomic.Int32) {
	var calls atomic.Int32
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := calls.Add(1)
		if i <= n {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err != nil {
				panic(err)
			}
			if tcp, ok := conn.(*net.TCPConn); ok && i%2 == 1 {
				_ = tcp.SetLinger(0) // RST instead of FIN
			}
			conn.Close()
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"meta":{"total":0,"taken":0,"skipped":0},"data":[]}`)
	}), &calls
}

func TestRetryOnConnectionReset(t *testing.T) {
	t.Parallel()
	h, calls := dropFirst(2)
	srv := httptest.NewServer(h)
	defer srv.Close()
	c, rec := newTestClient(t, srv)
	if _, err := c.ListCompanies(context.Background()); err != nil {
		t.Fatalf("err = %v, want success after two dropped connections", err)
	}
	if calls.Load() < 3 || len(rec.got()) != 2 {
		t.Fatalf("%d requests, %d retries; want 3 and 2", calls.Load(), len(rec.got()))
	}

	// POST is not retried on a reset.
	h2, calls2 := dropFirst(5)
	srv2 := httptest.NewServer(h2)
	defer srv2.Close()
	c2, rec2 := newTestClient(t, srv2)
	if _, err := c2.CreateApp(context.Background(), AppInput{Name: "x", Callbacks: []string{"http://127.0.0.1/cb"}}); err == nil {
		t.Fatal("POST on a dropped connection succeeded")
	}
	if calls2.Load() != 1 || len(rec2.got()) != 0 {
		t.Fatalf("POST: %d requests, %d retries; want 1 and 0", calls2.Load(), len(rec2.got()))
	}
}

func TestRefusedConnectionIsNotRetried(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	rec := &sleepRecorder{}
	c, err := New("http://"+addr, APIKey(testToken), WithRetry(RetryPolicy{Sleep: rec.sleep}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListCompanies(context.Background()); err == nil {
		t.Fatal("no error from a closed port")
	}
	if len(rec.got()) != 0 {
		t.Fatalf("retried a refused connection: %v", rec.got())
	}
}
