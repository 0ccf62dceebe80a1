package cmdutil

import (
	"context"
	"errors"
	"fmt"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/lookup"
)

// Exit codes, the same for every command (the README has the table).
const (
	ExitOK            = 0   // success
	ExitFailure       = 1   // any other error (network, server, file system)
	ExitUsage         = 2   // bad flags or arguments
	ExitConfig        = 3   // no app and no dynamic registration, or an invalid settings file
	ExitLoginRequired = 4   // not logged in, or the session expired for good
	ExitNotFound      = 5   // the company or object named does not exist
	ExitAmbiguous     = 6   // the name matches several companies or objects
	ExitInterrupted   = 130 // cancelled (Ctrl-C)
)

// ExitError is an error with the exit code hlx ends with.
type ExitError struct {
	Code int
	Err  error
}

// Error is the underlying error's message.
func (e *ExitError) Error() string { return e.Err.Error() }

// ExitCode is the code hlx ends with.
func (e *ExitError) ExitCode() int { return e.Code }

// Unwrap returns the underlying error, so errors.Is sees the sentinels.
func (e *ExitError) Unwrap() error { return e.Err }

// ExitCode maps any error a command returns to the process's exit code:
// the code of an *ExitError, else by sentinel.
func ExitCode(err error) int {
	var coded interface{ ExitCode() int }
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &coded):
		return coded.ExitCode()
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.Is(err, auth.ErrLoginRequired), errors.Is(err, auth.ErrNotLoggedIn):
		return ExitLoginRequired
	case errors.Is(err, auth.ErrNotConfigured):
		return ExitConfig
	case errors.Is(err, config.ErrCompanyAmbiguous):
		return ExitAmbiguous
	case errors.Is(err, config.ErrCompanyNotFound), errors.Is(err, hyperline.ErrNotFound), errors.Is(err, lookup.ErrNotFound):
		return ExitNotFound
	}
	return ExitFailure
}

// UsageErrorf is a usage error (exit 2) with a formatted message.
func UsageErrorf(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}

// Coded is err with the exit code ExitCode picks for it, fixed, so that
// wrapping it further cannot change the code.
func Coded(code int, err error) error {
	if err == nil {
		return nil
	}
	return &ExitError{Code: code, Err: err}
}
