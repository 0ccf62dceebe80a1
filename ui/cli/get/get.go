// Package get is `hlx get KIND REF`: one customer, subscription or invoice,
// named the way support staff get it from a ticket.
package get

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/lookup"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// Options are what `hlx get` needs.
type Options struct {
	F *cmdutil.Factory
	// Kind is what to get.
	Kind cmdutil.Kind
	// Ref names the object: an ID, a dashboard URL, an invoice number, a
	// billing email or an external ID.
	Ref string
	// Company names the company ("": the chosen one).
	Company string
	// AllCompanies searches every company the login reaches.
	AllCompanies bool
	// JSON prints the object as the API sent it.
	JSON bool
}

// NewCmdGet is `hlx get KIND REF`.
func NewCmdGet(f *cmdutil.Factory, run func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "get customer|subscription|invoice REF",
		Short: "Print one customer, subscription or invoice",
		Long: "Prints one object of the company: a summary, or with --json the API's JSON.\n" +
			"REF is what a ticket quotes: an ID (cus_…, sub_…, inv_…), a dashboard or portal URL,\n" +
			"an invoice number, a billing email or an external ID, resolved as the explorer's\n" +
			"go-to does: in the current company, else in the others this login reaches (stderr says\n" +
			"where it was found); --company searches that one only. Several matches are listed on\n" +
			"stderr and nothing is guessed (exit 6).",
		Example: "  hlx get invoice INV-6395\n" +
			"  hlx get customer billing@acme.example --all-companies\n" +
			"  hlx get subscription sub_Typ0px2W0aiEtl --json | jq .status",
		Args:              cobra.ExactArgs(2),
		ValidArgsFunction: cmdutil.CompleteKinds(false),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := cmdutil.ParseKind(args[0])
			if err != nil {
				return err
			}
			opts.Kind, opts.Ref = k, args[1]
			if opts.AllCompanies && opts.Company != "" {
				return cmdutil.UsageErrorf("--company and --all-companies exclude each other")
			}
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return getRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the object's JSON as the API sent it")
	cmd.Flags().BoolVar(&opts.AllCompanies, "all-companies", false, "search every company this login reaches, its list fetched afresh (without --company, the others are searched when the current one has no match)")
	cmdutil.AddCompanyFlag(cmd, f, &opts.Company)
	return cmd
}

func getRun(ctx context.Context, opts *Options) error {
	f := opts.F
	acct, err := f.OpenAccount()
	if err != nil {
		return err
	}
	match, err := find(ctx, acct, opts)
	if err != nil {
		return err
	}
	cc := acct.Client.Company(match.Company.ID)
	raw, sum, err := getObject(ctx, cc, opts.Kind, match.ID())
	if err != nil {
		return fmt.Errorf("get %s %s: %w", opts.Kind, match.ID(), cmdutil.CompanyError(cc, err))
	}
	if opts.AllCompanies || match.Company.ID != acct.Account.CompanyID {
		f.IO.Errorf("Found in %s (%s).\n", f.IO.Safe(match.Company.Name), match.Company.ID)
	}
	if !opts.JSON {
		sum.print(f.IO.Out)
		return nil
	}
	out, err := termsafe.JSON(raw)
	if err != nil {
		return fmt.Errorf("get %s %s: the API's answer is not JSON: %w", opts.Kind, match.ID(), err)
	}
	_, err = fmt.Fprintf(f.IO.Out, "%s\n", out)
	return err
}

// find resolves opts.Ref to one object of opts.Kind. Without --company it
// searches as the explorer's go-to does: the current company first, the
// others of the login only when it has no match. --company searches that
// one company; not found there, the error says how to widen the search.
func find(ctx context.Context, acct *cmdutil.AccountSession, opts *Options) (lookup.Match, error) {
	companies, current := acct.Account.Companies, acct.Account.CompanyID
	if opts.AllCompanies {
		if cs, err := acct.RefreshCompanies(ctx); err == nil {
			companies = cs
		}
	}
	if opts.Company != "" {
		co, err := acct.Company(ctx, opts.Company)
		if err != nil {
			return lookup.Match{}, err
		}
		companies, current = []config.Company{co}, co.ID
	}
	res, err := lookup.Find(ctx, acct.Client, current, cmdutil.HyperlineCompanies(companies), opts.Ref)
	switch {
	case errors.Is(err, lookup.ErrInvalidQuery):
		return lookup.Match{}, cmdutil.Coded(cmdutil.ExitUsage, err)
	case errors.Is(err, lookup.ErrNotFound) && opts.Company != "" && len(acct.Account.Companies) > 1:
		return lookup.Match{}, fmt.Errorf("%w; without --company hlx searches the %d companies this login reaches",
			err, len(acct.Account.Companies))
	case err != nil:
		return lookup.Match{}, err
	}
	return pick(res, opts.Kind)
}

// pick keeps the matches of the kind asked for: one is the answer, several
// are candidates for the user, none is not found.
func pick(res *lookup.Result, kind cmdutil.Kind) (lookup.Match, error) {
	matches := res.Candidates
	if !res.Ambiguous() {
		matches = []lookup.Match{res.Match}
	}
	var same []lookup.Match
	for _, m := range matches {
		if m.Kind == kind.Lookup() {
			same = append(same, m)
		}
	}
	switch {
	case len(same) == 1:
		return same[0], nil
	case len(same) > 1:
		return lookup.Match{}, &AmbiguousError{Ref: res.Query, Kind: kind, Matches: same, More: res.MoreCandidates}
	}
	return lookup.Match{}, cmdutil.Coded(cmdutil.ExitNotFound,
		fmt.Errorf("%q names %s, not %s (try hlx get %s %s)", res.Query, article(string(matches[0].Kind)), article(kind.String()), matches[0].Kind, res.Query))
}

// AmbiguousError means REF matches several objects; Details lists them.
type AmbiguousError struct {
	Ref     string
	Kind    cmdutil.Kind
	Matches []lookup.Match
	More    bool
}

// Error says how many matched and what to do.
func (e *AmbiguousError) Error() string {
	n := fmt.Sprint(len(e.Matches))
	if e.More {
		n = "more than " + n
	}
	return fmt.Sprintf("%q matches %s %s: name one by its ID", e.Ref, n, e.Kind.Plural())
}

// ExitCode is ExitAmbiguous.
func (e *AmbiguousError) ExitCode() int { return cmdutil.ExitAmbiguous }

// Details are the candidates, one per line.
func (e *AmbiguousError) Details() []string {
	out := make([]string, len(e.Matches))
	for i, m := range e.Matches {
		out[i] = fmt.Sprintf("%s  %s  (%s)", m.ID(), m.Label(), m.Company.Name)
	}
	return out
}

// article puts "a" or "an" before a kind's name.
func article(kind string) string {
	if strings.HasPrefix(kind, "i") {
		return "an " + kind
	}
	return "a " + kind
}

// getObject fetches one object and returns its raw JSON and summary.
func getObject(ctx context.Context, cc *hyperline.CompanyClient, k cmdutil.Kind, id string) (json.RawMessage, *summary, error) {
	switch k {
	case cmdutil.KindCustomer:
		c, err := cc.GetCustomer(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		return c.Raw, customerSummary(c), nil
	case cmdutil.KindSubscription:
		s, err := cc.GetSubscription(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		return s.Raw, subscriptionSummary(s), nil
	default:
		inv, err := cc.GetInvoice(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		return inv.Raw, invoiceSummary(inv), nil
	}
}
