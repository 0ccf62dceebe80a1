package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/simulator/faults"
	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// explorerTimeout is the request timeout the fault matrix runs the
// explorer with (Deps.RequestTimeout; 30 s by default).
const explorerTimeout = 2 * time.Second

// TestExplorerListLoadingThroughFaults reloads the customers list through
// each fault the proxy injects, lasting: the explorer neither crashes nor
// waits past its request timeout, says what went wrong in a banner (or
// shows the list when the fault is one it rides out), and the session on
// disk is intact afterwards. The matrix is logged for the note.
func TestExplorerListLoadingThroughFaults(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.2})
	proxy, err := faults.Start(env.url)
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	env.settings.APIURL = proxy.URL
	co := env.loginAndChoose(t, ctx, 0)
	session := func() string {
		s, err := env.store.Load()
		if err != nil {
			t.Fatal(err)
		}
		a := s.Current(proxy.URL)
		if !a.LoggedIn() {
			return ""
		}
		return a.Token.RefreshToken
	}
	before := session()
	// The client retries the first four within the request timeout; on a
	// loaded machine its backoff may use the timeout up first, which is
	// said as plainly.
	const late = "took too long"
	wants := map[faults.Kind][]string{
		faults.Unavailable:  {"503", late},
		faults.RateLimited:  {"limiting requests", late},
		faults.Reset:        {"network error", late},
		faults.Truncated:    {"could not be read", late},
		faults.Malformed:    {"could not be read"},
		faults.Slow:         {co.Name}, // the list, 100 ms late
		faults.Hang:         {late},
		faults.HostileError: {"Internal"},
	}
	var matrix []string
	for _, kind := range faults.Kinds() {
		b := env.backend(ctx)
		deps := env.deps(ctx, withoutEvents{b}, b)
		deps.RequestTimeout = explorerTimeout
		h := newHarnessWithDeps(t, deps, 200, 30).start()
		h.requireView("[1 Customers]", co.Name)
		proxy.Set(faults.Rule{Kind: kind, Delay: 100 * time.Millisecond, RetryAfter: 1})
		start := time.Now()
		h.key("r")
		elapsed := time.Since(start)
		proxy.Set(faults.Rule{})
		view := h.view()
		outcome := bannerLine(view)
		if outcome == "" && strings.Contains(view, co.Name) {
			outcome = "list shown"
		}
		matrix = append(matrix, fmt.Sprintf("%-13s → %-90.90s (%s)", kind, outcome, elapsed.Round(10*time.Millisecond)))
		if !containsAny(view, wants[kind]) {
			t.Errorf("%s: the screen shows none of %q:\n%s", kind, wants[kind], view)
		}
		// One request's retries are bounded by the client's budget, the
		// wait for an answer by the request timeout.
		if elapsed > explorerTimeout+10*time.Second {
			t.Errorf("%s: the reload took %s", kind, elapsed)
		}
		if got := session(); got != before {
			t.Errorf("%s: the session changed (%q → %q)", kind, before, got)
		}
		h.key("r") // and the explorer recovers once the fault is gone
		h.requireView(co.Name)
	}
	t.Log("explorer list loading × faults:\n" + strings.Join(matrix, "\n"))
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// bannerLine is the error banner's first line in a frame, "" if none.
func bannerLine(view string) string {
	for _, l := range strings.Split(view, "\n") {
		if i := strings.Index(l, "✗ "); i >= 0 {
			return strings.TrimSpace(l[i:])
		}
	}
	return ""
}

// TestOpenRefusesHostilePublicURLs: in the simulator's hostile mode the
// hostile company's invoices carry public_url values that are not web
// pages; o refuses each with a message and never hands it to the opener,
// and opens the real pages.
func TestOpenRefusesHostilePublicURLs(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.4, Hostile: true})
	env.loginAndChoose(t, ctx, 0)
	b := env.backend(ctx)
	deps := env.deps(ctx, withoutEvents{b}, b)
	var opened []string
	deps.OpenURL = func(u string) error { opened = append(opened, u); return nil }
	h := newHarnessWithDeps(t, deps, 200, 40).start()
	h.key("3")
	h.requireView("[3 Invoices]")
	refused := 0
	for range 16 {
		h.key("o")
		if strings.Contains(h.view(), "refused to open an address that is not a web page") {
			refused++
		}
		h.app.banner = banner{}
		h.key("down")
	}
	for _, u := range opened {
		if !weburl.OK(u) {
			t.Errorf("the opener got %q", u)
		}
	}
	if refused < 8 || len(opened) == 0 {
		t.Errorf("%d refused, %d opened (%q); want most refused and the real pages opened", refused, len(opened), opened)
	}
}
