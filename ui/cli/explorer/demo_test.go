package explorer

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// TestDemoApprovesWithBrowserSet: with $BROWSER set, the demo's login goes
// straight in, as it does without one: hlx approves the simulator's
// consent page itself and says so, and no browser command runs. It used to
// hand the page to $BROWSER and wait for an approval there.
func TestDemoApprovesWithBrowserSet(t *testing.T) {
	// $BROWSER names a command that fails if it is ever run; the demo
	// must not depend on it.
	t.Setenv("BROWSER", "false")
	t.Setenv("DISPLAY", ":0")
	f := &cmdutil.Factory{Getenv: func(string) string { return "" }}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	opts, cleanup, err := startDemo(ctx, f, http.DefaultClient, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	opts.LoginTimeout = 5 * time.Second
	var note string
	acct, err := backend.New(opts).Login(ctx, func(p deps.LoginProgress) {
		if p.Note != "" {
			note = p.Note
		}
	})
	if err != nil {
		t.Fatalf("demo login with $BROWSER set: %v", err)
	}
	if acct.Email == "" || note == "" {
		t.Errorf("logged in as %q; login note %q, want one that says hlx approved", acct.Email, note)
	}
}
