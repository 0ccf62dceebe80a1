package session

import (
	"context"
	"fmt"
	"sync"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// TokenOptions are what `hlx token` needs.
type TokenOptions struct {
	F *cmdutil.Factory
}

// NewCmdToken is `hlx token`.
func NewCmdToken(f *cmdutil.Factory, run func(context.Context, *TokenOptions) error) *cobra.Command {
	opts := &TokenOptions{F: f}
	return &cobra.Command{
		Use:   "token",
		Short: "Print a valid access token, refreshing it first if needed",
		Long: "Prints the current account's access token, refreshed first if it is about to expire,\n" +
			"for scripts: curl -H \"Authorization: Bearer $(hlx token)\" …",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return tokenRun(cmd.Context(), opts)
		},
	}
}

func tokenRun(ctx context.Context, opts *TokenOptions) error {
	f := opts.F
	s, hc, err := f.OAuth()
	if err != nil {
		return err
	}
	// A refresh can fail to save yet hand out a working token; say so,
	// since the session on disk is then stale. Failures that end in an
	// error are reported by the error itself.
	var (
		mu       sync.Mutex
		failures []error
	)
	ts, err := auth.NewTokenSource(auth.TokenSourceOptions{
		Settings:   s,
		Store:      f.Store(),
		HTTPClient: hc,
		Now:        f.NowFunc(),
		OnRefresh: func(ev auth.RefreshEvent) {
			if ev.Phase == auth.RefreshFailed && ev.Err != nil {
				mu.Lock()
				failures = append(failures, ev.Err)
				mu.Unlock()
			}
		},
	})
	if err != nil {
		return err
	}
	tok, err := ts.SavedToken(ctx)
	if tok == nil {
		return fmt.Errorf("get a token: %w", err)
	}
	if err == nil {
		mu.Lock()
		for _, e := range failures {
			f.IO.Warn(e)
		}
		mu.Unlock()
	}
	// The token is printed whole: that is what this command is for, and
	// it never goes to a log. It is printed even when it could not be
	// saved (it works until it expires), but then the exit code says the
	// session needs a new login.
	if _, werr := fmt.Fprintln(f.IO.Out, tok.AccessToken); werr != nil {
		return werr
	}
	return err
}
