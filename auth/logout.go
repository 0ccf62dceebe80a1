package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hyperline-tui/hlx/config"
)

// revokeTimeout bounds one revoke request, so logout works offline.
const revokeTimeout = 15 * time.Second

// LogoutOptions configure Logout. Settings and Store are required.
type LogoutOptions struct {
	// Settings give the environment and the app credentials to revoke with.
	Settings config.Settings
	// Store holds the accounts.
	Store *config.Store
	// HTTPClient makes the revoke requests (default http.DefaultClient).
	HTTPClient *http.Client
	// Email is the account to log out; "" means the current one.
	Email string
	// All logs out every account of the environment.
	All bool
}

// LoggedOut reports one account removed by Logout.
type LoggedOut struct {
	Email string
	// Revoked says the server confirmed the refresh token is revoked.
	Revoked bool
	// Warning is set when the token could not be revoked (offline, no app
	// credentials, refused): it may stay valid server-side until it is
	// revoked in Hyperline.
	Warning error
}

// LogoutResult lists the accounts that were logged out.
type LogoutResult struct {
	APIURL   string
	Accounts []LoggedOut
}

// Logout revokes each account's refresh and access tokens at /oauth/revoke and then
// removes the account from the session. A failed revocation does not stop
// the removal; it is reported in the account's Warning. It returns
// ErrNotLoggedIn when there is nothing to log out. The revocation happens
// under the store's lock, so no other hlx can rotate the token meanwhile.
func Logout(ctx context.Context, opts LogoutOptions) (*LogoutResult, error) {
	if opts.Store == nil {
		return nil, errors.New("logout: no session store")
	}
	apiURL := opts.Settings.APIURL
	ep := newEndpoint(opts.Settings, opts.HTTPClient, nil)
	result := &LogoutResult{APIURL: apiURL}
	err := opts.Store.Update(func(s *config.Session) error {
		var emails []string
		switch env := s.Env(apiURL); {
		case env == nil:
		case opts.All:
			emails = env.Emails()
		case opts.Email != "":
			if env.Accounts[opts.Email] != nil {
				emails = []string{opts.Email}
			}
		case env.Current != "":
			emails = []string{env.Current}
		}
		if len(emails) == 0 {
			who := config.EnvironmentName(apiURL)
			if opts.Email != "" {
				who = opts.Email + " on " + who
			}
			return fmt.Errorf("%w (%s)", ErrNotLoggedIn, who)
		}
		for _, email := range emails {
			out := LoggedOut{Email: email}
			acc := s.Account(apiURL, email)
			if tok := acc.Token; tok.RefreshToken != "" || tok.AccessToken != "" {
				out.Revoked, out.Warning = revokeForLogout(ctx, ep.forAccount(acc), acc.PublicClient, tok)
			}
			s.Remove(apiURL, email)
			result.Accounts = append(result.Accounts, out)
		}
		return nil
	})
	if _, err := config.SplitCorrupt(err); err != nil {
		return nil, fmt.Errorf("logout: %w", err)
	}
	return result, nil
}

// revokeForLogout revokes the refresh token, then the access token (the
// spec's revoke takes either), and turns a failure into a warning. Revoked
// means every token the account held is revoked.
//
// Not documented: revoking as a public client. The spec lists
// client_secret as required, which hlx's own registration does not have;
// hlx sends client_id and the token (as RFC 7009 §2.1 allows a public
// client) and, where the server refuses, the tokens are still deleted here
// and the warning says the server kept them valid.
func revokeForLogout(ctx context.Context, ep *endpoint, public bool, tok config.Token) (bool, error) {
	if ep.clientID == "" || (!public && ep.clientSecret == "") {
		return false, errors.New("no app credentials configured to revoke the tokens; they may still be valid on the Hyperline server")
	}
	ctx, cancel := context.WithTimeout(ctx, revokeTimeout)
	defer cancel()
	for _, t := range []struct{ what, value string }{
		{"refresh token", tok.RefreshToken},
		{"access token", tok.AccessToken},
	} {
		if t.value == "" {
			continue
		}
		err := ep.revoke(ctx, t.value)
		var oe *OAuthError
		switch {
		case err == nil:
		case public && errors.As(err, &oe) && oe.StatusCode >= 400 && oe.StatusCode < 500:
			return false, &PublicRevokeRefusedError{Err: err}
		default:
			return false, fmt.Errorf("could not revoke the %s (%w); it may still be valid on the Hyperline server", t.what, err)
		}
	}
	return true, nil
}

// PublicRevokeRefusedError is a logout whose revoke Hyperline refused
// because hlx, registered dynamically, is a public client without the
// secret its revoke endpoint asks for: the tokens were deleted from this
// machine, and the server keeps them valid.
type PublicRevokeRefusedError struct {
	Err error // the refusal
}

// Error says what was deleted and what the server kept.
func (e *PublicRevokeRefusedError) Error() string {
	return fmt.Sprintf("Hyperline refused to revoke the tokens (%v): its revoke endpoint wants a client secret, "+
		"and hlx, registered dynamically, is a public client without one. The tokens are deleted from this machine, "+
		"but the server keeps them valid until they expire or the access is removed in Hyperline", e.Err)
}

// Unwrap returns the refusal.
func (e *PublicRevokeRefusedError) Unwrap() error { return e.Err }
