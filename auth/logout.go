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
			if tok := s.Account(apiURL, email).Token; tok.RefreshToken != "" || tok.AccessToken != "" {
				out.Revoked, out.Warning = revokeForLogout(ctx, ep, tok)
			}
			s.Remove(apiURL, email)
			result.Accounts = append(result.Accounts, out)
		}
		return nil
	})
	if err != nil && !errors.As(err, new(*config.CorruptError)) {
		return nil, fmt.Errorf("logout: %w", err)
	}
	return result, nil
}

// revokeForLogout revokes the refresh token, then the access token (the
// spec's revoke takes either), and turns a failure into a warning. Revoked
// means every token the account held is revoked.
func revokeForLogout(ctx context.Context, ep *endpoint, tok config.Token) (bool, error) {
	if ep.clientID == "" || ep.clientSecret == "" {
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
		if err := ep.revoke(ctx, t.value); err != nil {
			return false, fmt.Errorf("could not revoke the %s (%w); it may still be valid on the Hyperline server", t.what, err)
		}
	}
	return true, nil
}
