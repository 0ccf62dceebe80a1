package auth

import (
	"errors"
	"io"
	"net/http"
	"strings"
)

// Transport wraps base (nil: http.DefaultTransport) so that a request the
// API answers with 401 is retried once with a new access token: the token
// in its Authorization header is passed to ForceRefresh, which refreshes or
// adopts a newer token stored by another process. If that ends in "login
// required", the request fails with an error matching ErrLoginRequired
// instead of the 401, so the caller can send the user to log in.
//
// Use it under the API client: hyperline.New(url, ts,
// hyperline.WithHTTPClient(&http.Client{Transport: ts.Transport(nil)})).
func (ts *TokenSource) Transport(base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &retryTransport{ts: ts, base: base}
}

type retryTransport struct {
	ts   *TokenSource
	base http.RoundTripper
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, err
	}
	header := req.Header.Get("Authorization")
	rejected, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || rejected == "" {
		return resp, nil
	}
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		return resp, nil // the body cannot be sent twice
	}
	tok, ferr := t.ts.ForceRefresh(req.Context(), rejected)
	if ferr != nil {
		if errors.Is(ferr, ErrLoginRequired) {
			drain(resp)
			return nil, ferr
		}
		return resp, nil // refresh failed for another reason: report the 401
	}
	if tok.AccessToken == rejected {
		return resp, nil
	}
	retry := req.Clone(req.Context())
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return resp, nil
		}
		retry.Body = body
	}
	retry.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	drain(resp)
	return t.base.RoundTrip(retry)
}

// drain lets the connection be reused.
func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}
