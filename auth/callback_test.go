package auth

import (
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
