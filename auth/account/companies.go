package account

import (
	"context"
	"fmt"

	"github.com/hyperline-tui/hlx/config"
)

// RefreshCompanies fetches the companies the token reaches, saves them on
// the account (a chosen company no longer among them is forgotten) and
// returns them. A list that could not be saved is still returned; the
// failure goes to Options.Warn.
func (s *Session) RefreshCompanies(ctx context.Context) ([]config.Company, error) {
	got, err := s.Client.AllCompanies(ctx)
	if err != nil {
		return nil, fmt.Errorf("list the companies: %w", err)
	}
	companies := make([]config.Company, len(got))
	for i, c := range got {
		companies[i] = config.Company{ID: c.ID, Name: c.Name}
	}
	now := s.opts.Now()
	err = s.change(false, func(acc *config.Account) {
		acc.Companies = companies
		acc.CompaniesFetchedAt = now
		if _, ok := acc.Company(acc.CompanyID); !ok {
			acc.CompanyID = ""
		}
	})
	if err != nil {
		s.opts.Warn(fmt.Errorf("could not save the company list: %w", err))
	}
	s.Account.Companies = companies
	return companies, nil
}

// UseCompany saves co as the account's chosen company: the one commands
// use without --company and the explorer opens on. A company the saved
// list does not hold yet is added to it.
func (s *Session) UseCompany(co config.Company) error {
	err := s.change(true, func(acc *config.Account) {
		acc.CompanyID = co.ID
		if _, known := acc.Company(co.ID); !known {
			acc.Companies = append(acc.Companies, co)
		}
	})
	if err != nil {
		return fmt.Errorf("save the company choice: %w", err)
	}
	s.Account.CompanyID = co.ID
	return nil
}

// change applies fn to the account in the session file and keeps the
// result as s.Account. An account no longer in the file is a *GoneError
// when required, else nothing is changed.
func (s *Session) change(required bool, fn func(*config.Account)) error {
	email := s.Email()
	return update(s.opts.Store, func(sess *config.Session) error {
		acc := sess.Account(s.Settings.APIURL, email)
		if acc == nil {
			if required {
				return &GoneError{Email: email}
			}
			return nil
		}
		fn(acc)
		s.Account = acc.Clone()
		return nil
	})
}
