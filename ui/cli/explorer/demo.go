package explorer

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// demoAccessTTL is short so the countdown and the automatic refresh can be
// watched during a demo.
const demoAccessTTL = 2 * time.Minute

// startDemo starts the simulator in-process on a free loopback port and
// returns the settings that log in to it with its seeded app. The session
// lives in a temporary directory, apart from real sessions, and is removed
// by cleanup. Where no browser can be shown, the consent is approved on the
// user's behalf (and the login screen says so); nothing leaves this machine.
func startDemo(ctx context.Context, f *cmdutil.Factory, hc *http.Client, noBrowser bool) (backend.Options, func(), error) {
	if f.Flags.Sandbox || f.Flags.APIURL != "" {
		return backend.Options{}, nil, cmdutil.UsageErrorf("--demo runs its own simulator: drop --sandbox and --api-url")
	}
	sim, err := simulator.Start("127.0.0.1:0", simulator.Config{Seed: 1, AccessTTL: demoAccessTTL, LoopbackAnyPort: true})
	if err != nil {
		return backend.Options{}, nil, fmt.Errorf("start the demo simulator: %w", err)
	}
	dir, err := os.MkdirTemp("", "hlx-demo-")
	if err != nil {
		sim.Close()
		return backend.Options{}, nil, fmt.Errorf("demo session directory: %w", err)
	}
	cleanup := func() {
		sim.Close()
		os.RemoveAll(dir)
	}
	app := sim.App()
	b := backend.Options{
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
		NoBrowser:  noBrowser,
	}
	if auth.BrowserUnavailable(nil) != "" || noBrowser {
		b.NoBrowser = false
		b.LoginNote = "Demo: no browser here, so hlx approved the consent for you."
		b.OpenBrowser = func(authorizeURL string) error { return approveConsent(ctx, hc, authorizeURL) }
	}
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
