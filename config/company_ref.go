package config

import (
	"errors"
	"fmt"
	"strings"
)

var (
	// ErrCompanyNotFound means no company of the account matches a name
	// or ID.
	ErrCompanyNotFound = errors.New("no such company")
	// ErrCompanyAmbiguous means a name matches several companies.
	ErrCompanyAmbiguous = errors.New("company name is ambiguous")
)

// CompanyRefError says why a company reference did not resolve to one
// company, and lists the companies it could have named. Its Error is one
// line; Choices is for the lines that follow it.
type CompanyRefError struct {
	// Ref is what was typed.
	Ref string
	// Matches are the companies an ambiguous reference matches (empty
	// when none does).
	Matches []Company
	// Known are all the account's companies.
	Known []Company
}

// Error says what failed, without the list.
func (e *CompanyRefError) Error() string {
	if len(e.Matches) > 1 {
		return fmt.Sprintf("%q matches %d companies: name one of them by ID or by more of its name", e.Ref, len(e.Matches))
	}
	if len(e.Known) == 0 {
		return fmt.Sprintf("no company %q: this login reaches no company", e.Ref)
	}
	return fmt.Sprintf("no company %q among the %d this login reaches", e.Ref, len(e.Known))
}

// Is makes errors.Is see ErrCompanyAmbiguous or ErrCompanyNotFound.
func (e *CompanyRefError) Is(target error) bool {
	if len(e.Matches) > 1 {
		return target == ErrCompanyAmbiguous
	}
	return target == ErrCompanyNotFound
}

// Choices are the companies to offer: the matches of an ambiguous
// reference, else every known company.
func (e *CompanyRefError) Choices() []Company {
	if len(e.Matches) > 1 {
		return e.Matches
	}
	return e.Known
}

// FindCompany resolves ref, as typed on a command line, to one of the
// account's companies: an exact ID, else a name in any case, else the only
// name that starts with ref in any case. Anything else is a
// *CompanyRefError (errors.Is ErrCompanyNotFound or ErrCompanyAmbiguous).
func (a *Account) FindCompany(ref string) (Company, error) {
	return FindCompany(a.Companies, ref)
}

// FindCompany resolves ref among companies; see Account.FindCompany.
func FindCompany(companies []Company, ref string) (Company, error) {
	ref = strings.TrimSpace(ref)
	for _, c := range companies {
		if c.ID == ref {
			return c, nil
		}
	}
	var named, prefixed []Company
	for _, c := range companies {
		name := strings.TrimSpace(c.Name)
		switch {
		case ref == "":
		case strings.EqualFold(name, ref):
			named = append(named, c)
		case strings.HasPrefix(strings.ToLower(name), strings.ToLower(ref)):
			prefixed = append(prefixed, c)
		}
	}
	for _, matches := range [][]Company{named, prefixed} {
		switch len(matches) {
		case 0:
			continue
		case 1:
			return matches[0], nil
		}
		return Company{}, &CompanyRefError{Ref: ref, Matches: matches, Known: companies}
	}
	return Company{}, &CompanyRefError{Ref: ref, Known: companies}
}
