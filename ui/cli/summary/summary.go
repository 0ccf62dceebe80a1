// Package summary is `hlx summary REF`: the ticket-ready Markdown summary
// of the customer a reference names (the customer itself, or the
// customer of an invoice or subscription), found like the explorer's
// go-to, in the chosen company and then the others.
package summary

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/lookup"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// Options are what `hlx summary` needs.
type Options struct {
	F *cmdutil.Factory
	// Ref names a customer, subscription or invoice: an ID, a URL, an
	// invoice number, a billing email or an external ID.
	Ref string
	// JSON prints the summary as data for scripts.
	JSON bool
}

// NewCmdSummary is `hlx summary REF`.
func NewCmdSummary(f *cmdutil.Factory, run func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "summary REF",
		Short: "Print a ticket-ready summary of a customer",
		Long: "Prints, as Markdown to paste into a support ticket, who the customer is, what they owe per\n" +
			"currency, their payment method, their last failed payment (why, in plain words, and the\n" +
			"processor's message), their subscriptions and links. REF is anything go-to accepts: an ID,\n" +
			"a URL, an invoice number, a billing email or an external ID, looked up in the chosen company\n" +
			"and then in the others. An invoice or subscription gives its customer's summary.\n" +
			"It costs " + fmt.Sprint(ticket.Requests()) + " requests, sent at once, after the look-up.",
		Example: "  hlx summary INV-6395\n  hlx summary billing@acme.example --json | jq .last_failure",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ref = args[0]
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return summaryRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the summary as JSON")
	return cmd
}

func summaryRun(ctx context.Context, opts *Options) error {
	f := opts.F
	acct, err := f.OpenAccount()
	if err != nil {
		return err
	}
	companies := acct.Account.Companies
	if cs, err := acct.RefreshCompanies(ctx); err == nil {
		companies = cs
	}
	res, err := lookup.Find(ctx, acct.Client, acct.Account.CompanyID, cmdutil.HyperlineCompanies(companies), opts.Ref)
	switch {
	case errors.Is(err, lookup.ErrInvalidQuery):
		return cmdutil.Coded(cmdutil.ExitUsage, err)
	case err != nil:
		return err
	}
	if res.Ambiguous() {
		return &AmbiguousError{Ref: res.Query, Matches: res.Candidates}
	}
	m := res.Match
	cc := acct.Client.Company(m.Company.ID)
	facts, err := Gather(ctx, cc, m)
	if err != nil {
		return fmt.Errorf("summary of %s: %w", m.ID(), cmdutil.CompanyError(cc, err))
	}
	if m.Company.ID != acct.Account.CompanyID {
		f.IO.Errorf("Found in %s (%s).\n", termsafe.Line(m.Company.Name), m.Company.ID)
	}
	links := ticket.DefaultTemplates()
	if file, err := config.ReadSettingsFile(f.SettingsFile()); err == nil {
		links = links.With(file.Links)
	}
	if opts.JSON {
		b, err := json.MarshalIndent(ticket.ToSummary(facts, links), "", "  ")
		if err != nil {
			return err
		}
		out, err := termsafe.JSON(b)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(f.IO.Out, "%s\n", out)
		return err
	}
	_, err = fmt.Fprint(f.IO.Out, ticket.Markdown(facts, links, time.Local))
	return err
}

// Gather loads the ticket of what m names: a customer's own, or the
// customer's of an invoice (the invoice included) or a subscription.
func Gather(ctx context.Context, cc *hyperline.CompanyClient, m lookup.Match) (*ticket.Facts, error) {
	customerID := m.ID()
	var inv *hyperline.Invoice
	switch {
	case m.Invoice != nil:
		full, err := cc.GetInvoice(ctx, m.Invoice.ID)
		if err != nil {
			return nil, err
		}
		inv, customerID = full, full.Customer.ID
	case m.Subscription != nil:
		customerID = m.Subscription.CustomerID
	}
	f := ticket.Load(ctx, cc, customerID)
	f.Invoice = inv
	if f.CustomerErr != nil {
		return nil, f.CustomerErr
	}
	return f, nil
}

// AmbiguousError means REF matches several objects; Details lists them.
type AmbiguousError struct {
	Ref     string
	Matches []lookup.Match
}

// Error says how many matched and what to do.
func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q matches %d objects: name one by its ID", e.Ref, len(e.Matches))
}

// ExitCode is ExitAmbiguous.
func (e *AmbiguousError) ExitCode() int { return cmdutil.ExitAmbiguous }

// Details are the candidates, one per line.
func (e *AmbiguousError) Details() []string {
	out := make([]string, len(e.Matches))
	for i, m := range e.Matches {
		out[i] = fmt.Sprintf("%s  %s  (%s)", m.ID(), termsafe.Line(m.Label()), termsafe.Line(m.Company.Name))
	}
	return out
}
