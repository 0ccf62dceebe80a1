package simulator

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

// Approve is a person's browser from start to end: it approves on the
// consent page (see Consent) and follows the redirect to the client's
// callback, as the demo and the tests that log in need. hc may be nil
// (http.DefaultClient).
func Approve(ctx context.Context, hc *http.Client, authorizeURL string) error {
	if hc == nil {
		hc = http.DefaultClient
	}
	redirect, err := Consent(ctx, hc, authorizeURL, true)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, redirect.String(), nil)
	if err != nil {
		return fmt.Errorf("callback: %w", err)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("callback: %w", err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.Body.Close()
}
