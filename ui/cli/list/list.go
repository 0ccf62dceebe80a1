// Package list is `hlx list KIND`: every page of a company's customers,
// subscriptions or invoices, as a table, JSON or CSV.
package list

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
	"github.com/hyperline-tui/hlx/hyperline/filter"
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
	// Filter is a line of the filter language the explorer's filter line
	// reads (package filter): key:value terms and text.
	Filter string
	// Search is free text, as if typed in Filter: the customers' search,
	// or a part of an invoice number. Subscriptions have no search.
	Search string
	// Status is status:VALUE in Filter: several values separated by
	// commas. None shows everything: every subscription status ("any")
	// and every invoice ("all"), where the API would hide some by default.
	Status string
	// query is Filter, Status and Search read, by validate.
	query filter.Query
	// Format is FormatTable, FormatJSON or FormatCSV.
	Format string
	// AllCompanies lists every company of the account, one after the
	// other, each object labelled with its company.
	AllCompanies bool
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
			"or CSV. --filter takes the explorer's filter language (README: Filters) and sends the\n" +
			"same parameters: key:value terms and text. --status X is status:X, --search is text:\n" +
			"the customers' search or a part of an invoice number; subscriptions have none.\n" +
			"Without a status nothing is hidden (subscriptions: any, invoices: all).",
		Example: "  hlx list invoices --filter 'status:late due:<today customer:\"Acme\"'\n" +
			"  hlx list invoices --status late --csv -o late.csv\n" +
			"  hlx list invoices --filter status:error --all-companies --json\n" +
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
	fl.StringVar(&opts.Filter, "filter", "", "`terms` and text, as the explorer's filter line reads them (status:late due:<today …)")
	fl.StringVar(&opts.Search, "search", "", "customers: free-text `search`; invoices: part of the number")
	fl.StringVar(&opts.Status, "status", "", "status filter, several separated by commas (default: nothing hidden)")
	fl.StringVarP(&opts.Output, "output", "o", "", "write to `file` (atomically, mode 0600, the API's exact text) instead of stdout")
	fl.BoolVar(&opts.AllCompanies, "all-companies", false, "list every company of the account, each object labelled with its company")
	cmdutil.AddCompanyFlag(cmd, f, &opts.Company)
	_ = cmd.RegisterFlagCompletionFunc("status", completeStatus)
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
	if opts.AllCompanies {
		return allCompaniesRun(ctx, opts)
	}
	f, k := opts.F, opts.Kind
	_, cc, err := f.OpenCompany(ctx, opts.Company)
	if err != nil {
		return err
	}
	q, stdout, stderr := opts.query, f.IO.Out, f.IO.ErrOut
	customerID := ""
	if t, ok := q.Term("customer"); ok {
		find := func(ctx context.Context, o hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error) {
			return cc.ListCustomers(ctx, o)
		}
		if customerID, err = filter.ResolveCustomer(ctx, find, t.Ref); err != nil {
			return fmt.Errorf("list %s: %w", k.Plural(), cmdutil.CompanyError(cc, err))
		}
	}
	switch k {
	case cmdutil.KindCustomer:
		seq := cc.Customers(ctx, filter.CustomerOptions(q))
		err = emit(seq, opts, export.CustomerColumns(), export.CustomerRaw, customerTable(), stdout, stderr)
	case cmdutil.KindSubscription:
		seq := cc.Subscriptions(ctx, filter.SubscriptionOptions(q, customerID))
		err = emit(seq, opts, export.SubscriptionColumns(), export.SubscriptionRaw, subscriptionTable(), stdout, stderr)
	case cmdutil.KindInvoice:
		seq := cc.Invoices(ctx, filter.InvoiceOptions(q, customerID))
		err = emit(seq, opts, export.InvoiceColumns(f.NowFunc()()), export.InvoiceRaw, invoiceTable(), stdout, stderr)
	}
	if err != nil {
		return fmt.Errorf("list %s: %w", k.Plural(), cmdutil.CompanyError(cc, err))
	}
	return nil
}

// validate checks the flags that do not depend on the session.
func (f *Options) validate() error {
	switch f.Format {
	case FormatTable, FormatJSON, FormatCSV:
	default:
		return cmdutil.UsageErrorf("unknown format %q: want json or csv", f.Format)
	}
	if f.Output != "" && f.Format == FormatTable {
		return cmdutil.UsageErrorf("--output needs --json or --csv")
	}
	if f.AllCompanies && f.Company != "" {
		return cmdutil.UsageErrorf("--all-companies and --company exclude each other")
	}
	if err := f.readQuery(); err != nil {
		return err
	}
	if _, named := f.query.Term("customer"); named && f.AllCompanies {
		return cmdutil.UsageErrorf("%v", errCustomerEverywhere)
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
