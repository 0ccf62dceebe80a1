package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// fallbackUserAgent is sent by `hlx api` when Options.UserAgent is empty,
// in the API client's format.
const fallbackUserAgent = "hlx/dev (+https://github.com/hyperline-tui/hlx)"

// maxErrorShown bounds the part of an error body `hlx api` shows.
const maxErrorShown = 4 << 10

// API runs `hlx api [-X GET] PATH`: an authenticated GET of PATH (with its
// query) on the API, as the current account and for the company of opts
// (Hyperline-CompanyId), printing the JSON answer indented and
// terminal-safe (termsafe.JSON). Only GET is allowed: hlx is a read-only
// explorer. A non-2xx answer is shown on stderr and fails with exit 1.
//
// The client package has no exported raw request, so this is a plain
// request made with the session's token source (a 401 refreshes the token
// once) and the client's User-Agent. It does not pass the client's rate
// limiter: it is one request.
func API(ctx context.Context, opts Options, method, path string, stdout, stderr io.Writer) error {
	opts = opts.withDefaults()
	if method == "" {
		method = http.MethodGet
	}
	if !strings.EqualFold(method, http.MethodGet) {
		return usageError(fmt.Errorf("api: only GET is allowed (hlx is a read-only explorer), not %s", method))
	}
	rel, err := apiPath(path)
	if err != nil {
		return err
	}
	cs, err := openCompany(opts)
	if err != nil {
		return fail(err)
	}
	body, err := cs.get(ctx, rel, stderr)
	if err != nil {
		return fail(cs.companyError(err))
	}
	out, err := termsafe.JSON(body)
	if err != nil {
		return fail(fmt.Errorf("GET %s: the answer is not JSON: %w", rel.Path, err))
	}
	_, err = fmt.Fprintf(stdout, "%s\n", out)
	return fail(err)
}

// apiPath checks that path is a path on the API ("/v2/customers?limit=2"
// or "v2/customers"), never a URL that would send the token elsewhere.
func apiPath(path string) (*url.URL, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return nil, usageError(errors.New("api: name the path to GET, e.g. /v2/customers"))
	}
	u, err := url.Parse(path)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || strings.HasPrefix(path, "//") {
		return nil, usageError(fmt.Errorf("api: %q is not a path on the API such as /v2/customers", path))
	}
	if !strings.HasPrefix(path, "/") {
		// Parsed again rather than patched, so an escaped path
		// (a%2Fb) keeps its escapes.
		if u, err = url.Parse("/" + path); err != nil || u.Host != "" {
			return nil, usageError(fmt.Errorf("api: %q is not a path on the API such as /v2/customers", path))
		}
	}
	u.Fragment = ""
	return u, nil
}

// get sends GET rel to the API and returns the body of a 2xx JSON answer.
// Any other answer is shown on stderr and returned as an error.
func (cs *companySession) get(ctx context.Context, rel *url.URL, stderr io.Writer) ([]byte, error) {
	base := cs.client.Client().BaseURL()
	target := base + rel.String()
	tok, err := cs.ts.TokenContext(ctx)
	if err != nil {
		return nil, fmt.Errorf("GET %s: get access token: %w", rel.Path, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, fmt.Errorf("GET %s: build request: %w", rel.Path, err)
	}
	ua := cs.userAgent
	if ua == "" {
		ua = fallbackUserAgent
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	req.Header.Set("Hyperline-CompanyId", cs.companyID)
	resp, err := cs.hc.Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("GET %s: %w", rel.Path, ctxErr)
		}
		return nil, fmt.Errorf("GET %s: %w", rel.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, hyperline.DefaultMaxBodySize+1))
	if err != nil {
		return nil, fmt.Errorf("GET %s: read the answer: %w", rel.Path, err)
	}
	if len(body) > hyperline.DefaultMaxBodySize {
		return nil, fmt.Errorf("GET %s: the answer is larger than %d MiB", rel.Path, hyperline.DefaultMaxBodySize>>20)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		showErrorBody(stderr, resp.Header.Get("Content-Type"), body)
		apiErr := &hyperline.APIError{StatusCode: resp.StatusCode, Method: http.MethodGet, Path: rel.Path, Message: errorMessage(body)}
		return nil, apiErr
	}
	if media, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); media != "" && !strings.Contains(media, "json") {
		return nil, fmt.Errorf("GET %s: the answer is %s, not JSON", rel.Path, media)
	}
	return body, nil
}

// errorMessage is the "message" of a JSON error body, or "".
func errorMessage(body []byte) string {
	var e struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &e) == nil {
		return e.Message
	}
	return ""
}

// showErrorBody prints an error answer on stderr: JSON indented, anything
// else as text, both terminal-safe and the text bounded.
func showErrorBody(stderr io.Writer, contentType string, body []byte) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return
	}
	if out, err := termsafe.JSON(body); err == nil {
		fmt.Fprintf(stderr, "%s\n", out)
		return
	}
	text := string(body)
	if len(text) > maxErrorShown {
		text = text[:maxErrorShown] + "…"
	}
	media, _, _ := mime.ParseMediaType(contentType)
	if media == "" {
		media = "unknown type"
	}
	fmt.Fprintf(stderr, "(%s)\n%s\n", media, termsafe.Block(text))
}
