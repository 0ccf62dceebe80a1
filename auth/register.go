package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/hyperline-tui/hlx/config"
)

// registerPath is the spec's dynamic client registration endpoint (RFC
// 7591). The guide's /v1/oauth/ family never had one, so there is no
// fallback: a 404 means the environment does not offer it.
const registerPath = "/oauth/register"

// clientName is the name hlx registers under; Hyperline shows it on the
// consent page.
const clientName = "hlx"

// registerRequest is the body hlx registers with: a native app's public
// client (RFC 8252 §8.4) that uses the code and refresh grants.
type registerRequest struct {
	RedirectURIs            []string `json:"redirect_uris"`
	ClientName              string   `json:"client_name"`
	GrantTypes              []string `json:"grant_types"`
	ResponseTypes           []string `json:"response_types"`
	TokenEndpointAuthMethod string   `json:"token_endpoint_auth_method"`
	SoftwareID              string   `json:"software_id"`
}

// registerResponse is the spec's 201 answer; every field hlx reads is
// required there.
type registerResponse struct {
	ClientID                string   `json:"client_id"`
	ClientIDIssuedAt        seconds  `json:"client_id_issued_at"`
	RedirectURIs            []string `json:"redirect_uris"`
	GrantTypes              []string `json:"grant_types"`
	TokenEndpointAuthMethod string   `json:"token_endpoint_auth_method"`
}

// RegistrationError is a registration that failed; nothing was saved. A
// 404 (the environment has no dynamic registration) matches
// ErrNotConfigured, whose exit code it takes, and says how to register an
// app instead.
type RegistrationError struct {
	APIURL      string
	StatusCode  int    // 0 when no answer came (Err says why)
	Code        string // RFC 7591 error code, terminal-safe
	Description string // error_description, terminal-safe
	Err         error  // the network or decoding failure, if any
}

// Error says what failed in words a user can act on.
func (e *RegistrationError) Error() string {
	env := config.EnvironmentName(e.APIURL)
	switch {
	case e.StatusCode == http.StatusNotFound:
		return fmt.Sprintf("%s does not offer dynamic client registration (POST %s answered 404), so hlx cannot register itself there; "+
			"register an app instead: hlx apps create --save (needs an API key), or set %s and %s",
			env, registerPath, config.EnvClientID, config.EnvClientSecret)
	case e.StatusCode == 0:
		return fmt.Sprintf("register hlx with %s: could not reach the server: %v", env, e.Err)
	case e.Err != nil:
		return fmt.Sprintf("register hlx with %s: %v", env, e.Err)
	}
	msg := e.Description
	switch {
	case msg == "":
		msg = e.Code
	case e.Code != "" && e.Code != msg:
		msg += " (" + e.Code + ")"
	}
	return fmt.Sprintf("register hlx with %s: %d %s", env, e.StatusCode, msg)
}

// Unwrap returns the underlying failure.
func (e *RegistrationError) Unwrap() error { return e.Err }

// Is matches ErrNotConfigured for a 404: the environment needs an app.
func (e *RegistrationError) Is(target error) bool {
	return target == ErrNotConfigured && e.StatusCode == http.StatusNotFound
}

// register asks the environment for a public client with redirectURIs and
// returns it as a registration to store. The answer must name the client
// and register every redirect URI asked for, or hlx could not log in
// with it.
func (e *endpoint) register(ctx context.Context, redirectURIs []string) (config.Registration, error) {
	fail := func(status int, err error) (config.Registration, error) {
		return config.Registration{}, &RegistrationError{APIURL: e.apiURL, StatusCode: status, Err: err}
	}
	data, err := e.postTo(ctx, registerPath, registerRequest{
		RedirectURIs:            redirectURIs,
		ClientName:              clientName,
		GrantTypes:              []string{"authorization_code", "refresh_token"},
		ResponseTypes:           []string{"code"},
		TokenEndpointAuthMethod: "none",
		SoftwareID:              "hlx",
	})
	var oe *OAuthError
	switch {
	case errors.As(err, &oe):
		return config.Registration{}, &RegistrationError{APIURL: e.apiURL, StatusCode: oe.StatusCode, Code: oe.Code, Description: oe.Description}
	case err != nil:
		return fail(0, err)
	}
	var rr registerResponse
	if err := json.Unmarshal(data, &rr); err != nil {
		return fail(http.StatusCreated, fmt.Errorf("decode the answer: %w", err))
	}
	if rr.ClientID == "" {
		return fail(http.StatusCreated, errors.New("the answer has no client_id"))
	}
	for _, u := range redirectURIs {
		if !slices.Contains(rr.RedirectURIs, u) {
			return fail(http.StatusCreated, fmt.Errorf("the server did not register the callback %s", u))
		}
	}
	// Not documented: a server that would issue a confidential client
	// here. The spec says every client is public; hlx keeps no secret.
	if rr.TokenEndpointAuthMethod != "" && rr.TokenEndpointAuthMethod != "none" {
		return fail(http.StatusCreated, fmt.Errorf("the server registered a %s client; hlx registers only as a public client", oneLine(rr.TokenEndpointAuthMethod)))
	}
	reg := config.Registration{APIURL: e.apiURL, ClientID: rr.ClientID, RedirectURIs: slices.Clone(redirectURIs)}
	if rr.ClientIDIssuedAt > 0 {
		reg.IssuedAt = time.Unix(int64(rr.ClientIDIssuedAt), 0).UTC()
	}
	return reg, nil
}

// probeClientTimeout bounds the look at whether a stored client is known.
const probeClientTimeout = 10 * time.Second

// probeCode is the authorization code the client probe presents: no
// server issued it, so a server that knows the client refuses the grant.
const probeCode = "hlx-client-check"

// clientUnknown reports whether the server says the endpoint's client is
// unknown (invalid_client), which it tells the token endpoint before it
// looks at any grant (RFC 6749 §5.2). The probe presents a code no server
// issued, so it never redeems anything. Not documented: the probe itself;
// any answer other than invalid_client, and any failure to get one, counts
// as "known", leaving the login to go on as before.
func (e *endpoint) clientUnknown(ctx context.Context, redirectURI string) bool {
	ctx, cancel := context.WithTimeout(ctx, probeClientTimeout)
	defer cancel()
	_, err := e.post(ctx, tokenPath, map[string]string{
		"client_id":    e.clientID,
		"grant_type":   "authorization_code",
		"code":         probeCode,
		"redirect_uri": redirectURI,
	})
	var oe *OAuthError
	return errors.As(err, &oe) && oe.invalidClient()
}
