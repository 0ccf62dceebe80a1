package session

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/auth/account"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// SwitchOptions are what `hlx switch` needs.
type SwitchOptions struct {
	F *cmdutil.Factory
	// Email is the account to make current ("": the only other one).
	Email string
}

// NewCmdSwitch is `hlx switch [EMAIL]`.
func NewCmdSwitch(f *cmdutil.Factory, run func(context.Context, *SwitchOptions) error) *cobra.Command {
	opts := &SwitchOptions{F: f}
	return &cobra.Command{
		Use:               "switch [EMAIL]",
		Short:             "Make another logged-in account of the environment the current one",
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: f.CompleteAccounts,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Email = args[0]
			}
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return switchRun(opts)
		},
	}
}

func switchRun(opts *SwitchOptions) error {
	f := opts.F
	s, err := f.Settings()
	if err != nil {
		return err
	}
	target, err := account.SetCurrent(f.Store(), s.APIURL, opts.Email)
	var choice *account.ChoiceError
	switch {
	case errors.Is(err, auth.ErrNotLoggedIn):
		return fmt.Errorf("%w to %s; run hlx login", auth.ErrNotLoggedIn, envLabel(s.APIURL))
	case errors.As(err, &choice):
		return cmdutil.UsageErrorf("name the account to switch to (%s)", strings.Join(choice.Emails, ", "))
	case errors.Is(err, account.ErrNotInSession):
		return cmdutil.UsageErrorf("%s is not logged in to %s", target, envLabel(s.APIURL))
	case err != nil:
		return err
	}
	f.IO.Printf("Switched to %s on %s.\n", target, envLabel(s.APIURL))
	return nil
}
