package backend

import (
	"errors"
	"fmt"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/config/recent"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// uiError turns the errors of auth and config into what the screens know
// (package deps), keeping the original in the chain: a refreshed token
// not saved matches deps.ErrSessionNotSaved, an unreadable session file is
// a *deps.CorruptSessionError, a revoke refused to a public client
// matches deps.ErrRevokeRefused, and a refresh held back because the store
// cannot be written says so in plain words.
func uiError(err error) error {
	if err == nil {
		return nil
	}
	var notSaved *auth.SessionNotSavedError
	var unwritable *config.UnwritableError
	var corrupt *config.CorruptError
	var kept *auth.PublicRevokeRefusedError
	switch {
	case errors.As(err, &kept):
		return fmt.Errorf("%w: %w", deps.ErrRevokeRefused, err)
	case errors.As(err, &notSaved):
		return worded{err: fmt.Errorf("%w: %w", deps.ErrSessionNotSaved, err), words: notSaved.Error()}
	case errors.Is(err, auth.ErrRefreshNotSent) && errors.As(err, &unwritable):
		return worded{err: err, words: "the token was not refreshed, so that the session survives: " +
			unwritable.Error() + "; fix that and press r"}
	case errors.As(err, &corrupt):
		return &deps.CorruptSessionError{MovedTo: corrupt.MovedTo, Err: err}
	}
	return err
}

// worded is an error with the words the screens show for it.
type worded struct {
	err   error
	words string
}

func (e worded) Error() string     { return e.err.Error() }
func (e worded) Unwrap() error     { return e.err }
func (e worded) PlainText() string { return e.words }

// Recent adapts the recent jumps store (config/recent) to the go-to
// prompt's deps.RecentJumps.
func Recent(store *recent.Store) deps.RecentJumps { return recentJumps{store} }

type recentJumps struct{ store *recent.Store }

func (r recentJumps) List(account string) ([]deps.Jump, error) {
	got, err := r.store.List(account)
	out := make([]deps.Jump, len(got))
	for i, j := range got {
		out[i] = deps.Jump(j)
	}
	var corrupt *recent.CorruptError
	if errors.As(err, &corrupt) {
		err = &deps.CorruptJumpsError{MovedTo: corrupt.MovedTo, Err: err}
	}
	return out, err
}

func (r recentJumps) Add(account string, j deps.Jump) error {
	return r.store.Add(account, recent.Jump(j))
}
