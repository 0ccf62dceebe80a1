package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hyperline-tui/hlx/auth/account"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
)

// AccountSession is what a command reads the API with: the current
// account of the selected environment, opened by package account (its
// token source, a client that refreshes the token once on a 401, the
// account as the session file holds it), plus the command line's way of
// naming a company.
type AccountSession struct {
	*account.Session
}

// OpenAccount loads the current account of the selected environment, as
// `hlx token` does, and builds its API client. It reads files only; the
// network is used when a request is made.
func (f *Factory) OpenAccount() (*AccountSession, error) {
	s, err := f.Settings()
	if err != nil {
		return nil, err
	}
	opts, err := f.AccountOptions()
	if err != nil {
		return nil, err
	}
	a, err := account.Open(s, "", opts, nil)
	if gone := new(account.GoneError); errors.As(err, &gone) {
		return nil, fmt.Errorf("%w; run hlx login", err)
	}
	if err != nil {
		return nil, err
	}
	return &AccountSession{Session: a}, nil
}

// AccountOptions are how the command line opens accounts: its store, HTTP
// client, clock, user agent and client options, warnings to stderr.
func (f *Factory) AccountOptions() (account.Options, error) {
	hc, err := f.HTTPClient()
	if err != nil {
		return account.Options{}, err
	}
	return account.Options{
		Store:         f.Store(),
		HTTPClient:    hc,
		ClientOptions: append([]hyperline.Option{hyperline.WithUserAgent(f.UserAgent())}, f.ClientOptions...),
		Now:           f.NowFunc(),
		Warn:          f.IO.Warn,
	}, nil
}

// Company resolves ref (an ID or a name, see config.FindCompany) among the
// account's companies; "" is the company chosen with `hlx company use` or
// in the explorer, else the account's only one. A ref the saved list does
// not know makes one request for the current list, which is saved, before
// it is refused.
func (a *AccountSession) Company(ctx context.Context, ref string) (config.Company, error) {
	if strings.TrimSpace(ref) == "" {
		return a.chosenCompany()
	}
	co, err := a.Account.FindCompany(ref)
	if !errors.Is(err, config.ErrCompanyNotFound) {
		return co, err
	}
	if _, ferr := a.RefreshCompanies(ctx); ferr != nil {
		return config.Company{}, err
	}
	return a.Account.FindCompany(ref)
}

// chosenCompany is the company chosen for the account, or its only one.
func (a *AccountSession) chosenCompany() (config.Company, error) {
	if a.Account.CompanyID != "" {
		if co, ok := a.Account.Company(a.Account.CompanyID); ok {
			return co, nil
		}
		return config.Company{ID: a.Account.CompanyID}, nil
	}
	if len(a.Account.Companies) == 1 {
		return a.Account.Companies[0], nil
	}
	return config.Company{}, &NoCompanyError{Known: a.Account.Companies}
}

// OpenCompany opens the current account and resolves ref to one of its
// companies (see AccountSession.Company).
func (f *Factory) OpenCompany(ctx context.Context, ref string) (*AccountSession, *hyperline.CompanyClient, error) {
	a, err := f.OpenAccount()
	if err != nil {
		return nil, nil, err
	}
	co, err := a.Company(ctx, ref)
	if err != nil {
		return nil, nil, err
	}
	return a, a.Client.Company(co.ID), nil
}

// CompanyError explains the answers that mean the company itself is the
// problem rather than the object asked for.
func CompanyError(cc *hyperline.CompanyClient, err error) error {
	if errors.Is(err, hyperline.ErrForbidden) {
		return fmt.Errorf("company %s is not reachable with this login: %w", cc.ID(), err)
	}
	return err
}

// NoCompanyError means a command needs a company and none was named or
// chosen. Choices lists the account's companies.
type NoCompanyError struct{ Known []config.Company }

// Error says what to do.
func (e *NoCompanyError) Error() string {
	if len(e.Known) == 0 {
		return "no company chosen and none known for this account: run hlx company list"
	}
	return "no company chosen: pass --company NAME, or run hlx company use NAME"
}

// Choices are the companies to pick from.
func (e *NoCompanyError) Choices() []config.Company { return e.Known }

// ExitCode is a usage error's.
func (e *NoCompanyError) ExitCode() int { return ExitUsage }

// HyperlineCompanies converts the saved company list for package lookup.
func HyperlineCompanies(cs []config.Company) []hyperline.Company {
	out := make([]hyperline.Company, len(cs))
	for i, c := range cs {
		out[i] = hyperline.Company{ID: c.ID, Name: c.Name}
	}
	return out
}
