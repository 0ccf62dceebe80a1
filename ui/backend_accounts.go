package ui

import (
	"context"
	"errors"
	"fmt"

	"github.com/hyperline-tui/hlx/config"
)

// The backend's accounts: every account of every environment the session
// file holds, and switching the open one without the browser.

var _ AccountSwitcher = (*Backend)(nil)

// Accounts lists the session's accounts, environment by environment.
func (b *Backend) Accounts(ctx context.Context) ([]SessionAccount, error) {
	sess, err := b.opts.Store.Load()
	if err != nil && !errors.As(err, new(*config.CorruptError)) {
		return nil, fmt.Errorf("read the session: %w", err)
	}
	if sess == nil {
		return nil, nil
	}
	b.mu.RLock()
	openURL, openEmail := b.settings.APIURL, b.email
	b.mu.RUnlock()
	var out []SessionAccount
	for _, apiURL := range sess.APIURLs() {
		env := sess.Env(apiURL)
		for _, email := range env.Emails() {
			acc := env.Accounts[email]
			sa := SessionAccount{APIURL: apiURL, Email: acc.Email, Name: acc.Name, LoggedIn: acc.LoggedIn(),
				ExpiresAt: acc.Token.Expiry, HasRefreshToken: acc.Token.RefreshToken != "",
				Open: apiURL == openURL && email == openEmail}
			if co, ok := acc.Company(acc.CompanyID); ok {
				sa.Company = co.Name
			}
			out = append(out, sa)
		}
	}
	return out, nil
}

// SwitchAccount opens another account, of this environment or another
// one (whose app credentials come from SettingsFor), and makes it the
// environment's current account.
func (b *Backend) SwitchAccount(ctx context.Context, apiURL, email string) (Account, error) {
	settings := b.settingsNow()
	if apiURL != settings.APIURL {
		var err error
		if settings, err = b.settingsFor(apiURL); err != nil {
			return Account{}, fmt.Errorf("settings of %s: %w", apiURL, err)
		}
	}
	if err := b.open(settings, email); err != nil {
		return Account{}, err
	}
	err := b.opts.Store.Update(func(s *config.Session) error {
		s.SetCurrent(apiURL, email)
		return nil
	})
	if err != nil && !errors.As(err, new(*config.CorruptError)) {
		return Account{}, fmt.Errorf("save the current account: %w", err)
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
