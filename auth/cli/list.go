package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
)

// Output formats of `hlx list`.
const (
	FormatTable = ""     // an aligned table for people
	FormatJSON  = "json" // one JSON array of the API's objects
	FormatCSV   = "csv"  // CSV with the columns of package export
)

// ListFlags are the options of `hlx list`.
type ListFlags struct {
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

// List runs `hlx list customers|subscriptions|invoices`: every page of the
// list, in the API's order, written as it arrives (one page in memory at a
// time). On standard output, which may be a terminal, every value from the
// API is made terminal-safe; a file gets the API's exact text. If a page
// fails half-way, what was written stays incomplete (a JSON array is left
// unclosed, so no parser takes it for the whole list) and the exit code is
// not 0; an output file is then not written at all.
func List(ctx context.Context, opts Options, kind string, f ListFlags, stdout, stderr io.Writer) error {
	opts = opts.withDefaults()
	k, err := parseKind(kind)
	if err != nil {
		return err
	}
	if err := f.validate(k); err != nil {
		return err
	}
	cs, err := openCompany(opts)
	if err != nil {
		return fail(err)
	}
	status := splitList(f.Status)
	switch k {
	case kindCustomer:
		seq := cs.client.Customers(ctx, hyperline.CustomerListOptions{Search: f.Search, Status: status})
		err = emit(seq, f, k, export.CustomerColumns(), export.CustomerRaw, customerTable(), stdout, stderr)
	case kindSubscription:
		st := []hyperline.SubscriptionStatus{hyperline.StatusAny}
		if len(status) > 0 {
			st = st[:0]
			for _, s := range status {
				st = append(st, hyperline.SubscriptionStatus(s))
			}
		}
		seq := cs.client.Subscriptions(ctx, hyperline.SubscriptionListOptions{Status: st})
		err = emit(seq, f, k, export.SubscriptionColumns(), export.SubscriptionRaw, subscriptionTable(), stdout, stderr)
	case kindInvoice:
		if len(status) == 0 {
			status = []string{hyperline.InvoiceFilterAll}
		}
		seq := cs.client.Invoices(ctx, hyperline.InvoiceListOptions{Status: status, Number: f.Search})
		err = emit(seq, f, k, export.InvoiceColumns(), export.InvoiceRaw, invoiceTable(), stdout, stderr)
	}
	if err != nil {
		return fail(fmt.Errorf("list %s: %w", k.plural(), cs.companyError(err)))
	}
	return nil
}

// validate checks the flags that do not depend on the session.
func (f ListFlags) validate(k objectKind) error {
	switch f.Format {
	case FormatTable, FormatJSON, FormatCSV:
	default:
		return usageError(fmt.Errorf("list: unknown format %q: want json or csv", f.Format))
	}
	if f.Output != "" && f.Format == FormatTable {
		return usageError(errors.New("list: --output needs --json or --csv"))
	}
	if k == kindSubscription && f.Search != "" {
		return usageError(errors.New("list subscriptions: the API has no search for subscriptions; filter with --status, or list them with --json and search the output"))
	}
	for _, s := range strings.Split(f.Status, ",") {
		if f.Status != "" && strings.TrimSpace(s) == "" {
			return usageError(fmt.Errorf("list: --status %q has an empty value", f.Status))
		}
	}
	return nil
}

// emit writes every item of seq in the format f asks for, to stdout or to
// f.Output.
func emit[T any](seq iter.Seq2[T, error], f ListFlags, k objectKind, cols []export.Column[T],
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
			fmt.Fprintf(stderr, "No %s.\n", k.plural())
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
	noun := k.plural()
	if n == 1 {
		noun = k.String()
	}
	fmt.Fprintf(stderr, "Wrote %d %s to %s.\n", n, noun, path)
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
