package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
)

// AccountSession is what a command reads the API with: the current
// account of the selected environment, its token source, and a client that
// refreshes the token once on a 401.
type AccountSession struct {
	Settings config.Settings
	Tokens   *auth.TokenSource
	Client   *hyperline.Client
	// Account is the account as the session file holds it.
	Account *config.Account

	f *Factory
}

// OpenAccount loads the current account of the selected environment, as
// `hlx token` does, and builds its API client. It reads files only; the
// network is used when a request is made.
func (f *Factory) OpenAccount() (*AccountSession, error) {
	s, err := f.Settings()
	if err != nil {
		return nil, err
	}
	base, err := f.HTTPClient()
	if err != nil {
		return nil, err
	}
	store := f.Store()
	ts, err := auth.NewTokenSource(auth.TokenSourceOptions{
		Settings:   s,
		Store:      store,
		HTTPClient: base,
		Now:        f.NowFunc(),
	})
	if err != nil {
		return nil, err
	}
	acc, err := f.loadAccount(store, s.APIURL, ts.Email())
	if err != nil {
		return nil, err
	}
	opts := append([]hyperline.Option{hyperline.WithHTTPClient(base), hyperline.WithUserAgent(f.UserAgent())}, f.ClientOptions...)
	client, err := hyperline.New(s.APIURL, ts, opts...)
	if err != nil {
		return nil, fmt.Errorf("build the API client: %w", err)
	}
	return &AccountSession{Settings: s, Tokens: ts, Client: client, Account: acc, f: f}, nil
}

// loadAccount reads the account email of the session at apiURL.
func (f *Factory) loadAccount(store *config.Store, apiURL, email string) (*config.Account, error) {
	sess, err := store.Load()
	if err != nil && !errors.As(err, new(*config.CorruptError)) {
		return nil, fmt.Errorf("read the session: %w", err)
	}
	acc := sess.Account(apiURL, email)
	if acc == nil {
		return nil, fmt.Errorf("%w: %s is not in the session any more; run hlx login", auth.ErrLoginRequired, email)
	}
	return acc.Clone(), nil
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

// RefreshCompanies fetches the companies the token reaches, saves them on
// the account and returns them.
func (a *AccountSession) RefreshCompanies(ctx context.Context) ([]config.Company, error) {
	got, err := a.Client.AllCompanies(ctx)
	if err != nil {
		return nil, fmt.Errorf("list the companies: %w", err)
	}
	companies := make([]config.Company, len(got))
	for i, c := range got {
		companies[i] = config.Company{ID: c.ID, Name: c.Name}
	}
	err = a.f.Store().Update(func(s *config.Session) error {
		acc := s.Account(a.Settings.APIURL, a.Account.Email)
		if acc == nil {
			return nil
		}
		acc.Companies = companies
		acc.CompaniesFetchedAt = a.f.Clock()
		if _, ok := acc.Company(acc.CompanyID); !ok {
			acc.CompanyID = ""
		}
		a.Account = acc.Clone()
		return nil
	})
	if err != nil && !errors.As(err, new(*config.CorruptError)) {
		a.f.IO.Warn(fmt.Errorf("could not save the company list: %w", err))
	}
	a.Account.Companies = companies
	return companies, nil
}

// UseCompany saves co as the account's chosen company: the one commands
// use without --company and the explorer opens on.
func (a *AccountSession) UseCompany(co config.Company) error {
	err := a.f.Store().Update(func(s *config.Session) error {
		acc := s.Account(a.Settings.APIURL, a.Account.Email)
		if acc == nil {
			return fmt.Errorf("%w: %s is not in the session any more; run hlx login", auth.ErrLoginRequired, a.Account.Email)
		}
		acc.CompanyID = co.ID
		return nil
	})
	if err != nil {
		return fmt.Errorf("save the company choice: %w", err)
	}
	a.Account.CompanyID = co.ID
	return nil
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
