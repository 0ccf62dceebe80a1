package simulator

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

var (
	// These match the simulator's own pages, tag by tag, attribute by
	// attribute, so attribute order and quoting style do not matter.
	tagPattern   = regexp.MustCompile(`(?is)<(form|input|button)\b([^>]*)>`)
	attrPattern  = regexp.MustCompile(`(?is)([a-z][a-z0-9_-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	errorPattern = regexp.MustCompile(`(?is)<h1>(.*?)</h1>\s*<p class="error">(.*?)</p>`)
)

// Consent plays a person's browser against the authorize endpoint: it GETs
// authorizeURL, reads the consent form, presses Approve (or Deny) and
// returns where the browser would be sent (redirect_uri?code=..&state=.. or
// ?error=access_denied&state=..) without following it. With
// Config.AutoApprove, or when authorize redirects at once with an error,
// that first redirect is returned. hc may be nil (http.DefaultClient).
func Consent(ctx context.Context, hc *http.Client, authorizeURL string, approve bool) (*url.URL, error) {
	if hc == nil {
		hc = http.DefaultClient
	}
	browser := *hc
	browser.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, authorizeURL, nil)
	if err != nil {
		return nil, fmt.Errorf("consent: build authorize request: %w", err)
	}
	req.Header.Set("Accept", "text/html")
	page, loc, err := fetchPage(&browser, req)
	if err != nil || loc != nil {
		return loc, err
	}
	action, fields, err := parseConsentForm(page)
	if err != nil {
		return nil, fmt.Errorf("consent: %w", err)
	}
	target, err := req.URL.Parse(action)
	if err != nil {
		return nil, fmt.Errorf("consent: form action %q: %w", action, err)
	}
	fields.Set("decision", "deny")
	if approve {
		fields.Set("decision", "approve")
	}
	post, err := http.NewRequestWithContext(ctx, http.MethodPost, target.String(), strings.NewReader(fields.Encode()))
	if err != nil {
		return nil, fmt.Errorf("consent: build form submission: %w", err)
	}
	post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	_, loc, err = fetchPage(&browser, post)
	if err != nil {
		return nil, err
	}
	if loc == nil {
		return nil, errors.New("consent: submitting the form did not redirect")
	}
	return loc, nil
}

// fetchPage does req and returns either the page (2xx) or the redirect
// target (3xx); other statuses become errors carrying the page's message.
func fetchPage(hc *http.Client, req *http.Request) (string, *url.URL, error) {
	resp, err := hc.Do(req)
	if err != nil {
		return "", nil, fmt.Errorf("consent: %s %s: %w", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", nil, fmt.Errorf("consent: read %s: %w", req.URL.Path, err)
	}
	switch {
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		loc, err := resp.Location()
		if err != nil {
			return "", nil, fmt.Errorf("consent: %s %s: redirect without Location: %w", req.Method, req.URL.Path, err)
		}
		return "", loc, nil
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return string(body), nil, nil
	}
	msg := resp.Status
	if m := errorPattern.FindStringSubmatch(string(body)); m != nil {
		msg += ": " + html.UnescapeString(strings.TrimSpace(m[1])) + ": " + html.UnescapeString(strings.TrimSpace(m[2]))
	}
	return "", nil, fmt.Errorf("consent: %s %s: %s", req.Method, req.URL.Path, msg)
}

// parseConsentForm finds the POST form with Approve and Deny buttons and
// returns its action and hidden fields.
func parseConsentForm(page string) (action string, fields url.Values, err error) {
	fields = url.Values{}
	inForm, found := false, false
	decisions := map[string]bool{}
	for _, m := range tagPattern.FindAllStringSubmatch(page, -1) {
		attrs := map[string]string{}
		for _, a := range attrPattern.FindAllStringSubmatch(m[2], -1) {
			attrs[strings.ToLower(a[1])] = html.UnescapeString(a[2] + a[3])
		}
		switch strings.ToLower(m[1]) {
		case "form":
			if found {
				return "", nil, errors.New("more than one form on the consent page")
			}
			if !strings.EqualFold(attrs["method"], "post") {
				return "", nil, errors.New("consent form does not POST")
			}
			action, inForm, found = attrs["action"], true, true
		case "input":
			if inForm && strings.EqualFold(attrs["type"], "hidden") && attrs["name"] != "" {
				fields.Add(attrs["name"], attrs["value"])
			}
		case "button":
			if inForm && attrs["name"] == "decision" {
				decisions[attrs["value"]] = true
			}
		}
	}
	switch {
	case !found:
		return "", nil, errors.New("no form on the consent page")
	case !decisions["approve"] || !decisions["deny"]:
		return "", nil, errors.New("consent form lacks Approve and Deny buttons")
	}
	return action, fields, nil
}
