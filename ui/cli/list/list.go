// Package list is `hlx list KIND`: every page of a company's customers,
// subscriptions or invoices, as a table, JSON or CSV.
package list

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// Output formats of `hlx list`.
const (
	FormatTable = ""     // an aligned table for people
	FormatJSON  = "json" // one JSON array of the API's objects
	FormatCSV   = "csv"  // CSV with the columns of package export
)

// Options are what `hlx list` needs.
type Options struct {
	F *cmdutil.Factory
	// Kind is what to list.
	Kind cmdutil.Kind
	// Company names the company ("": the chosen one).
	Company string
	// Search is the customers' free-text search, or an invoice number.
	// Subscriptions have no search.
	Search string
	// Status is the list's status filter, several values separated by
	// commas. Empty shows everything: every subscription status ("any")
	// and every invoice ("all"), where the API would hide some by default.
	Status string
	// Format is FormatTable, FormatJSON or FormatCSV.
	Format string
	// Output, when set, is a file to write (atomically, mode 0600) with the
	// exact bytes of the API instead of standard output; it needs FormatJSON
	// or FormatCSV.
	Output string
}

// NewCmdList is `hlx list KIND`.
func NewCmdList(f *cmdutil.Factory, run func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	var asJSON, asCSV bool
	cmd := &cobra.Command{
		Use:   "list customers|subscriptions|invoices",
		Short: "Print every page of a list",
		Long: "Prints every page of a list of the company: a table, a JSON array of the API's objects,\n" +
			"or CSV. --search is the customers' search or an invoice number; subscriptions have none.\n" +
			"Without --status nothing is hidden (subscriptions: any, invoices: all).",
		Example: "  hlx list invoices --status late --csv -o late.csv\n" +
			"  hlx list customers --search acme --company \"Globex\"",
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: cmdutil.CompleteKinds(true),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := cmdutil.ParseKind(args[0])
			if err != nil {
				return err
			}
			opts.Kind = k
			if asJSON && asCSV {
				return cmdutil.UsageErrorf("--json and --csv exclude each other")
			}
			if asJSON {
				opts.Format = FormatJSON
			} else if asCSV {
				opts.Format = FormatCSV
			}
			if err := opts.validate(); err != nil {
				return err
			}
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return listRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&asJSON, "json", false, "print one JSON array of the objects as the API sent them")
	fl.BoolVar(&asCSV, "csv", false, "print CSV (a header, then one row per object)")
	fl.StringVar(&opts.Search, "search", "", "customers: free-text `search`; invoices: invoice number")
	fl.StringVar(&opts.Status, "status", "", "status filter, several separated by commas (default: nothing hidden)")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` (atomically, mode 0600, the API's exact text) instead of stdout")
	cmdutil.AddCompanyFlag(cmd, f, &opts.Company)
	return cmd
}

// listRun writes every page of the list, in the API's order, as it
// arrives (one page in memory at a time). On standard output, which may be
// a terminal, every value from the API is made terminal-safe; a file gets
// the API's exact text. If a page fails half-way, what was written stays
// incomplete (a JSON array is left unclosed, so no parser takes it for the
// whole list) and the exit code is not 0; an output file is then not
// written at all.
func listRun(ctx context.Context, opts *Options) error {
	f, k := opts.F, opts.Kind
	_, cc, err := f.OpenCompany(ctx, opts.Company)
	if err != nil {
		return err
	}
	status := splitList(opts.Status)
	stdout, stderr := f.IO.Out, f.IO.ErrOut
	switch k {
	case cmdutil.KindCustomer:
		seq := cc.Customers(ctx, hyperline.CustomerListOptions{Search: opts.Search, Status: status})
		err = emit(seq, opts, export.CustomerColumns(), export.CustomerRaw, customerTable(), stdout, stderr)
	case cmdutil.KindSubscription:
		st := []hyperline.SubscriptionStatus{hyperline.StatusAny}
		if len(status) > 0 {
			st = st[:0]
			for _, s := range status {
				st = append(st, hyperline.SubscriptionStatus(s))
			}
		}
		seq := cc.Subscriptions(ctx, hyperline.SubscriptionListOptions{Status: st})
		err = emit(seq, opts, export.SubscriptionColumns(), export.SubscriptionRaw, subscriptionTable(), stdout, stderr)
	case cmdutil.KindInvoice:
		if len(status) == 0 {
			status = []string{hyperline.InvoiceFilterAll}
		}
		seq := cc.Invoices(ctx, hyperline.InvoiceListOptions{Status: status, Number: opts.Search})
		err = emit(seq, opts, export.InvoiceColumns(opts.F.NowFunc()()), export.InvoiceRaw, invoiceTable(), stdout, stderr)
	}
	if err != nil {
		return fmt.Errorf("list %s: %w", k.Plural(), cmdutil.CompanyError(cc, err))
	}
	return nil
}

// validate checks the flags that do not depend on the session.
func (f *Options) validate() error {
	k := f.Kind
	switch f.Format {
	case FormatTable, FormatJSON, FormatCSV:
	default:
		return cmdutil.UsageErrorf("unknown format %q: want json or csv", f.Format)
	}
	if f.Output != "" && f.Format == FormatTable {
		return cmdutil.UsageErrorf("--output needs --json or --csv")
	}
	if k == cmdutil.KindSubscription && f.Search != "" {
		return cmdutil.UsageErrorf("the API has no search for subscriptions; filter with --status, or list them with --json and search the output")
	}
	for _, s := range strings.Split(f.Status, ",") {
		if f.Status != "" && strings.TrimSpace(s) == "" {
			return cmdutil.UsageErrorf("--status %q has an empty value", f.Status)
		}
	}
	return nil
}

// emit writes every item of seq in the format f asks for, to stdout or to
// f.Output.
func emit[T any](seq iter.Seq2[T, error], f *Options, cols []export.Column[T],
	raw func(T) json.RawMessage, table []tableColumn[T], stdout, stderr io.Writer) error {
	write := func(w io.Writer, opts ...export.Option) (int, error) {
		var out export.Writer[T]
		switch f.Format {
		case FormatJSON:
			out = export.NewJSON(w, raw, opts...)
		case FormatCSV:
			out = export.NewCSV(w, cols, opts...)
		default:
			out = newTable(w, table)
		}
		n := 0
		for item, err := range seq {
			if err != nil {
				return n, err
			}
			if err := out.Write(item); err != nil {
				return n, err
			}
			n++
		}
		return n, out.Close()
	}
	if f.Output == "" {
		n, err := write(stdout, export.ForTerminal())
		if err == nil && n == 0 && f.Format == FormatTable {
			fmt.Fprintf(stderr, "No %s.\n", f.Kind.Plural())
		}
		return err
	}
	var n int
	path, err := export.WriteFile(f.Output, func(w io.Writer) error {
		var err error
		n, err = write(w)
		return err
	})
	if err != nil {
		return err
	}
	noun := f.Kind.Plural()
	if n == 1 {
		noun = f.Kind.String()
	}
	fmt.Fprintf(stderr, "Wrote %d %s to %s.\n", n, noun, termsafe.Line(path))
	return nil
}

// splitList reads "a,b" as [a b]; "" is nil.
func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	for _, v := range strings.Split(s, ",") {
		out = append(out, strings.TrimSpace(v))
	}
	return out
}
