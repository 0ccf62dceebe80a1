// Package company is `hlx company list|use`: the companies the login
// reaches, and the one commands and the explorer use.
package company

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// NewCmdCompany is `hlx company`.
func NewCmdCompany(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "company",
		Aliases: []string{"companies"},
		Short:   "List the companies this login reaches, and choose the current one",
		RunE:    cmdutil.NounRun,
	}
	cmd.AddCommand(NewCmdList(f, nil), NewCmdUse(f, nil))
	return cmd
}

// ListOptions are what `hlx company list` needs.
type ListOptions struct {
	F *cmdutil.Factory
	// JSON prints a JSON array.
	JSON bool
}

// Listed is one company as `hlx company list --json` prints it.
type Listed struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Current bool   `json:"current"`
}

// NewCmdList is `hlx company list`.
func NewCmdList(f *cmdutil.Factory, run func(context.Context, *ListOptions) error) *cobra.Command {
	opts := &ListOptions{F: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the companies this login reaches (* marks the current one)",
		Long: "Asks the API for the companies this login reaches, saves the list in the session\n" +
			"(completion and --company read it from there), and prints it.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print a JSON array of {id, name, current}")
	return cmd
}

func listRun(ctx context.Context, opts *ListOptions) error {
	f := opts.F
	acct, err := f.OpenAccount()
	if err != nil {
		return err
	}
	companies, err := acct.RefreshCompanies(ctx)
	if err != nil {
		return err
	}
	listed := make([]Listed, len(companies))
	for i, c := range companies {
		listed[i] = Listed{ID: c.ID, Name: c.Name, Current: c.ID == acct.Account.CompanyID}
	}
	if opts.JSON {
		raw, err := json.Marshal(listed)
		if err == nil {
			raw, err = termsafe.JSON(raw)
		}
		if err != nil {
			return fmt.Errorf("company list: %w", err)
		}
		_, err = fmt.Fprintf(f.IO.Out, "%s\n", raw)
		return err
	}
	tw := tabwriter.NewWriter(f.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  NAME\tID")
	for _, c := range listed {
		mark := " "
		if c.Current {
			mark = "*"
		}
		fmt.Fprintf(tw, "%s %s\t%s\n", mark, termsafe.Line(c.Name), termsafe.Line(c.ID))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(listed) == 0 {
		f.IO.Errorf("This login reaches no company.\n")
	}
	return nil
}
