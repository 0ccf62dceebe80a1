package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/hyperline-tui/hlx/auth"
)

// Exit codes of the session commands.
const (
	ExitOK            = 0   // success
	ExitFailure       = 1   // any other error (network, server, file system)
	ExitUsage         = 2   // bad flags or arguments
	ExitConfig        = 3   // no app configured, or an invalid settings file
	ExitLoginRequired = 4   // not logged in, or the session expired for good
	ExitInterrupted   = 130 // cancelled (Ctrl-C)
)

// ExitError is an error with the exit code main should use. main.go finds
// it through the ExitCode method.
type ExitError struct {
	Code int
	Err  error
}

// Error is the underlying error's message.
func (e *ExitError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error, so errors.Is sees auth's sentinels.
func (e *ExitError) Unwrap() error { return e.Err }

// ExitCode is the process exit code for this error.
func (e *ExitError) ExitCode() int { return e.Code }

// ExitCode maps any error from this package (or from auth) to an exit code:
// 0 for nil, the code of an *ExitError, else by sentinel.
func ExitCode(err error) int {
	var ee *ExitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.Code
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.Is(err, auth.ErrLoginRequired), errors.Is(err, auth.ErrNotLoggedIn):
		return ExitLoginRequired
	case errors.Is(err, auth.ErrNotConfigured):
		return ExitConfig
	}
	return ExitFailure
}

// coded wraps err in an *ExitError with the code ExitCode picks for it.
func coded(err error) error {
	if err == nil {
		return nil
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return err
	}
	return &ExitError{Code: ExitCode(err), Err: err}
}

func usageError(err error) error {
	return &ExitError{Code: ExitUsage, Err: err}
}

// warn prints a one-line warning on stderr.
func warn(stderr io.Writer, err error) {
	fmt.Fprintf(stderr, "warning: %v\n", err)
}
