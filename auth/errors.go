package auth

import (
	"errors"
	"fmt"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// Sentinel errors, matched with errors.Is.
var (
	// ErrLoginRequired means there are no usable tokens: never logged in,
	// logged out, or the refresh token was refused. Run `hlx login`. It is
	// hyperline.ErrLoginRequired, the one sentinel every layer matches.
	ErrLoginRequired = hyperline.ErrLoginRequired
	// ErrNotConfigured means the OAuth app's client id or secret is missing.
	ErrNotConfigured = errors.New("no Hyperline app configured")
	// ErrConsentDenied means the user pressed Deny on the consent page
	// (error=access_denied on the callback).
	ErrConsentDenied = errors.New("access denied on the Hyperline consent page")
	// ErrStateMismatch means the callback's state was not the one hlx sent:
	// the code is refused without being exchanged (possible CSRF, or a
	// callback from an older login attempt).
	ErrStateMismatch = errors.New("the callback's state does not match this login attempt")
	// ErrCallbackTimeout means no callback or pasted URL arrived in time.
	ErrCallbackTimeout = errors.New("timed out waiting for the browser to come back")
	// ErrNothingPasted means the login could not finish: no browser was
	// opened and standard input ended before a redirect was pasted.
	ErrNothingPasted = errors.New("login: nothing was pasted and no browser answered; " +
		"run hlx login in a terminal, or pass --no-browser and paste the address the browser ends on")
	// ErrNotLoggedIn means logout found no account to log out.
	ErrNotLoggedIn = errors.New("not logged in")
	// ErrRefreshNotSent means a refresh was not sent because its answer
	// could not have been saved (the session store is not writable); the
	// stored refresh token was not spent and still works.
	ErrRefreshNotSent = errors.New("refresh not sent: its answer could not be saved, so the current refresh token was kept")
	// ErrSessionNotSaved means Hyperline issued a new token that could not
	// be saved: the session needs a new login once this process ends.
	ErrSessionNotSaved = errors.New("the new token could not be saved")
)

// SessionNotSavedError reports a refreshed token that could not be saved
// after the store's retries. After a rotation the refresh token on disk is
// spent: the session ends with this process. It matches ErrSessionNotSaved.
type SessionNotSavedError struct {
	Err error // the store's error, naming the path and the cause
}

// Error says plainly that a new login will be needed.
func (e *SessionNotSavedError) Error() string {
	return fmt.Sprintf("Hyperline issued a new token but it could not be saved (%v): this session needs a new login (hlx login) once this hlx exits", e.Err)
}

// Unwrap returns the store's error.
func (e *SessionNotSavedError) Unwrap() error { return e.Err }

// Is matches ErrSessionNotSaved.
func (e *SessionNotSavedError) Is(target error) bool { return target == ErrSessionNotSaved }

// AuthorizationError is an error the authorization server sent back on the
// redirect (RFC 6749 §4.1.2.1). It matches ErrConsentDenied for
// access_denied.
type AuthorizationError struct {
	Code        string
	Description string
}

// Error says what the authorization server refused, in plain words. Code
// and Description come from the callback URL, which any web page can
// forge, so they are made terminal-safe here as well as where they are
// parsed.
func (e *AuthorizationError) Error() string {
	code, desc := termsafe.Line(e.Code), termsafe.Line(e.Description)
	if code == "access_denied" {
		if desc != "" {
			return fmt.Sprintf("access denied on the Hyperline consent page: %s", desc)
		}
		return "access denied on the Hyperline consent page"
	}
	if desc != "" {
		return fmt.Sprintf("authorization failed: %s (%s)", desc, code)
	}
	return "authorization failed: " + code
}

// Is matches ErrConsentDenied for access_denied.
func (e *AuthorizationError) Is(target error) bool {
	return target == ErrConsentDenied && e.Code == "access_denied"
}

// PortInUseError means the loopback port of the redirect URI is taken.
type PortInUseError struct {
	Addr string // host:port that could not be bound
	Port string // or the list of ports, all taken
	Err  error
	// Registered says the ports are the ones hlx registered for itself,
	// so a port chosen with --redirect-uri is registered too.
	Registered bool
}

// Error names the port and how to pick another one.
func (e *PortInUseError) Error() string {
	if e.Registered {
		return fmt.Sprintf("ports %s on 127.0.0.1 are all in use, maybe by other hlx logins; let them finish, "+
			"or pick a free port with --redirect-uri http://127.0.0.1:<port>/callback (hlx registers it)", e.Port)
	}
	return fmt.Sprintf("port %s (%s) is already in use, maybe by another hlx login; "+
		"pick a free port with --redirect-uri http://127.0.0.1:<port>/callback or HYPERLINE_REDIRECT_URI, "+
		"and register that URL as a callback on your Hyperline app", e.Port, e.Addr)
}

// Unwrap returns the listen error.
func (e *PortInUseError) Unwrap() error { return e.Err }

// OAuthError is a refusal from the token or revoke endpoint. Hyperline does
// not document the body: both {"message"} and RFC 6749
// {"error","error_description"} are understood.
type OAuthError struct {
	Endpoint    string // "/v1/oauth/tokens" or "/v1/oauth/revoke"
	StatusCode  int
	Code        string // RFC 6749 error code, if the server sent one
	Description string // error_description or message
}

// Error reads like "POST /v1/oauth/tokens: 400 Invalid refresh token".
func (e *OAuthError) Error() string {
	msg := e.Description
	switch {
	case msg == "" && e.Code != "":
		msg = e.Code
	case e.Code != "" && e.Code != msg:
		msg += " (" + e.Code + ")"
	}
	if msg == "" {
		return fmt.Sprintf("POST %s: %d", e.Endpoint, e.StatusCode)
	}
	return fmt.Sprintf("POST %s: %d %s", e.Endpoint, e.StatusCode, msg)
}

// invalidGrant reports whether the token endpoint refused the grant itself
// (code or refresh token unknown, used, expired or revoked), as opposed to
// the client credentials or a server failure.
//
// Not documented: Hyperline's statuses. RFC 6749 §5.2 answers 400
// invalid_grant; the simulator answers 400 {"message"} for a bad grant and
// 401 for bad client credentials. So: an RFC code decides when present,
// otherwise 400 means the grant was refused.
func (e *OAuthError) invalidGrant() bool {
	switch e.Code {
	case "invalid_grant":
		return true
	case "":
		return e.StatusCode == 400
	}
	return false
}

// invalidClient reports a refusal of the client id or secret.
func (e *OAuthError) invalidClient() bool {
	return e.Code == "invalid_client" || (e.Code == "" && e.StatusCode == 401)
}

// Mask shows the first four characters of a secret and hides the rest, for
// `hlx status`. Short secrets are hidden entirely.
func Mask(secret string) string {
	if secret == "" {
		return ""
	}
	if len(secret) < 12 {
		return "…"
	}
	return secret[:4] + "…"
}
