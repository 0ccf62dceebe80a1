package cli

import (
	"context"
	"fmt"
	"io"
	"sync"

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
	// A refresh can fail to save yet hand out a working token; say so,
	// since the session on disk is then stale. Failures that end in an
	// error are reported by the error itself.
	var (
		mu       sync.Mutex
		failures []error
	)
	ts, err := auth.NewTokenSource(auth.TokenSourceOptions{
		Settings:   s,
		Store:      opts.store(),
		HTTPClient: opts.HTTPClient,
		Now:        opts.Now,
		OnRefresh: func(ev auth.RefreshEvent) {
			if ev.Phase == auth.RefreshFailed && ev.Err != nil {
				mu.Lock()
				failures = append(failures, ev.Err)
				mu.Unlock()
			}
		},
	})
	if err != nil {
		return coded(err)
	}
	tok, err := ts.TokenContext(ctx)
	if err != nil {
		return coded(fmt.Errorf("token: %w", err))
	}
	mu.Lock()
	for _, f := range failures {
		warn(stderr, f)
	}
	mu.Unlock()
	_, err = fmt.Fprintln(stdout, tok.AccessToken)
	return err
}
