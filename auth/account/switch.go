package account

import (
	"errors"
	"fmt"
	"time"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
)

// Summary is one account of the session, as a list of accounts shows it.
type Summary struct {
	APIURL string
	Email  string
	Name   string
	// Company is the name of the company chosen last ("" for none).
	Company string
	// LoggedIn says the account holds tokens; ExpiresAt is its access
	// token's expiry (zero when unknown).
	LoggedIn        bool
	ExpiresAt       time.Time
	HasRefreshToken bool
	// Current marks its environment's current account.
	Current bool
}

// List is every account of the session, environment by environment, in
// a stable order.
func List(store *config.Store) ([]Summary, error) {
	sess, err := load(store)
	if err != nil {
		return nil, err
	}
	var out []Summary
	for _, apiURL := range sess.APIURLs() {
		env := sess.Env(apiURL)
		for _, email := range env.Emails() {
			acc := env.Accounts[email]
			sum := Summary{APIURL: apiURL, Email: acc.Email, Name: acc.Name, LoggedIn: acc.LoggedIn(),
				ExpiresAt: acc.Token.Expiry, HasRefreshToken: acc.Token.RefreshToken != "",
				Current: env.Current == email}
			if co, ok := acc.Company(acc.CompanyID); ok {
				sum.Company = co.Name
			}
			out = append(out, sum)
		}
	}
	return out, nil
}

// ErrNotInSession means the account named is not logged in to the
// environment.
var ErrNotInSession = errors.New("not logged in")

// ChoiceError means no account was named and there is more than one other
// to switch to; Emails are the environment's accounts.
type ChoiceError struct{ Emails []string }

func (e *ChoiceError) Error() string {
	return fmt.Sprintf("name the account to switch to (one of %d)", len(e.Emails))
}

// SetCurrent makes email the current account of the environment apiURL,
// the one commands and the explorer open next; "" names the only other
// account. It returns the account made current. An environment with no
// account fails with auth.ErrNotLoggedIn, an account it does not hold
// with ErrNotInSession, an ambiguous "" with a *ChoiceError.
func SetCurrent(store *config.Store, apiURL, email string) (string, error) {
	target := email
	err := update(store, func(sess *config.Session) error {
		env := sess.Env(apiURL)
		if env == nil {
			return auth.ErrNotLoggedIn
		}
		if target == "" {
			var others []string
			for _, e := range env.Emails() {
				if e != env.Current {
					others = append(others, e)
				}
			}
			if len(others) != 1 {
				return &ChoiceError{Emails: env.Emails()}
			}
			target = others[0]
		}
		if !sess.SetCurrent(apiURL, target) {
			return fmt.Errorf("%w: %s", ErrNotInSession, target)
		}
		return nil
	})
	return target, err
}

// Switch opens the account email of the environment of settings and makes
// it the environment's current one.
func Switch(settings config.Settings, email string, opts Options, onRefresh func(auth.RefreshEvent)) (*Session, error) {
	s, err := Open(settings, email, opts, onRefresh)
	if err != nil {
		return nil, err
	}
	if _, err := SetCurrent(opts.Store, settings.APIURL, s.Email()); err != nil {
		return nil, fmt.Errorf("save the current account: %w", err)
	}
	return s, nil
}
