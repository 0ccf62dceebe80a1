package session

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// LogoutOptions are what `hlx logout` needs.
type LogoutOptions struct {
	F *cmdutil.Factory
	// All logs out every account of the environment.
	All bool
	// Email is the account to log out ("": the current one).
	Email string
}

// NewCmdLogout is `hlx logout [--all] [EMAIL]`.
func NewCmdLogout(f *cmdutil.Factory, run func(context.Context, *LogoutOptions) error) *cobra.Command {
	opts := &LogoutOptions{F: f}
	cmd := &cobra.Command{
		Use:   "logout [EMAIL]",
		Short: "Revoke the tokens and remove the account from the session",
		Long: "Revokes the refresh token (and the access token) of the current account, or of EMAIL,\n" +
			"or with --all of every account of the environment, and removes the account. A token\n" +
			"that could not be revoked is deleted anyway, with a warning that it may still be valid.",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: f.CompleteAccounts,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Email = args[0]
			}
			if opts.All && opts.Email != "" {
				return cmdutil.UsageErrorf("--all and an email exclude each other")
			}
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return logoutRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.All, "all", false, "log out every account of the environment")
	return cmd
}

func logoutRun(ctx context.Context, opts *LogoutOptions) error {
	f := opts.F
	s, hc, err := f.OAuth()
	if err != nil {
		return err
	}
	res, err := auth.Logout(ctx, auth.LogoutOptions{
		Settings:   s,
		Store:      f.Store(),
		HTTPClient: hc,
		Email:      opts.Email,
		All:        opts.All,
	})
	if err != nil {
		return err
	}
	for _, a := range res.Accounts {
		how := "no refresh token was held"
		var kept *auth.PublicRevokeRefusedError
		switch {
		case a.Revoked:
			how = "refresh token revoked"
		case errors.As(a.Warning, &kept):
			how = "local tokens deleted; the server keeps them valid"
			f.IO.Warn(a.Warning)
		case a.Warning != nil:
			how = "local tokens deleted"
			f.IO.Warn(a.Warning)
		}
		f.IO.Printf("Logged out %s from %s (%s).\n", a.Email, envLabel(res.APIURL), how)
	}
	return nil
}
