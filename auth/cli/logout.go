package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/hyperline-tui/hlx/auth"
)

// Logout runs `hlx logout [--all] [email]`: it revokes the refresh token of
// the current account (or of email, or with all of every account of the
// environment) and removes the account. A token that could not be revoked
// is removed anyway, with a warning that it may still be valid.
func Logout(ctx context.Context, opts Options, all bool, email string, stdout, stderr io.Writer) error {
	opts = opts.withDefaults()
	s, err := opts.settings()
	if err != nil {
		return err
	}
	if all && email != "" {
		return usageError(fmt.Errorf("logout: --all and an email exclude each other"))
	}
	res, err := auth.Logout(ctx, auth.LogoutOptions{
		Settings:   s,
		Store:      opts.store(),
		HTTPClient: opts.HTTPClient,
		Email:      email,
		All:        all,
	})
	if err != nil {
		return coded(err)
	}
	for _, a := range res.Accounts {
		how := "no refresh token was held"
		switch {
		case a.Revoked:
			how = "refresh token revoked"
		case a.Warning != nil:
			how = "local tokens deleted"
			warn(stderr, a.Warning)
		}
		fmt.Fprintf(stdout, "Logged out %s from %s (%s).\n", a.Email, envLabel(res.APIURL), how)
	}
	return nil
}
