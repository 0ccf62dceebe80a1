// Command hlx is a keyboard-driven account explorer for Hyperline: it logs in
// as a Hyperline third-party app (OAuth 2.0 Authorization Code flow with a
// loopback redirect), lets you pick one of the companies your login can see,
// and browse its customers, subscriptions and invoices.
//
// main.go only parses the command line, wires the packages together, prints
// and exits; the logic lives in hyperline/, auth/, config/ and ui/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/adrg/xdg"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/config/recent"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/debuglog"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui"

	"github.com/hyperline-tui/hlx/auth/cli"
	"github.com/hyperline-tui/hlx/hyperline/apicmd"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// Exit codes, documented in the README (the session commands add theirs in
// auth/cli: 3 not configured, 4 login required, 130 interrupted).
const (
	exitOK    = 0
	exitUsage = 2
)

const usage = `hlx — a keyboard-driven account explorer for Hyperline

usage:
  hlx [--demo] [--sandbox | --api-url URL] [--no-browser] [--debug]
                                                            open the explorer
  hlx login | logout [--all] | status [--json] | token     manage the session
  hlx switch EMAIL                                          make another logged-in account current
  hlx get customer|subscription|invoice ID [--json]         print one object of the company
  hlx list customers|subscriptions|invoices [--json|--csv]  print every page of a list
  hlx api [-X GET] PATH                                     GET any API path as JSON
  hlx simulator [flags]                                     serve a local Hyperline
  hlx apps list | create | update ID | delete ID           manage OAuth apps (API key)
  hlx version

Run "hlx COMMAND --help" for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches to a command and turns its error into an exit code and a
// one-line reason on stderr.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd, rest := "", args
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, rest = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "":
		err = runExplorer(ctx, rest, stdout, stderr)
	case "simulator":
		err = apicmd.Simulator(ctx, rest, stdout, stderr)
	case "apps":
		err = apicmd.Apps(ctx, rest, apicmd.AppsOptions{Getenv: os.Getenv}, stdout, stderr)
	case "login", "logout", "status", "token", "switch", "get", "list", "api":
		err = cli.Run(ctx, cmd, rest, cli.Options{Stdin: stdin, UserAgent: "hlx/" + version}, stdout, stderr)
	case "version":
		fmt.Fprintf(stdout, "hlx %s\n", version)
	case "help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprint(stderr, usage)
		err = &apicmd.UsageError{Err: fmt.Errorf("unknown command %q", cmd)}
	}
	return report(err, stderr)
}

// runExplorer opens the terminal UI; with --demo, on the built-in simulator.
func runExplorer(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("hlx", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage+"\nflags:\n"); fs.PrintDefaults() }
	var opts cli.Options
	cli.RegisterFlags(fs, &opts)
	demo := fs.Bool("demo", false, "explore a built-in simulated Hyperline (no account, no internet)")
	debug := fs.Bool("debug", os.Getenv("HLX_DEBUG") == "1", "log every HTTP exchange, secrets redacted, to a file under the XDG state directory (also HLX_DEBUG=1)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return &apicmd.UsageError{Err: err}
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return &apicmd.UsageError{Err: fmt.Errorf("unknown command %q", fs.Arg(0))}
	}

	var backend ui.BackendOptions
	if *demo {
		b, cleanup, err := startDemo(ctx, opts)
		if err != nil {
			return err
		}
		defer cleanup()
		backend = b
	} else {
		settings, store, err := opts.Resolve()
		if err != nil {
			return err
		}
		if settings.ClientID == "" || settings.ClientSecret == "" {
			return &cli.ExitError{Code: cli.ExitConfig, Err: fmt.Errorf("%w: set %s and %s, or save them with "+
				"`hlx apps create --save` (try `hlx --demo` to explore without an account)",
				auth.ErrNotConfigured, config.EnvClientID, config.EnvClientSecret)}
		}
		backend = ui.BackendOptions{
			Settings:   settings,
			Store:      store,
			HTTPClient: &http.Client{Timeout: 60 * time.Second},
			NoBrowser:  opts.NoBrowser,
		}
	}
	backend.ClientOptions = append(backend.ClientOptions, hyperline.WithUserAgent("hlx/"+version))
	var debugLog *ui.DebugLog
	if *debug {
		dl, closeLog, err := openDebugLog(backend.HTTPClient)
		if err != nil {
			return err
		}
		defer closeLog()
		debugLog = dl
		fmt.Fprintf(stderr, "hlx: debug log: %s\n", dl.Path)
	}
	b := ui.NewBackend(backend)
	app := ui.New(ui.Deps{
		Context: ctx,
		Session: b,
		Data:    b,
		Env:     ui.EnvironmentFor(backend.Settings.APIURL, *demo),
		Demo:    *demo,
		Version: version,
		OpenURL: auth.DefaultOpenBrowser(nil),
		Debug:   debugLog,
		Recent:  recentJumps(*demo, backend),
		SaveDir: saveDir(),
	})
	p := tea.NewProgram(app, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx), tea.WithOutput(stdout))
	_, runErr := p.Run()
	if co, ok := app.Company(); ok {
		// The UI saves a company choice in a command that quitting may cut
		// short; saving it again here (the UI is gone, nothing waits) makes
		// the next start open on it.
		saveCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := b.ChooseCompany(saveCtx, co)
		cancel()
		if err != nil && runErr == nil {
			return err
		}
	}
	if runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled) {
		return fmt.Errorf("run the explorer: %w", runErr)
	}
	return nil
}

// recentJumps is where the go-to prompt remembers jumps: under XDG state,
// or, for the demo, next to its throw-away session.
func recentJumps(demo bool, b ui.BackendOptions) ui.RecentJumps {
	if demo {
		return recent.Open(filepath.Dir(b.Store.Path()))
	}
	return recent.Open(recent.DefaultDir())
}

// saveDir is where downloads and exports go: the XDG download directory
// when it exists, else the current directory.
func saveDir() string {
	if d := xdg.UserDirs.Download; d != "" {
		if info, err := os.Stat(d); err == nil && info.IsDir() {
			return d
		}
	}
	return "."
}

// openDebugLog starts the debug log: a file under the XDG state directory
// (0600 in 0700) that every HTTP exchange of hc is written to, secrets
// redacted, and a ring of the recent ones for the requests screen.
func openDebugLog(hc *http.Client) (*ui.DebugLog, func(), error) {
	f, path, err := debuglog.OpenFile(config.StateDir())
	if err != nil {
		return nil, nil, fmt.Errorf("open the debug log: %w", err)
	}
	recent := debuglog.NewRecent(500)
	hc.Transport = debuglog.New(f, debuglog.WithRecent(recent)).Transport(hc.Transport)
	return &ui.DebugLog{Path: path, Recent: recent}, func() { f.Close() }, nil
}

// demoAccessTTL is short so the countdown and the automatic refresh can be
// watched during a demo.
const demoAccessTTL = 2 * time.Minute

// startDemo starts the simulator in-process on a free loopback port and
// returns the settings that log in to it with its seeded app. The session
// lives in a temporary directory, apart from real sessions, and is removed
// by cleanup. Where no browser can be shown, the consent is approved on the
// user's behalf (and the login screen says so); nothing leaves this machine.
func startDemo(ctx context.Context, opts cli.Options) (ui.BackendOptions, func(), error) {
	if opts.Sandbox || opts.APIURL != "" {
		return ui.BackendOptions{}, nil, &apicmd.UsageError{Err: errors.New("--demo runs its own simulator: drop --sandbox and --api-url")}
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
	hc := &http.Client{Timeout: 30 * time.Second}
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
		NoBrowser:  opts.NoBrowser,
	}
	if auth.BrowserUnavailable(nil) != "" || opts.NoBrowser {
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

// report prints err as one line and picks the exit code.
func report(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	// The error may quote a server or a file: one line, no control characters.
	fmt.Fprintf(stderr, "hlx: %s\n", termsafe.Line(err.Error()))
	if _, ok := errors.AsType[*apicmd.UsageError](err); ok {
		return exitUsage
	}
	return cli.ExitCode(err)
}
