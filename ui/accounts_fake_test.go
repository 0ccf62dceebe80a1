package ui

import (
	"context"
	"time"
)

// switchingSession is the fake session with accounts in three
// environments, for the accounts picker.
type switchingSession struct{ *fakeSession }

func (s switchingSession) Accounts(context.Context) ([]SessionAccount, error) {
	return []SessionAccount{
		{APIURL: "https://api.hyperline.co", Email: "ada@example.com", Name: "Ada Lovelace", Company: "Acme Corp",
			LoggedIn: true, ExpiresAt: testNow.Add(-time.Hour), HasRefreshToken: true},
		{APIURL: "https://sandbox.api.hyperline.co", Email: "ada@example.com", Name: "Ada Lovelace", Company: "Acme Corp",
			LoggedIn: true, ExpiresAt: testNow.Add(23 * time.Hour), HasRefreshToken: true, Open: true},
		{APIURL: "https://sandbox.api.hyperline.co", Email: "support@example.com", LoggedIn: false},
	}, nil
}

func (s switchingSession) SwitchAccount(_ context.Context, apiURL, email string) (Account, error) {
	acct := s.account
	acct.Email = email
	return acct, nil
}

// withAccounts gives the app a session of several accounts.
func withAccounts() harnessOption {
	return func(d *Deps, h *harness) { d.Session = switchingSession{h.session} }
}
