package hyperline

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
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
	// RetryAt is when that wait is over (the answer's time plus
	// RetryAfter); zero without a Retry-After.
	RetryAt time.Time
}

// Error reads like "GET /v1/customers: 404 Customer not found".
func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(e.StatusCode)
	}
	// The message is the server's text: it reaches terminals and logs
	// only on one line and without control characters.
	text := fmt.Sprintf("%s %s: %d %s", e.Method, termsafe.Line(e.Path), e.StatusCode, termsafe.Line(msg))
	if wait := e.RetryWait(); wait != "" {
		text += " (" + wait + ")"
	}
	return text
}

// RetryWait says how long the server asked to wait and when that is over,
// in local time ("the server asked to wait 1h, until 15:04"), or "" when
// it sent no Retry-After. The date is added when the wait ends on another
// day.
func (e *APIError) RetryWait() string {
	if e.RetryAfter <= 0 || e.RetryAt.IsZero() {
		return ""
	}
	at := e.RetryAt.Local()
	layout := "15:04:05"
	if e.RetryAfter >= time.Minute {
		layout = "15:04"
	}
	if y, m, d := at.Date(); !sameDay(at.Add(-e.RetryAfter), y, m, d) {
		layout = "Mon 2 Jan " + layout
	}
	return "the server asked to wait " + WaitWords(e.RetryAfter) + ", until " + at.Format(layout)
}

// sameDay reports whether t falls on the date y-m-d (in t's location).
func sameDay(t time.Time, y int, m time.Month, d int) bool {
	ty, tm, td := t.Date()
	return ty == y && tm == m && td == d
}

// WaitWords is a wait as people write it: "3s", "1m30s", "1h", "2h5m".
func WaitWords(d time.Duration) string {
	if d >= time.Minute {
		d = d.Round(time.Second)
	} else {
		d = max(d.Round(time.Second), time.Second)
	}
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
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
