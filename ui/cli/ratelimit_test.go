package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/simulator/faults"
)

// TestRateLimitSaysHowLongToWait: `hlx list` answered 429 with
// Retry-After: 3600 says the server asked for an hour and until when, and
// gives up at once rather than wait past its budget.
func TestRateLimitSaysHowLongToWait(t *testing.T) {
	t.Parallel()
	w, proxy := loggedInThroughFaults(t)
	proxy.Set(faults.Rule{Kind: faults.RateLimited, RetryAfter: 3600})
	before := time.Now()
	out, errOut, code := run(t, w, "list", "customers")
	after := time.Now()
	ok := false
	for _, at := range []time.Time{before.Add(time.Hour), after.Add(time.Hour)} {
		ok = ok || strings.Contains(errOut, at.Format("15:04"))
	}
	if code != ExitFailure || out != "" || !ok || !strings.Contains(errOut, "the server asked to wait 1h, until ") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("list through a 429 with Retry-After: 3600: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// loggedInThroughFaults is a world whose API is reached through a fault
// proxy (no fault set yet), logged in, on the small company.
func loggedInThroughFaults(t *testing.T) (*world, *faults.Proxy) {
	t.Helper()
	w := newWorldWith(t, simulator.Config{Scale: 0.2})
	proxy, err := faults.Start(w.sim.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(proxy.Close)
	w.opts.APIURL = proxy.URL
	if _, errOut, code := run(t, w, "login"); code != ExitOK {
		t.Fatalf("login through the proxy: exit %d: %s", code, errOut)
	}
	if _, errOut, code := run(t, w, "company", "use", w.sim.Companies()[0].ID); code != ExitOK {
		t.Fatal(errOut)
	}
	return w, proxy
}
