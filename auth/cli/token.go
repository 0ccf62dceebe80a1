package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/hyperline-tui/hlx/auth"
)

// Token runs `hlx token`: it prints a valid access token of the current
// account, refreshing it first if it is about to expire, for scripts
// (curl -H "Authorization: Bearer $(hlx token)" …).
func Token(ctx context.Context, opts Options, stdout, stderr io.Writer) error {
	opts = opts.withDefaults()
	s, err := opts.settings()
	if err != nil {
		return err
	}
	ts, err := auth.NewTokenSource(auth.TokenSourceOptions{
		Settings:   s,
		Store:      opts.store(),
		HTTPClient: opts.HTTPClient,
		Now:        opts.Now,
	})
	if err != nil {
		return coded(err)
	}
	tok, err := ts.TokenContext(ctx)
	if err != nil {
		return coded(fmt.Errorf("token: %w", err))
	}
	_, err = fmt.Fprintln(stdout, tok.AccessToken)
	return err
}
