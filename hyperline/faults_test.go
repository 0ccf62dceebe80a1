package hyperline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/simulator/faults"
)

// faultCallTimeout is the deadline each call of the fault matrix runs
// under; nothing may take longer than it (plus scheduling slack).
const faultCallTimeout = 1500 * time.Millisecond

// TestListLoadingThroughFaults runs the client's list loading (companies,
// then a page of customers) through the fault proxy, each fault as a short
// burst and as a lasting one. Nothing panics or hangs past the deadline,
// a burst of what the retry policy covers is absorbed, and every failure
// is an error a caller can word. The matrix is logged for the note.
func TestListLoadingThroughFaults(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Scale: 0.2})
	token := simAccessToken(t, sim)
	company := sim.Companies()[0].ID
	type want struct{ burst, lasting string } // "ok" or what the error matches
	wants := map[faults.Kind]want{
		faults.Unavailable:  {"ok", "503"},
		faults.RateLimited:  {"ok", "rate limited"},
		faults.Reset:        {"ok", "network"},
		faults.Truncated:    {"ok", "malformed"},
		faults.Malformed:    {"malformed", "malformed"},
		faults.Slow:         {"ok", "ok"},
		faults.Hang:         {"deadline", "deadline"},
		faults.HostileError: {"500", "500"},
	}
	var matrix []string
	for _, kind := range faults.Kinds() {
		for _, lasting := range []bool{false, true} {
			rule := faults.Rule{Kind: kind, RetryAfter: 1, Delay: 100 * time.Millisecond}
			want, label := wants[kind].burst, "burst of 2"
			if lasting {
				want, label = wants[kind].lasting, "lasting"
			} else {
				rule.Count = 2
			}
			proxy, err := faults.Start(sim.URL)
			if err != nil {
				t.Fatal(err)
			}
			proxy.Set(rule)
			rec := &sleepRecorder{}
			c, err := New(proxy.URL, APIKey(token), WithRetry(RetryPolicy{Sleep: rec.sleep}))
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			got := listThrough(c, company)
			elapsed := time.Since(start)
			proxy.Close()
			matrix = append(matrix, fmt.Sprintf("%-13s %-10s → %-60s (%s, %d faults, waits %v)",
				kind, label, got, elapsed.Round(10*time.Millisecond), proxy.Injected(kind), rec.got()))
			if elapsed > 2*faultCallTimeout+time.Second {
				t.Errorf("%s %s took %s, past the deadline", kind, label, elapsed)
			}
			if want == "ok" && got != "ok" || want != "ok" && !strings.Contains(got, want) {
				t.Errorf("%s %s: got %q, want %q", kind, label, got, want)
			}
			if kind == faults.RateLimited && !lasting && !waitedAtLeast(rec.got(), time.Second) {
				t.Errorf("429 burst: waits %v, want Retry-After (1s) honoured", rec.got())
			}
		}
	}
	t.Log("client list loading × faults:\n" + strings.Join(matrix, "\n"))
}

// listThrough loads the companies and a page of customers and says how
// it went: "ok", or the kind of error.
func listThrough(c *Client, company string) string {
	ctx, cancel := context.WithTimeout(context.Background(), faultCallTimeout)
	defer cancel()
	_, err := c.ListCompanies(ctx)
	if err == nil {
		ctx2, cancel2 := context.WithTimeout(context.Background(), faultCallTimeout)
		defer cancel2()
		_, err = c.Company(company).ListCustomers(ctx2, CustomerListOptions{})
	}
	var apiErr *APIError
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, context.DeadlineExceeded):
		return "deadline: " + err.Error()
	case errors.Is(err, ErrRateLimited):
		return "rate limited: " + err.Error()
	case errors.Is(err, ErrMalformedResponse):
		return "malformed: " + err.Error()
	case errors.As(err, &apiErr):
		return fmt.Sprintf("%d: %.40q", apiErr.StatusCode, apiErr.Message)
	}
	return "network: " + err.Error()
}

func waitedAtLeast(waits []time.Duration, d time.Duration) bool {
	for _, w := range waits {
		if w >= d {
			return true
		}
	}
	return false
}

// TestHostileErrorMessageIsSafe: a server's error message reaches the
// APIError as one terminal-safe line: no escape, bidi override or
// zero-width character survives (ESC used to become a space and U+202E
// went through).
func TestHostileErrorMessageIsSafe(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Scale: 0.1})
	proxy, err := faults.Start(sim.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	proxy.Set(faults.Rule{Kind: faults.HostileError})
	c, err := New(proxy.URL, APIKey(simAccessToken(t, sim)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListCompanies(context.Background())
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v", err)
	}
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u202c", "\u200b", "\u009b"} {
		if strings.Contains(apiErr.Message, bad) || strings.Contains(err.Error(), bad) {
			t.Errorf("the error carries %q: %q", bad, err)
		}
	}
	if !strings.Contains(apiErr.Message, "Internal") || !strings.Contains(apiErr.Message, "node 7") {
		t.Errorf("Message = %q, want the words kept", apiErr.Message)
	}
}
