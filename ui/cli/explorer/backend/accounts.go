package backend

import (
	"context"
	"fmt"

	"github.com/hyperline-tui/hlx/auth/account"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// The backend's accounts: every account of every environment the session
// file holds, and switching the open one without the browser.

// Accounts lists the session's accounts, environment by environment.
func (b *Backend) Accounts(ctx context.Context) ([]deps.SessionAccount, error) {
	all, err := account.List(b.opts.Store)
	if err != nil {
		return nil, uiError(err)
	}
	b.mu.RLock()
	openURL, openEmail := b.settings.APIURL, ""
	if b.open != nil {
		openEmail = b.open.Email()
	}
	b.mu.RUnlock()
	out := make([]deps.SessionAccount, 0, len(all))
	for _, a := range all {
		out = append(out, deps.SessionAccount{APIURL: a.APIURL, Email: a.Email, Name: a.Name, Company: a.Company,
			LoggedIn: a.LoggedIn, ExpiresAt: a.ExpiresAt, HasRefreshToken: a.HasRefreshToken,
			Open: a.APIURL == openURL && a.Email == openEmail})
	}
	return out, nil
}

// SwitchAccount opens another account, of this environment or another
// one (whose app credentials come from SettingsFor), and makes it the
// environment's current account.
func (b *Backend) SwitchAccount(ctx context.Context, apiURL, email string) (deps.Account, error) {
	settings := b.settingsNow()
	if apiURL != settings.APIURL {
		var err error
		if settings, err = b.settingsFor(apiURL); err != nil {
			return deps.Account{}, fmt.Errorf("settings of %s: %w", apiURL, err)
		}
	}
	if err := b.openAccount(settings, email, true); err != nil {
		return deps.Account{}, err
	}
	return b.account()
}

// settingsFor resolves the settings of another environment, as the
// command line would for --api-url apiURL.
func (b *Backend) settingsFor(apiURL string) (config.Settings, error) {
	if b.opts.SettingsFor != nil {
		return b.opts.SettingsFor(apiURL)
	}
	return config.LoadSettings(config.Flags{APIURL: apiURL}, b.opts.Settings.File, nil)
}
