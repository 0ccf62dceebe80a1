package cli

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator/faults"
)

// TestCommandsThroughFaults runs the commands that read the API through a
// proxy that misbehaves in every way it knows, lasting: each ends (no
// hang past the request timeout), exits 1 with one safe "hlx:" line, and
// leaves the session as it was. A burst of two 503s, 429s, resets,
// truncated or slow answers is ridden out by the retries. The retry waits are recorded, not slept.
func TestCommandsThroughFaults(t *testing.T) {
	t.Parallel()
	w, proxy := loggedInThroughFaults(t)
	var mu sync.Mutex
	var waits []time.Duration
	w.opts.ClientOptions = []hyperline.Option{hyperline.WithRetry(hyperline.RetryPolicy{
		Sleep: func(ctx context.Context, d time.Duration) error {
			mu.Lock()
			waits = append(waits, d)
			mu.Unlock()
			return ctx.Err()
		},
	})}
	w.opts.RequestTimeout = 500 * time.Millisecond
	apiURL, _ := config.NormalizeAPIURL(proxy.URL)
	session := func() config.Token { return w.session(t).Current(apiURL).Token }
	before := session()

	commands := [][]string{
		{"list", "customers", "--json"},
		{"get", "customer", "billing@nowhere.example"},
		{"api", "/v2/invoices"},
		{"company", "list"},
	}
	for _, kind := range faults.Kinds() {
		for _, c := range commands {
			proxy.Set(faults.Rule{Kind: kind, Delay: 50 * time.Millisecond})
			start := time.Now()
			out, errOut, code := run(t, w, c[0], c[1:]...)
			took := time.Since(start)
			name := string(kind) + " " + strings.Join(c, " ")
			switch {
			case kind == faults.Slow:
				if code != ExitOK && !(c[0] == "get" && code == ExitNotFound) {
					t.Errorf("%s: exit %d: %s", name, code, errOut)
				}
			case code != ExitFailure || !strings.HasPrefix(errOut, "hlx: ") || strings.Count(errOut, "\n") != 1:
				t.Errorf("%s: exit %d, want one line and exit %d:\n%s", name, code, ExitFailure, errOut)
			case c[0] != "list" && out != "":
				t.Errorf("%s: stdout %q", name, out)
			}
			checkSafe(t, c, out, errOut)
			if took > 10*time.Second {
				t.Errorf("%s took %s", name, took)
			}
			t.Logf("%-40s exit %d in %4dms: %s", name, code, took.Milliseconds(), strings.TrimSpace(errOut))
		}
		proxy.Set(faults.Rule{Kind: kind, Count: 2, Delay: 50 * time.Millisecond})
		// A malformed answer and a server error are not retried, nor is a
		// request that outlived its timeout (it may have been slow, not lost).
		if kind != faults.Malformed && kind != faults.HostileError && kind != faults.Hang {
			if _, errOut, code := run(t, w, "api", "/v2/customers?limit=1"); code != ExitOK {
				t.Errorf("a burst of two %s: exit %d: %s", kind, code, errOut)
			}
		}
		if s := session(); s.RefreshToken != before.RefreshToken || s.AccessToken != before.AccessToken {
			t.Fatalf("after %s the session changed", kind)
		}
	}
	proxy.Set(faults.Rule{})
	if _, errOut, code := run(t, w, "status"); code != ExitOK {
		t.Errorf("status after the matrix: exit %d: %s", code, errOut)
	}
}
