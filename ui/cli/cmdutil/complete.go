package cmdutil

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// CompleteCompanies completes a company from the saved session, with no
// network: each company's ID described by its name, and its name. Names
// come from the API, so each candidate passes through termsafe first.
func (f *Factory) CompleteCompanies(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, c := range f.savedCompanies() {
		id, name := termsafe.Line(c.ID), termsafe.Line(c.Name)
		for _, cand := range []string{id, name} {
			if cand != "" && strings.HasPrefix(strings.ToLower(cand), strings.ToLower(toComplete)) {
				out = append(out, cand+"\t"+describe(c, cand == id))
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// describe is a candidate's description: the name for an ID, the ID for a
// name.
func describe(c config.Company, isID bool) string {
	if isID {
		return termsafe.Line(c.Name)
	}
	return termsafe.Line(c.ID)
}

// savedCompanies are the current account's companies as last fetched, or
// none when anything is missing: completion never fails loudly.
func (f *Factory) savedCompanies() []config.Company {
	s, err := f.Settings()
	if err != nil {
		return nil
	}
	sess, err := f.Store().Load()
	if err != nil {
		return nil
	}
	acc := sess.Current(s.APIURL)
	if acc == nil {
		return nil
	}
	return acc.Companies
}

// CompleteKinds completes the first argument of get and list.
func CompleteKinds(plural bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, k := range Kinds {
			if plural {
				out = append(out, k.Plural())
			} else {
				out = append(out, k.String())
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// CompleteAccounts completes the emails of the selected environment's
// accounts, from the saved session.
func (f *Factory) CompleteAccounts(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	s, err := f.Settings()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	sess, err := f.Store().Load()
	if err != nil || sess.Env(s.APIURL) == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, e := range sess.Env(s.APIURL).Emails() {
		out = append(out, termsafe.Line(e))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// AddCompanyFlag adds --company (an ID or a name) to cmd, completed from
// the saved session.
func AddCompanyFlag(cmd *cobra.Command, f *Factory, ref *string) {
	cmd.Flags().Var((*companyRef)(ref), "company", "company `name or ID` (default: the one chosen with hlx company use)")
	_ = cmd.RegisterFlagCompletionFunc("company", f.CompleteCompanies)
}

// companyRef is --company's value: a name or an ID, never blank. A blank
// one (`--company ""`, an unset variable in a script) would otherwise read
// as "the current company" and act on a company nobody named.
type companyRef string

// String is the reference as given.
func (r *companyRef) String() string { return string(*r) }

// Set refuses a blank reference, a usage error through cobra's flag errors.
func (r *companyRef) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("a company name or ID, not an empty string (leave --company out for the current company)")
	}
	*r = companyRef(v)
	return nil
}

// Type is the word help shows for the value.
func (*companyRef) Type() string { return "string" }
