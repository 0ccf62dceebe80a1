package hyperline

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// Sentinel errors, matched with errors.Is against the errors the client returns.
var (
	// ErrUnauthorized matches a 401: missing, invalid, expired or revoked credentials.
	ErrUnauthorized = errors.New("hyperline: unauthorized")
	// ErrForbidden matches a 403: the credential may not do this, e.g. a
	// Hyperline-CompanyId it cannot reach (403 usage is not documented).
	ErrForbidden = errors.New("hyperline: forbidden")
	// ErrNotFound matches a 404: unknown resource or route.
	ErrNotFound = errors.New("hyperline: not found")
	// ErrRateLimited matches a 429 that was still there after the retries.
	ErrRateLimited = errors.New("hyperline: rate limited")
	// ErrMalformedResponse matches a 2xx answer the client could not use: not
	// JSON, truncated, over the size bound, or a download that is not a file.
	ErrMalformedResponse = errors.New("hyperline: malformed response")
	// ErrLoginRequired means there are no usable tokens: never logged in,
	// logged out, or the refresh token was refused. The user must log in
	// again. The auth package's token source and the explorer return it.
	ErrLoginRequired = errors.New("login required")
)

// APIError is a non-2xx answer from the API.
type APIError struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// Message is the server's {"message"} text, or a short description of the
	// body when it had none ("502 Bad Gateway (HTML body)").
	Message string
	// Method and Path identify the call (no query, host or credentials).
	Method string
	Path   string
	// RetryAfter is the server's Retry-After, if it sent one.
	RetryAfter time.Duration
}

// Error reads like "GET /v1/customers: 404 Customer not found".
func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.StatusCode)
	}
	// The message is the server's text: it reaches terminals and logs
	// only on one line and without control characters.
	return fmt.Sprintf("%s %s: %d %s", e.Method, termsafe.Line(e.Path), e.StatusCode, termsafe.Line(msg))
}

// Is lets errors.Is match the sentinel that fits the status code.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	}
	return false
}

// malformed builds an ErrMalformedResponse that names the endpoint.
func malformed(method, path, format string, args ...any) error {
	return fmt.Errorf("%w: %s %s: %s", ErrMalformedResponse, method, path, fmt.Sprintf(format, args...))
}
