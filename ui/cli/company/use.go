package company

import (
	"context"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// UseOptions are what `hlx company use` needs.
type UseOptions struct {
	F *cmdutil.Factory
	// Ref is the company's ID or name (any case; a unique prefix will do).
	Ref string
}

// NewCmdUse is `hlx company use NAME|ID`.
func NewCmdUse(f *cmdutil.Factory, run func(context.Context, *UseOptions) error) *cobra.Command {
	opts := &UseOptions{F: f}
	return &cobra.Command{
		Use:   "use NAME|ID",
		Short: "Make a company the current one, for the commands and the explorer",
		Long: "Makes a company the current one: the commands use it when --company is not given,\n" +
			"and the explorer opens on it. NAME may be any case, and a prefix that names one\n" +
			"company is enough.",
		Example:           "  hlx company use \"globex cloud\"\n  hlx company use cmp_8G1xq2",
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: f.CompleteCompanies,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ref = strings.TrimSpace(args[0])
			if opts.Ref == "" {
				return cmdutil.UsageErrorf("name the company to use, by ID or name")
			}
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return useRun(cmd.Context(), opts)
		},
	}
}

func useRun(ctx context.Context, opts *UseOptions) error {
	f := opts.F
	acct, err := f.OpenAccount()
	if err != nil {
		return err
	}
	co, err := acct.Company(ctx, opts.Ref)
	if err != nil {
		return err
	}
	if err := acct.UseCompany(co); err != nil {
		return err
	}
	f.IO.Printf("Now using %s (%s).\n", co.Name, co.ID)
	return nil
}
