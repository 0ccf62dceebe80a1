package auth

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestParseRedirectURL(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want CallbackParams
		ok   bool
	}{
		{"http://127.0.0.1:8765/callback?code=abc&state=xyz", CallbackParams{Code: "abc", State: "xyz"}, true},
		{`  "<http://localhost:8765/callback?state=s&code=c#frag>"  `, CallbackParams{Code: "c", State: "s"}, true},
		{"?code=c&state=s", CallbackParams{Code: "c", State: "s"}, true},
		{"code=c&state=s", CallbackParams{Code: "c", State: "s"}, true},
		{"http://127.0.0.1:8765/callback?error=access_denied&error_description=no+way&state=s",
			CallbackParams{Error: "access_denied", ErrorDescription: "no way", State: "s"}, true},
		{"http://127.0.0.1:8765/callback", CallbackParams{}, false},
		{"http://127.0.0.1:8765/callback?state=s", CallbackParams{}, false},
		{"code=a&code=b&state=s", CallbackParams{}, false},
		{"", CallbackParams{}, false},
		{"hello", CallbackParams{}, false},
	} {
		got, err := ParseRedirectURL(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseRedirectURL(%q) = %+v, %v", tt.in, got, err)
		}
	}
}

func TestCallbackVerify(t *testing.T) {
	t.Parallel()
	if _, err := (CallbackParams{Code: "c", State: "other"}).verify("state"); !errors.Is(err, ErrStateMismatch) {
		t.Errorf("mismatch: %v", err)
	}
	// A forged error callback must not be believed either.
	if _, err := (CallbackParams{Error: "access_denied", State: "other"}).verify("state"); !errors.Is(err, ErrStateMismatch) {
		t.Errorf("forged error: %v", err)
	}
	_, err := (CallbackParams{Error: "access_denied", ErrorDescription: "The user said no", State: "state"}).verify("state")
	if !errors.Is(err, ErrConsentDenied) || !strings.Contains(err.Error(), "The user said no") {
		t.Errorf("denied: %v", err)
	}
	_, err = (CallbackParams{Error: "invalid_request", State: "state"}).verify("state")
	var ae *AuthorizationError
	if !errors.As(err, &ae) || errors.Is(err, ErrConsentDenied) {
		t.Errorf("other error: %v", err)
	}
}

func TestCallbackHandler(t *testing.T) {
	t.Parallel()
	var rejections int
	h := newCallbackHandler("/callback", "good", func(error, bool) { rejections++ })
	do := func(method, target string) int {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
		if rec.Code != http.StatusNotFound && rec.Code != http.StatusMethodNotAllowed {
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("%s %s: content type %q", method, target, ct)
			}
		}
		return rec.Code
	}
	steps := []struct {
		method, target string
		want           int
	}{
		{"GET", "/other?code=c&state=good", http.StatusNotFound},
		{"POST", "/callback?code=c&state=good", http.StatusMethodNotAllowed},
		{"GET", "/callback", http.StatusBadRequest},                  // not an attempt
		{"GET", "/callback?code=c&state=bad", http.StatusBadRequest}, // refused, keeps waiting
		{"GET", "/callback?code=c&state=good", http.StatusOK},        // the attempt
		{"GET", "/callback?code=c2&state=good", http.StatusConflict}, // already done
		{"GET", "/callback?code=c3&state=bad", http.StatusConflict},  // still done
	}
	for _, s := range steps {
		if got := do(s.method, s.target); got != s.want {
			t.Errorf("%s %s = %d, want %d", s.method, s.target, got, s.want)
		}
	}
	if rejections != 1 {
		t.Errorf("rejections = %d, want 1", rejections)
	}
	select {
	case res := <-h.results:
		if res.code != "c" || res.err != nil {
			t.Errorf("result = %+v", res)
		}
	default:
		t.Fatal("no result delivered")
	}
	if len(h.results) != 0 {
		t.Error("more than one result delivered")
	}
}

