package backend

import (
	"context"
	"fmt"

	"github.com/hyperline-tui/hlx/auth/account"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// WorklistAccount opens another account of the session for the
// worklists' every-account toggle, without making it the current one:
// its saved companies and a client with its own token (refreshed and
// saved as any account's). An account with no usable token fails with an
// error matching ErrLoginRequired.
func (b *Backend) WorklistAccount(ctx context.Context, apiURL, email string) (worklist.Account, error) {
	settings := b.settingsNow()
	if apiURL != settings.APIURL {
		var err error
		if settings, err = b.settingsFor(apiURL); err != nil {
			return worklist.Account{}, fmt.Errorf("settings of %s: %w", apiURL, err)
		}
	}
	a, err := account.Open(settings, email, account.Options{Store: b.opts.Store, HTTPClient: b.opts.HTTPClient,
		ClientOptions: b.opts.ClientOptions, Now: b.opts.Now}, nil)
	if err != nil {
		return worklist.Account{}, uiError(err)
	}
	out := worklist.Account{APIURL: apiURL, Email: email, Source: worklist.ClientSource{Client: a.Client}}
	for _, co := range a.Account.Companies {
		out.Companies = append(out.Companies, hyperline.Company{ID: co.ID, Name: co.Name})
	}
	return out, nil
}
