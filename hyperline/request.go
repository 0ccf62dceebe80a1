package hyperline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"

	"github.com/hyperline-tui/hlx/hyperline/debuglog"
)

// call is one logical API call; send may make several attempts at it.
type call struct {
	method, path string
	query        url.Values
	body         any
	out          any    // JSON target; *rawBody keeps the bytes; nil discards
	company      string // Hyperline-CompanyId, empty for unscoped calls
	accept       string // default application/json
	// stream, when set, handles a 2xx response instead of JSON decoding
	// (downloads). It is never retried once it has been called.
	stream func(*http.Response) error
}

// rawBody receives the bytes of a JSON success body, for callers (the list
// decoder) that decode it themselves, checking its syntax as they go.
type rawBody []byte

// send runs a call: it encodes the body once, then attempts the request,
// retrying GETs on transient failures according to the retry policy.
func (c *Client) send(ctx context.Context, cl call) error {
	var payload []byte
	if cl.body != nil {
		var err error
		if payload, err = json.Marshal(cl.body); err != nil {
			return fmt.Errorf("hyperline: %s %s: encode body: %w", cl.method, cl.path, err)
		}
	}
	idempotent := cl.method == http.MethodGet || cl.method == http.MethodHead
	start := c.now()
	for attempt := 1; ; attempt++ {
		err := c.attempt(debuglog.WithAttempt(ctx, attempt), cl, payload)
		if err == nil {
			return nil
		}
		if !idempotent || attempt >= c.retry.MaxAttempts || !retryable(ctx, err) {
			return err
		}
		delay := c.retry.delay(attempt, retryAfterOf(err))
		if c.retry.MaxElapsed > 0 && c.now().Sub(start)+delay > c.retry.MaxElapsed {
			return err // waiting would overrun the budget: report the last failure now
		}
		if deadline, ok := ctx.Deadline(); ok && c.now().Add(delay).After(deadline) {
			return err
		}
		if serr := c.retry.Sleep(ctx, delay); serr != nil {
			return fmt.Errorf("hyperline: %s %s: stopped waiting to retry (%v): %w", cl.method, cl.path, err, serr)
		}
	}
}

// attempt makes one HTTP request and maps its outcome.
func (c *Client) attempt(ctx context.Context, cl call, payload []byte) error {
	if lim := c.limiterFor(cl.method); lim != nil {
		if err := lim.Wait(ctx); err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				err = ctxErr
			} else if _, ok := ctx.Deadline(); ok {
				// The limiter refuses at once a wait that would outlast the
				// deadline; report it as the deadline it will hit.
				err = fmt.Errorf("%v: %w", err, context.DeadlineExceeded)
			}
			return fmt.Errorf("hyperline: %s %s: rate limiter: %w", cl.method, cl.path, err)
		}
	}
	tok, err := c.token(ctx)
	if err != nil {
		// Wrapped with %w and otherwise untouched: the auth package's
		// "login required" sentinel must stay visible to errors.Is.
		return fmt.Errorf("hyperline: %s %s: get access token: %w", cl.method, cl.path, err)
	}
	if tok == nil || tok.AccessToken == "" {
		return fmt.Errorf("hyperline: %s %s: token source returned no access token", cl.method, cl.path)
	}

	resp, err := c.roundTrip(ctx, cl, payload, tok.AccessToken)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		fresh, err := c.reauthorize(ctx, tok.AccessToken)
		if err != nil {
			drain(resp)
			return fmt.Errorf("hyperline: %s %s: %w", cl.method, cl.path, err)
		}
		if fresh != nil {
			drain(resp)
			tok = fresh
			if resp, err = c.roundTrip(ctx, cl, payload, tok.AccessToken); err != nil {
				return err
			}
		}
	}
	defer resp.Body.Close()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return c.checkResponse(resp, cl.method, cl.path, tok.AccessToken)
	}
	if cl.stream != nil {
		return cl.stream(resp)
	}
	return c.decodeSuccess(ctx, resp, cl)
}

// roundTrip sends one request of a call with accessToken: the one place
// the Authorization header is set.
func (c *Client) roundTrip(ctx context.Context, cl call, payload []byte, accessToken string) (*http.Response, error) {
	target := c.base + cl.path
	if len(cl.query) > 0 {
		target += "?" + cl.query.Encode()
	}
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, target, body)
	if err != nil {
		return nil, fmt.Errorf("hyperline: %s %s: build request: %w", cl.method, cl.path, err)
	}
	accept := cl.accept
	if accept == "" {
		accept = "application/json"
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("User-Agent", c.userAgent)
	// Not tok.SetAuthHeader: Hyperline answers token_type "bearer" and the
	// docs spell the scheme "Bearer" for both API keys and OAuth tokens.
	req.Header.Set("Authorization", "Bearer "+accessToken)
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if cl.company != "" {
		req.Header.Set("Hyperline-CompanyId", cl.company)
	}

	resp, err := c.hc.Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("hyperline: %s %s: %w", cl.method, cl.path, ctxErr)
		}
		return nil, &transportError{method: cl.method, path: cl.path, err: redactURLError(err)}
	}
	return resp, nil
}

// TokenRefresher is a token source that can replace a token the API
// refused (auth.TokenSource). New sees it in the token source it is given,
// so a client that sends its tokens also renews them on a 401: no caller
// builds one without the other.
type TokenRefresher interface {
	// ForceRefresh returns a token other than rejected (refreshed, or a
	// newer one another process stored), or an error; one matching
	// ErrLoginRequired means no token can be had without a new login.
	ForceRefresh(ctx context.Context, rejected string) (*oauth2.Token, error)
}

// reauthorize is the token to send again after the API refused rejected
// with a 401: nil (report the 401) when the token source cannot renew it or
// the refresh failed for a passing reason, an error when the user must log
// in again.
func (c *Client) reauthorize(ctx context.Context, rejected string) (*oauth2.Token, error) {
	r, ok := c.ts.(TokenRefresher)
	if !ok || rejected == "" {
		return nil, nil
	}
	tok, err := r.ForceRefresh(ctx, rejected)
	switch {
	case err != nil && errors.Is(err, ErrLoginRequired):
		return nil, err
	case err != nil || tok == nil || tok.AccessToken == "" || tok.AccessToken == rejected:
		return nil, nil
	}
	return tok, nil
}

// drain reads what is left of a body that will not be used, so the
// connection can be reused, and closes it.
func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}

// ContextTokenSource is a token source that can bound the wait for a token
// with a context, as auth.TokenSource does. The client uses TokenContext
// when its token source has it, so a call whose context ends stops waiting
// for a refresh it no longer needs.
type ContextTokenSource interface {
	oauth2.TokenSource
	TokenContext(ctx context.Context) (*oauth2.Token, error)
}

// token gets the access token for one attempt, under ctx when it can.
func (c *Client) token(ctx context.Context) (*oauth2.Token, error) {
	if cts, ok := c.ts.(ContextTokenSource); ok {
		return cts.TokenContext(ctx)
	}
	return c.ts.Token()
}

// transportError is a failure below HTTP: refused, reset, closed early.
type transportError struct {
	method, path string
	err          error
}

func (e *transportError) Error() string {
	return fmt.Sprintf("hyperline: %s %s: %v", e.method, e.path, e.err)
}

func (e *transportError) Unwrap() error { return e.err }

// redactURLError drops the query string from a *url.Error: the message then
// names the endpoint without echoing filters back into logs.
func redactURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil {
			u.RawQuery, u.User = "", nil
			return &url.Error{Op: ue.Op, URL: u.String(), Err: ue.Err}
		}
	}
	return err
}
