// Package simulator is `hlx simulator`: the Hyperline simulator served on
// a local port, for integrations, demos and trying hlx against faults.
package simulator

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// NewCmdSimulator is `hlx simulator [flags]`.
func NewCmdSimulator(f *cmdutil.Factory) *cobra.Command {
	var (
		cfg  *simulator.Config
		addr *string
	)
	cmd := &cobra.Command{
		Use:   "simulator",
		Short: "Serve a local Hyperline (OAuth + API) from seeded data",
		Long: "Serves the Hyperline simulator until Ctrl-C and prints, as NAME=value lines a shell\n" +
			"can source, what an integration needs to talk to it.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			for _, r := range []float64{cfg.ErrorRate, cfg.RateLimitRate, cfg.MalformedRate} {
				if r < 0 || r > 1 {
					return cmdutil.UsageErrorf("rates are fractions between 0 and 1, got %v", r)
				}
			}
			return serve(cmd.Context(), f, *addr, *cfg)
		},
	}
	cfg, addr = simulatorFlags(cmd.Flags())
	return cmd
}

// simulatorFlags registers the simulator's settings on fs and returns the
// config they fill and the listen address.
func simulatorFlags(fs *pflag.FlagSet) (*simulator.Config, *string) {
	cfg := &simulator.Config{}
	addr := fs.String("addr", simulator.DefaultAddr, "`host:port` to listen on (loopback only unless you mean it)")
	fs.Int64Var(&cfg.Seed, "seed", 1, "seed for the generated companies, customers, subscriptions and invoices")
	fs.IntVar(&cfg.LargeCustomers, "large-customers", 0, "customers in the large company (default 12000; at 1000000 the indexes take seconds to build, in the background)")
	fs.BoolVar(&cfg.AutoApprove, "auto-approve", false, "grant consent without showing the page (for scripts and CI)")
	fs.DurationVar(&cfg.AccessTTL, "access-ttl", 24*time.Hour, "access-token lifetime (e.g. 90s to watch a refresh)")
	fs.BoolVar(&cfg.NoRotation, "no-rotation", false, "return the same refresh token on refresh (default: rotate it)")
	fs.BoolVar(&cfg.LoopbackAnyPort, "loopback-any-port", false, "also accept a registered loopback callback on any port (RFC 8252); default: exact match, as Hyperline")
	fs.BoolVar(&cfg.NoRegistration, "no-registration", false, "answer 404 on POST /oauth/register, as an environment without dynamic client registration")
	fs.BoolVar(&cfg.PublicRevoke, "public-revoke", false, "let registered public clients revoke with client_id and token alone (default: the spec's revoke wants a secret)")
	fs.BoolVar(&cfg.Hostile, "hostile", false, "give the oldest company and its customers names full of terminal escape sequences (to try terminal safety)")
	fs.DurationVar(&cfg.Latency, "latency", 0, "added latency on every data request")
	fs.Float64Var(&cfg.ErrorRate, "error-rate", 0, "fraction of data requests answered 503 (0..1)")
	fs.Float64Var(&cfg.RateLimitRate, "rate-limit-rate", 0, "fraction of data requests answered 429 (0..1)")
	fs.Float64Var(&cfg.MalformedRate, "malformed-rate", 0, "fraction of data requests answered with a truncated body (0..1)")
	fs.Func("epoch", "`date` (2006-01-02 or RFC 3339) the generated data is relative to (default: today, UTC)", func(v string) error {
		for _, layout := range []string{time.DateOnly, time.RFC3339} {
			if t, err := time.Parse(layout, v); err == nil {
				cfg.Epoch = t
				return nil
			}
		}
		return fmt.Errorf("want a date like 2026-01-02 or 2026-01-02T15:04:05Z, got %q", v)
	})
	return cfg, addr
}

// serve runs the simulator until ctx ends.
func serve(ctx context.Context, f *cmdutil.Factory, addr string, cfg simulator.Config) error {
	stdout, stderr := f.IO.Out, f.IO.ErrOut
	sim, err := simulator.Start(addr, cfg)
	if err != nil {
		return fmt.Errorf("start simulator on %s: %w (choose another with --addr)", addr, err)
	}
	defer sim.Close()

	app := sim.App()
	fmt.Fprintf(stdout, "HYPERLINE_API_URL=%s\n", sim.URL)
	fmt.Fprintf(stdout, "HYPERLINE_CLIENT_ID=%s\n", app.ClientID)
	fmt.Fprintf(stdout, "HYPERLINE_CLIENT_SECRET=%s\n", app.ClientSecret)
	fmt.Fprintf(stdout, "HYPERLINE_API_KEY=%s\n", sim.APIKey())
	user := sim.User()
	fmt.Fprintf(stderr, "# Hyperline simulator on %s (seed %d). Signed-in user: %s.\n", sim.URL, cfg.Seed, termsafe.Line(user.Email))
	for _, c := range sim.Companies() {
		fmt.Fprintf(stderr, "#   company %s  %-32s %7d customers\n", c.ID, termsafe.Line(c.Name), c.Customers)
	}
	fmt.Fprintf(stderr, "# Registered callbacks: %v\n", app.Callbacks)
	if !cfg.NoRegistration {
		fmt.Fprintln(stderr, "# hlx login needs no app here: with only HYPERLINE_API_URL set it registers itself (POST /oauth/register).")
	}
	fmt.Fprintln(stderr, "# Export the lines above in another shell (hlx simulator > sim.env & then set -a; . ./sim.env; set +a).")
	fmt.Fprintln(stderr, "# Serving until ctrl+c.")
	go func() { // the indexes, so the first count or search does not wait for them
		took := sim.Warm()
		fmt.Fprintf(stderr, "# Indexes built in %v.\n", took.Round(10*time.Millisecond))
	}()

	<-ctx.Done()
	return nil
}
