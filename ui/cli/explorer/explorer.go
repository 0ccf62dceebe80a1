// Package explorer is `hlx` with no command: the terminal UI, on the
// saved session or, with --demo, on a built-in simulator.
package explorer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/adrg/xdg"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/config/aggregates"
	"github.com/hyperline-tui/hlx/config/recent"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// Options are what the explorer needs.
type Options struct {
	F *cmdutil.Factory
	// Demo explores a built-in simulated Hyperline.
	Demo bool
	// DemoCustomers sizes the demo's large company (0: the simulator's
	// default), to try hlx at a million customers.
	DemoCustomers int
	// NoBrowser shows the login URL instead of opening a browser.
	NoBrowser bool
	// Company names the company to open on (an ID or a name).
	Company string
}

// AddFlags adds the explorer's flags to the root command, bound to opts.
func AddFlags(cmd *cobra.Command, opts *Options) {
	fl := cmd.Flags()
	fl.BoolVar(&opts.Demo, "demo", false, "explore a built-in simulated Hyperline (no account, no internet)")
	fl.BoolVar(&opts.NoBrowser, "no-browser", false, "show the login URL instead of opening a browser")
	fl.IntVar(&opts.DemoCustomers, "demo-customers", 0, "with --demo: customers in the large company (up to 1000000; default 12000)")
	cmdutil.AddCompanyFlag(cmd, opts.F, &opts.Company)
}

// Run opens the explorer and returns when the user quits.
func Run(ctx context.Context, opts *Options) error {
	f := opts.F
	// A worklist of the settings file that does not read stops the start
	// with what is wrong, before the screen is taken over.
	worklists, err := f.Worklists()
	if err != nil {
		return err
	}
	hc, err := f.HTTPClient()
	if err != nil {
		return err
	}
	var bopts backend.Options
	if opts.Demo {
		if opts.Company != "" {
			return cmdutil.UsageErrorf("--demo starts logged out: drop --company, and pick the company in the explorer")
		}
		b, cleanup, err := startDemo(ctx, f, hc, opts.DemoCustomers)
		if err != nil {
			return err
		}
		defer cleanup()
		bopts = b
	} else {
		settings, err := f.Settings()
		if err != nil {
			return err
		}
		// With no app configured, the first login registers hlx itself;
		// a client id without its secret is a half-configured app.
		if settings.ClientID != "" && settings.ClientSecret == "" {
			return cmdutil.Coded(cmdutil.ExitConfig, fmt.Errorf("%w: %s is set but not %s; set it, or save both with "+
				"`hlx apps create --save`, or unset the client id and hlx registers itself (try `hlx --demo` to explore without an account)",
				auth.ErrNotConfigured, config.EnvClientID, config.EnvClientSecret))
		}
		if err := useCompany(ctx, f, opts.Company); err != nil {
			return err
		}
		bopts = backend.Options{
			Settings:    settings,
			Store:       f.Store(),
			HTTPClient:  hc,
			NoBrowser:   opts.NoBrowser,
			OpenBrowser: f.OpenBrowser,
			SettingsFor: f.SettingsFor,
		}
	}
	bopts.ClientOptions = append(bopts.ClientOptions, hyperline.WithUserAgent(f.UserAgent()))
	detectBackground()
	b := backend.New(bopts)
	app := ui.New(ui.Deps{
		Context:    ctx,
		Session:    b,
		Data:       b,
		Env:        ui.EnvironmentFor(bopts.Settings.APIURL, opts.Demo),
		Demo:       opts.Demo,
		Version:    f.Version,
		OpenURL:    auth.DefaultOpenBrowser(nil),
		Debug:      f.Debug(),
		Recent:     recentJumps(opts.Demo, bopts),
		Aggregates: aggregateCache(opts.Demo, bopts),
		SaveDir:    saveDir(),
		// The settings file's link templates; a file that cannot be read
		// was reported when the settings were loaded.
		LinkTemplates: linkTemplates(f.SettingsFile()),

		Worklists: worklists,
	})
	p := tea.NewProgram(app, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithContext(ctx), tea.WithOutput(f.IO.Out))
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
	// A refreshed token that could not be saved is saved now, or the user
	// is told that the session ends with this process.
	return b.Close()
}

// detectBackground asks the terminal for its background colour, for the
// adaptive palette, before the styles are built and the program takes the
// terminal; the fresh renderer also reads the colour profile from the
// restored TERM. The commands
// never ask (package termquery keeps bubbletea's start-up query away);
// the explorer does, once, here.
func detectBackground() {
	lipgloss.SetDefaultRenderer(lipgloss.NewRenderer(os.Stdout))
	_ = lipgloss.HasDarkBackground()
}

// useCompany makes the company named on the command line the account's
// chosen one, so the explorer opens on it; "" changes nothing.
func useCompany(ctx context.Context, f *cmdutil.Factory, ref string) error {
	if ref == "" {
		return nil
	}
	acct, err := f.OpenAccount()
	if err != nil {
		return fmt.Errorf("--company: %w", err)
	}
	co, err := acct.Company(ctx, ref)
	if err != nil {
		return err
	}
	return acct.UseCompany(co)
}

// recentJumps is where the go-to prompt remembers jumps: under XDG state,
// or, for the demo, next to its throw-away session.
func recentJumps(demo bool, b backend.Options) ui.RecentJumps {
	if demo {
		return backend.Recent(recent.Open(filepath.Dir(b.Store.Path())))
	}
	return backend.Recent(recent.Open(recent.DefaultDir()))
}

// aggregateCache keeps the overview's costly figures for the day: in the
// XDG cache, or, for the demo, next to its throw-away session (its data
// are not an account's).
func aggregateCache(demo bool, b backend.Options) ui.AggregateCache {
	if demo {
		return revenueCache{aggregates.NewStore(filepath.Join(filepath.Dir(b.Store.Path()), "aggregates"))}
	}
	return revenueCache{aggregates.Open()}
}

// revenueCache keeps the overview's monthly figures in an aggregates
// store, one file per company and day.
type revenueCache struct{ store aggregates.Store }

// LoadRevenue reads the company's figures of day, nil when there are none.
func (c revenueCache) LoadRevenue(company, day string) (*ui.Revenue, error) {
	var r ui.Revenue
	ok, err := c.store.Load("revenue-"+company, day, &r)
	if !ok || err != nil || r.Company != company || r.Day != day {
		return nil, err
	}
	return &r, nil
}

// SaveRevenue keeps the figures for their day.
func (c revenueCache) SaveRevenue(r ui.Revenue) error {
	return c.store.Save("revenue-"+r.Company, r.Day, r)
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

// linkTemplates are the settings file's "links" (none when it has none).
func linkTemplates(path string) map[string]string {
	file, err := config.ReadSettingsFile(path)
	if err != nil {
		return nil
	}
	return file.Links
}
