package ui

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"os"
	"strconv"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// plainError says what went wrong in words a support person can act on,
// without the Go error chain. Error texts carry what servers wrote (an
// API error's message, a network error's address), so the result is
// always one terminal-safe line.
func plainError(err error) string {
	if err == nil {
		return ""
	}
	return termsafe.Line(errorWords(err))
}

// errorWords is plainError before it is made terminal-safe.
func errorWords(err error) string {
	var worded interface{ PlainText() string }
	if errors.As(err, &worded) {
		return worded.PlainText()
	}
	if login, ok := errors.AsType[*deps.LoginError](err); ok {
		if login.Words != "" {
			return login.Words
		}
		return "The login failed: " + errorWords(login.Err)
	}
	var apiErr *hyperline.APIError
	var netErr net.Error
	var opErr *net.OpError
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	switch {
	case errors.Is(err, ErrLoginRequired):
		return "the session has ended; log in again"
	case errors.Is(err, context.DeadlineExceeded):
		return "it took too long (timed out); check the connection and try again"
	case errors.Is(err, hyperline.ErrRateLimited):
		if errors.As(err, &apiErr) && apiErr.RetryWait() != "" {
			return "Hyperline is limiting requests: " + apiErr.RetryWait() + "; press r after that"
		}
		return "Hyperline is limiting requests right now; wait a few seconds and press r"
	case errors.Is(err, hyperline.ErrUnauthorized):
		return "Hyperline refused the access token; press t and refresh it, or log in again"
	case errors.Is(err, hyperline.ErrForbidden):
		return "Hyperline refused access (this login may not read this company's data)"
	case errors.Is(err, hyperline.ErrNotFound):
		return "not found (it may have been deleted, or belong to another company)"
	case errors.Is(err, hyperline.ErrMalformedResponse):
		return "Hyperline sent an answer that could not be read; press r to try again"
	case errors.As(err, &apiErr):
		if apiErr.Message != "" {
			return apiErr.Message + " (HTTP " + strconv.Itoa(apiErr.StatusCode) + ")"
		}
		return "Hyperline answered HTTP " + strconv.Itoa(apiErr.StatusCode)
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return "cannot reach the server (" + opErr.Addr.String() + "); check the network"
	case errors.As(err, &pathErr):
		// Before net.Error: the errno of a file error (EISDIR…) has the
		// Timeout and Temporary methods too, and read as "network error".
		return "cannot " + pathErr.Op + " the file " + pathErr.Path + ": " + pathErr.Err.Error()
	case errors.As(err, &linkErr):
		return "cannot " + linkErr.Op + " " + linkErr.Old + " to " + linkErr.New + ": " + linkErr.Err.Error()
	case errors.As(err, &netErr):
		return "network error: " + lastPart(err.Error())
	}
	return lastPart(err.Error())
}

// lastPart drops the "doing x: doing y:" prefixes wrapped errors carry when
// the whole chain would not fit the banner, keeping the cause.
func lastPart(s string) string {
	if len(s) <= 100 {
		return s
	}
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		return s[i+2:]
	}
	return s
}
