package auth

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// OAuth endpoint paths, relative to the API base URL: the published
// OpenAPI spec's root paths. The third-party app guide shows the same
// endpoints under /v1/oauth/; a server that answers 404 on the spec's path
// is asked there instead (see endpoint.post).
const (
	authorizePath = "/oauth/authorize"
	tokenPath     = "/oauth/tokens"
	revokePath    = "/oauth/revoke"
	// legacyPrefix turns a spec path into the guide's ("/v1" + "/oauth/tokens").
	legacyPrefix = "/v1"
)

// maxOAuthBody bounds what is read from a token or revoke response.
const maxOAuthBody = 1 << 20

// endpoint talks to the token and revoke endpoints of one environment. They
// take JSON bodies, which golang.org/x/oauth2 cannot send (it posts forms),
// so the requests are made here.
type endpoint struct {
	apiURL       string
	clientID     string
	clientSecret string
	hc           *http.Client
	now          func() time.Time
	// legacy is set once the spec's path answered 404 and the guide's
	// answered, so later requests go straight to the guide's paths.
	legacy atomic.Bool
}

func newEndpoint(s config.Settings, hc *http.Client, now func() time.Time) *endpoint {
	if hc == nil {
		hc = http.DefaultClient
	}
	if now == nil {
		now = time.Now
	}
	return &endpoint{apiURL: s.APIURL, clientID: s.ClientID, clientSecret: s.ClientSecret, hc: hc, now: now}
}

// tokenResponse is the documented token response.
type tokenResponse struct {
	AccessToken  string  `json:"access_token"`
	RefreshToken string  `json:"refresh_token"`
	ExpiresIn    seconds `json:"expires_in"`
	TokenType    string  `json:"token_type"`
}

// seconds accepts expires_in as a JSON number or a numeric string.
type seconds int64

func (s *seconds) UnmarshalJSON(b []byte) error {
	raw := strings.Trim(string(b), `"`)
	if raw == "" || raw == "null" {
		*s = 0
		return nil
	}
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil || f < 0 || f > 1<<40 {
		return fmt.Errorf("expires_in %q is not a number of seconds", raw)
	}
	*s = seconds(f)
	return nil
}

// exchange redeems an authorization code (grant_type authorization_code).
func (e *endpoint) exchange(ctx context.Context, code, redirectURI, verifier string) (config.Token, error) {
	return e.token(ctx, e.withClient(map[string]string{
		"grant_type":    "authorization_code",
		"code":          code,
		"redirect_uri":  redirectURI,
		"code_verifier": verifier,
	}))
}

// refresh gets a new access token (grant_type refresh_token). The result's
// RefreshToken is empty when the server did not rotate it.
func (e *endpoint) refresh(ctx context.Context, refreshToken string) (config.Token, error) {
	return e.token(ctx, e.withClient(map[string]string{
		"grant_type":    "refresh_token",
		"refresh_token": refreshToken,
	}))
}

// withClient adds the client's credentials to a request body: client_id,
// and client_secret only for a confidential client. A public client (hlx's
// own registration) has no secret, and sends no empty one either.
func (e *endpoint) withClient(body map[string]string) map[string]string {
	body["client_id"] = e.clientID
	if e.clientSecret != "" {
		body["client_secret"] = e.clientSecret
	}
	return body
}

// token posts to the token endpoint and turns the answer into a config.Token
// whose Expiry is now + expires_in and IssuedAt is now.
func (e *endpoint) token(ctx context.Context, body map[string]string) (config.Token, error) {
	issuedAt := e.now()
	data, err := e.post(ctx, tokenPath, body)
	if err != nil {
		return config.Token{}, err
	}
	var tr tokenResponse
	if err := json.Unmarshal(data, &tr); err != nil {
		return config.Token{}, fmt.Errorf("POST %s: decode token response: %w", tokenPath, err)
	}
	if tr.AccessToken == "" {
		return config.Token{}, fmt.Errorf("POST %s: response has no access_token", tokenPath)
	}
	tok := config.Token{
		AccessToken:  tr.AccessToken,
		RefreshToken: tr.RefreshToken,
		TokenType:    strings.ToLower(tr.TokenType),
		IssuedAt:     issuedAt,
	}
	// expires_in is required by the docs. Not documented: what 0 means;
	// treated as "no expiry known", and a 401 then triggers the refresh.
	if tr.ExpiresIn > 0 {
		tok.Expiry = issuedAt.Add(time.Duration(tr.ExpiresIn) * time.Second)
	}
	return tok, nil
}

