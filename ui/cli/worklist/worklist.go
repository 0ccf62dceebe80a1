// Package worklist is `hlx worklist`: how many objects answer each
// worklist (hlx's own and the settings file's) in every company of the
// account, one include_total request per worklist and company, all fired
// together within the client's rate limit.
package worklist

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// Options are what `hlx worklist` needs.
type Options struct {
	F *cmdutil.Factory
	// JSON prints the counts as one JSON object.
	JSON bool
	// AllAccounts counts in the companies of every logged-in account of
	// the session too, each with its own token.
	AllAccounts bool
}

// NewCmdWorklist is `hlx worklist`.
func NewCmdWorklist(f *cmdutil.Factory, run func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:     "worklist",
		Aliases: []string{"worklists"},
		Short:   "Count each worklist in every company (failed payments, late invoices, …)",
		Long: "Counts each worklist in every company of the account: hlx's own (failed payments,\n" +
			"invoices more than 30 days late, customers whose payment method errored or is missing,\n" +
			"errored subscriptions) and those of the settings file (README: Worklists). One request\n" +
			"per worklist and company, all at once within the rate limit; a 429 slows it down.\n" +
			"Open one with hlx list KIND --filter '…' --all-companies.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return worklistRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print {worklists: [{name, kind, filter, total, companies: [...]}]}")
	cmd.Flags().BoolVar(&opts.AllAccounts, "all-accounts", false, "count in every logged-in account of the session too (each with its own token)")
	return cmd
}

// grid is the counts: one per worklist and company.
type grid struct {
	lists     []worklist.Worklist
	companies []hyperline.Company
	// accounts are each company's account, "" for the current one.
	accounts []string
	cells    map[[2]int]worklist.Cell // [list, company]
	// accountErrs are the accounts that could not be opened.
	accountErrs []error
}

func worklistRun(ctx context.Context, opts *Options) error {
	f := opts.F
	lists, err := f.Worklists()
	if err != nil {
		return err
	}
	g := grid{lists: lists, cells: map[[2]int]worklist.Cell{}}
	a, err := f.OpenAccount()
	if err != nil {
		return err
	}
	cos, err := a.RefreshCompanies(ctx)
	if err != nil {
		return err
	}
	sources := []accountSource{{src: worklist.ClientSource{Client: a.Client}, companies: cos}}
	if opts.AllAccounts {
		others, errs := otherAccounts(f, a)
		sources = append(sources, others...)
		for _, err := range errs {
			f.IO.Warn(err)
		}
		g.accountErrs = errs
	}
	g.count(ctx, sources, f.Clock())
	if opts.JSON {
		err = g.writeJSON(f.IO.Out)
	} else {
		err = g.writeTable(f.IO.Out, f.IO.Safe)
	}
	if err != nil {
		return err
	}
	return g.failures()
}

// failures names every count that failed, after the table showed the
// others.
func (g grid) failures() error {
	var errs []error
	for li, w := range g.lists {
		for ci, co := range g.companies {
			if c := g.cells[[2]int{li, ci}]; c.Err != nil {
				errs = append(errs, fmt.Errorf("%s in %s: %w", w.Name, co.Name, c.Err))
			}
		}
	}
	errs = append(errs, g.accountErrs...)
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("%d of %d counts failed (✗):\n%w", len(errs), len(g.lists)*len(g.companies), errors.Join(errs...))
}

// writeTable prints a legend of the worklists, then one row per company
// and a column per worklist (numbered as in the legend), then the totals:
// the table grows with companies downwards, not sideways.
func (g grid) writeTable(w io.Writer, safe func(string) string) error {
	var b strings.Builder
	for i, l := range g.lists {
		fmt.Fprintf(&b, "%2d  %s  %s  %s\n", i+1, cmdutil.PadRight(safe(l.Name), 34),
			cmdutil.PadRight(l.List.String(), 13), safe(l.Filter))
	}
	b.WriteByte('\n')
	const nameWidth, cellWidth = 28, 7
	b.WriteString(cmdutil.PadRight("COMPANY", nameWidth))
	for i := range g.lists {
		b.WriteString(cmdutil.PadLeft(strconv.Itoa(i+1), cellWidth))
	}
	b.WriteByte('\n')
	totals := make([]int, len(g.lists))
	for ci, co := range g.companies {
		b.WriteString(cmdutil.PadRight(ansi.Truncate(safe(g.label(ci, co)), nameWidth-2, "…"), nameWidth))
		for li := range g.lists {
			c := g.cells[[2]int{li, ci}]
			cell := "✗"
			if c.Err == nil {
				cell = strconv.Itoa(c.Total)
				totals[li] += c.Total
			}
			b.WriteString(cmdutil.PadLeft(cell, cellWidth))
		}
		b.WriteByte('\n')
	}
	b.WriteString(cmdutil.PadRight("TOTAL", nameWidth))
	for _, t := range totals {
		b.WriteString(cmdutil.PadLeft(strconv.Itoa(t), cellWidth))
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// Listed is one worklist as --json prints it.
type Listed struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Filter  string `json:"filter"`
	Builtin bool   `json:"builtin"`
	// Total is the sum of the counts that did not fail.
	Total     int          `json:"total"`
	Companies []CompanyRow `json:"companies"`
}

// CompanyRow is one company's count of a worklist; Error is set instead
// when it failed.
type CompanyRow struct {
	ID   string `json:"company_id"`
	Name string `json:"company_name"`
	// Account is the account counted in, with --all-accounts.
	Account string `json:"account,omitempty"`
	Count   *int   `json:"count,omitempty"`
	Error   string `json:"error,omitempty"`
}

func (g grid) writeJSON(w io.Writer) error {
	out := struct {
		Worklists []Listed `json:"worklists"`
	}{Worklists: []Listed{}}
	for li, l := range g.lists {
		row := Listed{Name: l.Name, Kind: l.List.String(), Filter: l.Filter, Builtin: l.Builtin, Companies: []CompanyRow{}}
		for ci, co := range g.companies {
			c := g.cells[[2]int{li, ci}]
			cr := CompanyRow{ID: co.ID, Name: co.Name, Account: g.accounts[ci]}
			if c.Err != nil {
				cr.Error = c.Err.Error()
			} else {
				n := c.Total
				cr.Count, row.Total = &n, row.Total+n
			}
			row.Companies = append(row.Companies, cr)
		}
		out.Worklists = append(out.Worklists, row)
	}
	raw, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	// Company names come from the API: escaped, as every JSON hlx prints.
	if raw, err = termsafe.JSON(raw); err != nil {
		return err
	}
	_, err = w.Write(append(raw, '\n'))
	return err
}
