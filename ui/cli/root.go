// Package cli is hlx's command line: the root command, which opens the
// explorer, and every command under it, built on cobra. Each noun has a
// package of its own (session, company, get, list, api, apps, simulator);
// cmdutil holds what they share. Main runs a command line and returns the
// exit code; main.go only wires the process to it.
package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/ui/cli/api"
	"github.com/hyperline-tui/hlx/ui/cli/apps"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
	"github.com/hyperline-tui/hlx/ui/cli/company"
	"github.com/hyperline-tui/hlx/ui/cli/explorer"
	"github.com/hyperline-tui/hlx/ui/cli/get"
	"github.com/hyperline-tui/hlx/ui/cli/list"
	"github.com/hyperline-tui/hlx/ui/cli/session"
	"github.com/hyperline-tui/hlx/ui/cli/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/summary"
	"github.com/hyperline-tui/hlx/ui/cli/worklist"
)

// NewCmdRoot is `hlx`: with no command it opens the explorer.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	ex := &explorer.Options{F: f}
	root := &cobra.Command{
		Use:   "hlx",
		Short: "A keyboard-driven account explorer for Hyperline",
		Long: "hlx logs in as a Hyperline third-party app (OAuth in your browser), lets you pick one of\n" +
			"the companies your login reaches, and browse its customers, subscriptions and invoices.\n" +
			"With no command it opens the explorer; `hlx --demo` explores a built-in simulator.",
		Example: "  hlx --demo\n" +
			"  hlx login && hlx company use globex\n" +
			"  hlx get invoice INV-6395\n" +
			"  hlx api /v2/invoices --paginate --jq '.[] | select(.status == \"late\") | .number'",
		Version:                    f.Version,
		SuggestionsMinimumDistance: 2,
		SilenceErrors:              true,
		SilenceUsage:               true,
		Args:                       noCommand,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return explorer.Run(cmd.Context(), ex)
		},
	}
	root.SetVersionTemplate("hlx {{.Version}}\n")
	root.CompletionOptions.HiddenDefaultCmd = false
	addGlobalFlags(root, f)
	explorer.AddFlags(root, ex)

	root.AddGroup(
		&cobra.Group{ID: "session", Title: "Session:"},
		&cobra.Group{ID: "data", Title: "Reading data:"},
		&cobra.Group{ID: "more", Title: "More:"},
	)
	add := func(group string, cmds ...*cobra.Command) {
		for _, c := range cmds {
			c.GroupID = group
			root.AddCommand(c)
		}
	}
	add("session",
		session.NewCmdLogin(f, nil), session.NewCmdLogout(f, nil), session.NewCmdStatus(f, nil),
		session.NewCmdToken(f, nil), session.NewCmdSwitch(f, nil), company.NewCmdCompany(f))
	add("data", get.NewCmdGet(f, nil), list.NewCmdList(f, nil), summary.NewCmdSummary(f, nil), worklist.NewCmdWorklist(f, nil), api.NewCmdAPI(f, nil))
	add("more", apps.NewCmdApps(f), simulator.NewCmdSimulator(f), newCmdVersion(f))
	root.SetCompletionCommandGroupID("more")
	root.SetHelpCommandGroupID("more")
	// The completion scripts are written to the writer set when the
	// command is built: set the streams first.
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	nounOnly(root)

	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return &cmdutil.ExitError{Code: cmdutil.ExitUsage, Err: err}
	})
	walk(root, func(c *cobra.Command) {
		c.Args = usageArgs(c.Args)
		c.SilenceErrors, c.SilenceUsage = true, true
	})
	return root
}

// addGlobalFlags adds the flags every command takes.
func addGlobalFlags(root *cobra.Command, f *cmdutil.Factory) {
	fl := root.PersistentFlags()
	fl.BoolVar(&f.Flags.Sandbox, "sandbox", false, "use the sandbox API ("+config.SandboxURL+")")
	fl.StringVar(&f.Flags.APIURL, "api-url", "", "API base `url`, e.g. the simulator's http://127.0.0.1:7878 (env "+config.EnvAPIURL+")")
	fl.StringVar(&f.Flags.RedirectURI, "redirect-uri", "", "loopback callback `uri` registered on the app (default "+config.DefaultRedirectURI+", env "+config.EnvRedirectURI+")")
	fl.StringVar(&f.Flags.ClientID, "client-id", "", "OAuth app client `id` (env "+config.EnvClientID+"; the secret comes from "+config.EnvClientSecret+" or the config file)")
	fl.BoolVar(&f.Flags.Debug, "debug", f.Env("HLX_DEBUG") == "1", "log every HTTP exchange, secrets redacted, to a file under the XDG state directory (also HLX_DEBUG=1)")
}

// nounOnly builds cobra's `completion` and `help` commands now, rather
// than when the command line runs, so that a word they do not know is a
// usage error (exit 2): cobra's own print help on stdout and exit 0 for
// `hlx completion bogus` and `hlx help bogus`.
func nounOnly(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		switch {
		case c.Name() == "completion" && !c.Runnable():
			c.Args, c.RunE = nil, cmdutil.NounRun
		case c.Name() == "help" && c.Run != nil:
			show := c.Run
			c.Run, c.RunE = nil, func(cmd *cobra.Command, args []string) error {
				if found, rest, err := root.Find(args); err != nil || found == nil || len(rest) > 0 {
					return cmdutil.UsageErrorf("help: no command %q (run hlx --help for the commands)", strings.Join(args, " "))
				}
				show(cmd, args)
				return nil
			}
		}
	}
}

// newCmdVersion is `hlx version`.
func newCmdVersion(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print hlx's version",
		Args:  cobra.NoArgs,
		Run: func(*cobra.Command, []string) {
			fmt.Fprintf(f.IO.Out, "hlx %s\n", f.Version)
		},
	}
}

// noCommand refuses a word where a command was expected, suggesting the
// nearest commands.
func noCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q", args[0])
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean %s?", strings.Join(s, " or "))
	}
	return cmdutil.UsageErrorf("%s (run hlx --help for the commands)", msg)
}

// usageArgs makes an argument check's error a usage error (exit 2).
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	if check == nil {
		return nil
	}
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			if cmdutil.ExitCode(err) == cmdutil.ExitUsage {
				return err
			}
			return &cmdutil.ExitError{Code: cmdutil.ExitUsage, Err: fmt.Errorf("%s: %w (see hlx %s --help)", cmd.Name(), err, cmd.Name())}
		}
		return nil
	}
}

// walk calls fn on cmd and every command below it.
func walk(cmd *cobra.Command, fn func(*cobra.Command)) {
	fn(cmd)
	for _, c := range cmd.Commands() {
		walk(c, fn)
	}
}

// Main runs the command line args (without the program name) and returns
// the exit code, having printed any error on stderr.
func Main(ctx context.Context, f *cmdutil.Factory, args []string) int {
	defer f.Close()
	root := NewCmdRoot(f)
	root.SetArgs(args)
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	err := root.ExecuteContext(ctx)
	return Report(f.IO, err)
}