// FuzzParseCallback feeds arbitrary pasted text and callback queries to the
// parsers: they must not panic, and whatever they accept must carry a code
// or an error and survive being re-encoded as a callback URL.
func FuzzParseCallback(f *testing.F) {
	f.Add("http://127.0.0.1:8765/callback?code=abc&state=xyz")
	f.Add("?error=access_denied&state=s&error_description=denied")
	f.Add("code=%zz&state=1")
	f.Add(`"<http://[::1]:1/cb?code=a;b&state=s#x>"`)
	f.Add("http://h/callback?code=a&code=b")
	f.Fuzz(func(t *testing.T, in string) {
		p, err := ParseRedirectURL(in)
		if err != nil {
			return
		}
		if p.Code == "" && p.Error == "" {
			t.Fatalf("accepted %q without code or error", in)
		}
		// verify never panics and never accepts a wrong state.
		if _, err := p.verify(p.State + "x"); !errors.Is(err, ErrStateMismatch) {
			t.Fatalf("verify accepted a different state for %+v", p)
		}
		q := url.Values{}
		for k, v := range map[string]string{"code": p.Code, "state": p.State, "error": p.Error, "error_description": p.ErrorDescription} {
			if v != "" {
				q.Set(k, v)
			}
		}
		if p2, err := ParseCallbackQuery(q); err != nil || p2 != p {
			t.Fatalf("ParseCallbackQuery round trip of %+v gave %+v, %v", p, p2, err)
		}
		rebuilt := "http://127.0.0.1:8765/callback?" + q.Encode()
		if len(rebuilt) > maxPasteLen {
			return // escaping grew it past what a paste may be
		}
		again, err := ParseRedirectURL(rebuilt)
		if err != nil || again != p {
			t.Fatalf("round trip of %+v gave %+v, %v", p, again, err)
		}
	})
}

// TestCallbackPageIsInert sends what a hostile page could put in the
// callback URL: the answer must show it as text, run nothing, cache
// nothing, and hand the terminal no escape sequences.
func TestCallbackPageIsInert(t *testing.T) {
	t.Parallel()
	var rejected []error
	h := newCallbackHandler("/callback", "good", func(err error, _ bool) { rejected = append(rejected, err) })
	q := url.Values{
		"state":             {"good"},
		"error":             {"invalid_request\x1b]52;c;aGVsbG8=\x07"},
		"error_description": {"<script>alert(1)</script> \x1b[2J\u202eboom"},
	}
	for _, target := range []string{
		"/callback?" + q.Encode(),                          // the attempt: "Login failed"
		"/callback?" + q.Encode(),                          // already handled
		"/callback?state=x&error_description=%3Cscript%3E", // not an attempt
		"/elsewhere?error_description=%3Cscript%3E",        // 404
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		hdr := rec.Header()
		for name, want := range map[string]string{
			"Cache-Control":          "no-store",
			"Pragma":                 "no-cache",
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "no-referrer",
			"X-Frame-Options":        "DENY",
		} {
			if got := hdr.Get(name); got != want {
				t.Errorf("%s: %s = %q, want %q", target, name, got, want)
			}
		}
		csp := hdr.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "style-src 'sha256-", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: Content-Security-Policy %q lacks %q", target, csp, want)
			}
		}
		body := rec.Body.String()
		if strings.Contains(body, "<script") || strings.ContainsAny(body, "\x1b\x07\u202e") {
			t.Errorf("%s: page reflects raw input:\n%s", target, body)
		}
	}

	res := <-h.results
	var ae *AuthorizationError
	if !errors.As(res.err, &ae) {
		t.Fatalf("result = %+v", res)
	}
	msg := res.err.Error()
	if strings.ContainsAny(msg, "\x1b\x07\u202e") || !strings.Contains(msg, "<script>alert(1)</script> ␛[2Jboom") {
		t.Errorf("error for the terminal = %q", msg)
	}

	// The page of the attempt shows the same text, HTML-escaped.
	rec := httptest.NewRecorder()
	writePage(rec, http.StatusOK, "Login failed", msg)
	if !strings.Contains(rec.Body.String(), "&lt;script&gt;alert(1)&lt;/script&gt; ␛[2Jboom") {
		t.Errorf("page does not show the escaped description:\n%s", rec.Body.String())
	}
}

// TestCallbackStyleHash keeps the Content-Security-Policy in step with the
// page's inline style: a browser drops a style whose hash is not allowed.
func TestCallbackStyleHash(t *testing.T) {
	t.Parallel()
	rec := httptest.NewRecorder()
	writePage(rec, http.StatusOK, "t", "m")
	body := rec.Body.String()
	start, end := strings.Index(body, "<style>"), strings.Index(body, "</style>")
	if start < 0 || end < start {
		t.Fatalf("no style element:\n%s", body)
	}
	sum := sha256.Sum256([]byte(body[start+len("<style>") : end]))
	if want := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(rec.Header().Get("Content-Security-Policy"), want) {
		t.Errorf("Content-Security-Policy %q does not allow the page's style (%s)", rec.Header().Get("Content-Security-Policy"), want)
	}
}

func TestAuthorizationErrorIsTerminalSafe(t *testing.T) {
	t.Parallel()
	err := &AuthorizationError{Code: "access_denied", Description: "no\x1b[2J\u009b31m"}
	if got, want := err.Error(), "access denied on the Hyperline consent page: no␛[2J\ufffd31m"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