// revoke revokes an access or a refresh token (the spec's revoke takes
// either and answers 204).
func (e *endpoint) revoke(ctx context.Context, token string) error {
	_, err := e.post(ctx, revokePath, e.withClient(map[string]string{"token": token}))
	return err
}

// authorizeProbeTimeout bounds the look at the authorize path.
const authorizeProbeTimeout = 5 * time.Second

// authorizePath is the authorize endpoint's path for the browser: the
// spec's, unless the server answers 404 there (then it has only the
// guide's /v1 one, and the token endpoint is taken from there too). The
// look is a GET without parameters, which a server answers with an error
// page; a network failure leaves the spec's path, for the browser to try.
func (e *endpoint) authorizePath(ctx context.Context) string {
	if e.legacy.Load() {
		return legacyPrefix + authorizePath
	}
	ctx, cancel := context.WithTimeout(ctx, authorizeProbeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.apiURL+authorizePath, nil)
	if err != nil {
		return authorizePath
	}
	req.Header.Set("User-Agent", hyperline.UserAgent(""))
	hc := *e.hc
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := hc.Do(req)
	if err != nil {
		return authorizePath
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxOAuthBody))
	resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		e.legacy.Store(true)
		return legacyPrefix + authorizePath
	}
	return authorizePath
}

// post sends body as JSON to the spec's path and returns a 2xx body, or an
// *OAuthError. A 404 there is retried once at the guide's /v1 path, which
// is then used for the endpoint's later requests.
func (e *endpoint) post(ctx context.Context, path string, body map[string]string) ([]byte, error) {
	if e.legacy.Load() {
		return e.postTo(ctx, legacyPrefix+path, body)
	}
	data, err := e.postTo(ctx, path, body)
	var oe *OAuthError
	if !errors.As(err, &oe) || oe.StatusCode != http.StatusNotFound {
		return data, err
	}
	data, lerr := e.postTo(ctx, legacyPrefix+path, body)
	var loe *OAuthError
	if errors.As(lerr, &loe) && loe.StatusCode == http.StatusNotFound {
		return nil, err // neither path exists: report the spec's
	}
	e.legacy.Store(true)
	return data, lerr
}

// postTo sends body as JSON to path and returns a 2xx body, or an *OAuthError.
func (e *endpoint) postTo(ctx context.Context, path string, body any) ([]byte, error) {
	payload, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("POST %s: encode body: %w", path, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.apiURL+path, bytes.NewReader(payload))
	if err != nil {
		return nil, fmt.Errorf("POST %s: build request: %w", path, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", hyperline.UserAgent(""))
	resp, err := e.hc.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is in the message already
		}
		return nil, fmt.Errorf("POST %s: %w", path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxOAuthBody))
	if err != nil {
		return nil, fmt.Errorf("POST %s: read response: %w", path, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, parseOAuthError(path, resp.StatusCode, data, secretValues(body))
	}
	return data, nil
}

// secretValues are the values of a token or revoke request that must never
// be repeated in an error, should the server echo the request.
func secretValues(req any) []string {
	body, _ := req.(map[string]string)
	var out []string
	for _, k := range []string{"client_secret", "code", "code_verifier", "refresh_token", "token"} {
		if v := body[k]; v != "" {
			out = append(out, v)
		}
	}
	return out
}

// parseOAuthError reads {"message"} or {"error","error_description"}, with
// every one of secrets blanked out of the server's text.
func parseOAuthError(path string, status int, data []byte, secrets []string) *OAuthError {
	var body struct {
		Message          string `json:"message"`
		Error            string `json:"error"`
		ErrorDescription string `json:"error_description"`
	}
	e := &OAuthError{Endpoint: path, StatusCode: status}
	if json.Unmarshal(data, &body) == nil {
		e.Code = oneLine(redact(body.Error, secrets))
		e.Description = oneLine(redact(firstNonEmpty(body.ErrorDescription, body.Message), secrets))
	}
	if e.Code == "" && e.Description == "" {
		e.Description = http.StatusText(status)
	}
	return e
}

// redact replaces each secret in s, before any truncation could leave
// part of one behind.
func redact(s string, secrets []string) string {
	for _, v := range secrets {
		s = strings.ReplaceAll(s, v, "[redacted]")
	}
	return s
}

// oneLine keeps server text short, on one line and free of control
// characters for error messages.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(termsafe.Line(s)), " ")
	if len(s) > 200 {
		cut := 200
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut-- // never split a character
		}
		s = s[:cut] + "…"
	}
	return s
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
