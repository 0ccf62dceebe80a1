package explorer

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// demoAccessTTL is short so the countdown and the automatic refresh can be
// watched during a demo.
const demoAccessTTL = 2 * time.Minute

// startDemo starts the simulator in-process on a free loopback port and
// returns the settings that log in to it as hlx registered dynamically. The session
// lives in a temporary directory, apart from real sessions, and is removed
// by cleanup. The consent is approved on the user's behalf (and the login
// screen says so), whatever browser there is; nothing leaves this machine.
func startDemo(ctx context.Context, f *cmdutil.Factory, hc *http.Client, demoCustomers int) (backend.Options, func(), error) {
	if f.Flags.Sandbox || f.Flags.APIURL != "" {
		return backend.Options{}, nil, cmdutil.UsageErrorf("--demo runs its own simulator: drop --sandbox and --api-url")
	}
	sim, err := simulator.Start("127.0.0.1:0", simulator.Config{Seed: 1, AccessTTL: demoAccessTTL, LargeCustomers: demoCustomers})
	if err != nil {
		return backend.Options{}, nil, fmt.Errorf("start the demo simulator: %w", err)
	}
	go sim.Warm() // the indexes, so the overview's counts do not wait for them
	dir, err := os.MkdirTemp("", "hlx-demo-")
	if err != nil {
		sim.Close()
		return backend.Options{}, nil, fmt.Errorf("demo session directory: %w", err)
	}
	cleanup := func() {
		sim.Close()
		os.RemoveAll(dir)
	}
	b := backend.Options{
		// No app: the demo logs in as a new user would, registering hlx
		// as a public client (POST /oauth/register) with the callback it
		// listens on. Port 0 picks a free port, registered as bound, so
		// demos side by side never fight over one.
		Settings: config.Settings{
			APIURL:      sim.URL,
			RedirectURI: "http://127.0.0.1:0/callback",
		},
		Store:      config.NewStore(filepath.Join(dir, "session.json")),
		HTTPClient: hc,
	}
	// The consent page is the simulator's: hlx approves it on the user's
	// behalf, browser or not. Handing it to a browser made the demo wait
	// on whatever $BROWSER names (a text browser, a script, a desktop on
	// another screen), where without one it went straight in. The real
	// flow in a browser is `hlx simulator` then `hlx login --api-url`.
	b.NoBrowser = false
	b.LoginNote = "Demo: hlx approved the simulator's consent page for you."
	b.OpenBrowser = func(authorizeURL string) error { return approveConsent(ctx, hc, authorizeURL) }
	return b, cleanup, nil
}

// approveConsent plays the user's browser against the simulator's consent
// page: approve, then follow the redirect to hlx's own loopback callback.
func approveConsent(ctx context.Context, hc *http.Client, authorizeURL string) error {
	if err := simulator.Approve(ctx, hc, authorizeURL); err != nil {
		return fmt.Errorf("demo consent: %w", err)
	}
	return nil
}
