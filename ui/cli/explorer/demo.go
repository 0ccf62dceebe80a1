package explorer

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// demoAccessTTL is short so the countdown and the automatic refresh can be
// watched during a demo.
const demoAccessTTL = 2 * time.Minute

// startDemo starts the simulator in-process on a free loopback port and
// returns the settings that log in to it with its seeded app. The session
// lives in a temporary directory, apart from real sessions, and is removed
// by cleanup. The consent is approved on the user's behalf (and the login
// screen says so), whatever browser there is; nothing leaves this machine.
func startDemo(ctx context.Context, f *cmdutil.Factory, hc *http.Client) (ui.BackendOptions, func(), error) {
	if f.Flags.Sandbox || f.Flags.APIURL != "" {
		return ui.BackendOptions{}, nil, cmdutil.UsageErrorf("--demo runs its own simulator: drop --sandbox and --api-url")
	}
	sim, err := simulator.Start("127.0.0.1:0", simulator.Config{Seed: 1, AccessTTL: demoAccessTTL, LoopbackAnyPort: true})
	if err != nil {
		return ui.BackendOptions{}, nil, fmt.Errorf("start the demo simulator: %w", err)
	}
	dir, err := os.MkdirTemp("", "hlx-demo-")
	if err != nil {
		sim.Close()
		return ui.BackendOptions{}, nil, fmt.Errorf("demo session directory: %w", err)
	}
	cleanup := func() {
		sim.Close()
		os.RemoveAll(dir)
	}
	app := sim.App()
	b := ui.BackendOptions{
		Settings: config.Settings{
			ClientID:     app.ClientID,
			ClientSecret: app.ClientSecret,
			APIURL:       sim.URL,
			// Port 0: a free port, which the demo's simulator accepts on
			// loopback (LoopbackAnyPort; real Hyperline needs the
			// registered callback exactly).
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
	redirect, err := simulator.Consent(ctx, hc, authorizeURL, true)
	if err != nil {
		return fmt.Errorf("demo consent: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, redirect.String(), nil)
	if err != nil {
		return err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("demo callback: %w", err)
	}
	io.Copy(io.Discard, resp.Body)
	return resp.Body.Close()
}
