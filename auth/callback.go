package auth

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// CallbackParams are the query parameters of the redirect back to hlx:
// code and state on success, error (and error_description) on failure.
type CallbackParams struct {
	Code             string
	State            string
	Error            string
	ErrorDescription string
}

// maxPasteLen bounds a pasted redirect URL.
const maxPasteLen = 8 << 10

// ParseCallbackQuery extracts CallbackParams from a callback query. It
// fails when there is neither a code nor an error, or when a parameter is
// repeated (an ambiguous callback is refused rather than guessed at).
func ParseCallbackQuery(q url.Values) (CallbackParams, error) {
	for _, name := range []string{"code", "state", "error", "error_description"} {
		if len(q[name]) > 1 {
			return CallbackParams{}, fmt.Errorf("callback parameter %q is repeated", name)
		}
	}
	p := CallbackParams{
		Code:             q.Get("code"),
		State:            q.Get("state"),
		Error:            q.Get("error"),
		ErrorDescription: q.Get("error_description"),
	}
	if p.Code == "" && p.Error == "" {
		return CallbackParams{}, errors.New("callback has neither a code nor an error")
	}
	return p, nil
}

// ParseRedirectURL reads what a user pasted: the full URL the browser was
// redirected to (http://127.0.0.1:8765/callback?code=…&state=…), or just
// its query string. Surrounding spaces, quotes and angle brackets that
// terminals and chat tools add are ignored.
func ParseRedirectURL(pasted string) (CallbackParams, error) {
	s := strings.TrimSpace(pasted)
	s = strings.Trim(s, `"'<>`)
	if s == "" {
		return CallbackParams{}, errors.New("nothing pasted")
	}
	if len(s) > maxPasteLen {
		return CallbackParams{}, errors.New("pasted text is too long to be a redirect URL")
	}
	if !strings.Contains(s, "=") {
		return CallbackParams{}, errors.New("expected the full address the browser was sent to (…/callback?code=…&state=…)")
	}
	raw := s
	if i := strings.IndexByte(s, '?'); i >= 0 {
		raw = s[i+1:]
	} else if strings.Contains(s, "://") {
		return CallbackParams{}, errors.New("the pasted URL has no query (expected …/callback?code=…&state=…)")
	}
	if i := strings.IndexByte(raw, '#'); i >= 0 {
		raw = raw[:i]
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return CallbackParams{}, fmt.Errorf("parse pasted URL: %w", err)
	}
	return ParseCallbackQuery(q)
}

// verify checks p against the state hlx sent and returns the code. The state
// is compared in constant time and checked before anything else, so a
// forged callback can neither trigger an exchange nor show its own error.
func (p CallbackParams) verify(wantState string) (string, error) {
	// An absent state is a mismatch whatever was expected: no state sent
	// is no proof the callback answers this login.
	if p.State == "" || wantState == "" || subtle.ConstantTimeCompare([]byte(p.State), []byte(wantState)) != 1 {
		return "", ErrStateMismatch
	}
	if p.Error != "" {
		// Anyone who can send the browser to the loopback port writes these,
		// and they end up on the terminal: no escape sequences.
		return "", &AuthorizationError{
			Code:        termsafe.Line(oneLine(p.Error)),
			Description: termsafe.Line(oneLine(p.ErrorDescription)),
		}
	}
	return p.Code, nil
}

// callbackResult is the outcome of the completed attempt.
type callbackResult struct {
	code      string
	err       error
	fromPaste bool
}

// callbackHandler serves the redirect URI's path. It accepts exactly one
// completed attempt: a callback or paste with the right state carrying a
// code or an error. A wrong state is refused without counting as an
// attempt, so a stray request (any web page can reach a loopback port)
// cannot end the login; it is reported through rejected.
type callbackHandler struct {
	path     string
	state    string
	results  chan callbackResult // buffered, capacity 1
	rejected func(err error, fromPaste bool)

	mu   sync.Mutex
	done bool
}

func newCallbackHandler(path, state string, rejected func(error, bool)) *callbackHandler {
	return &callbackHandler{path: path, state: state, results: make(chan callbackResult, 1), rejected: rejected}
}

// deliver checks p and records it if it completes the attempt. It returns
// the verification error, and whether the attempt was already complete.
func (h *callbackHandler) deliver(p CallbackParams, fromPaste bool) (late bool, err error) {
	code, err := p.verify(h.state)
	h.mu.Lock()
	if h.done {
		h.mu.Unlock()
		return true, err
	}
	if errors.Is(err, ErrStateMismatch) {
		h.mu.Unlock()
		h.rejected(err, fromPaste)
		return false, err
	}
	h.done = true
	h.results <- callbackResult{code: code, err: err, fromPaste: fromPaste}
	h.mu.Unlock()
	return false, err
}

func (h *callbackHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setPageHeaders(w.Header())
	if r.URL.Path != h.path {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p, err := ParseCallbackQuery(r.URL.Query())
	if err != nil {
		// Not an attempt (a stray request, a favicon probe): keep waiting.
		writePage(w, http.StatusBadRequest, "Not a login callback", err.Error()+".")
		return
	}
	late, err := h.deliver(p, false)
	switch {
	case late:
		writePage(w, http.StatusConflict, "Login already handled",
			"This hlx login attempt is already complete. You can close this window.")
	case errors.Is(err, ErrStateMismatch):
		writePage(w, http.StatusBadRequest, "Login refused",
			"This callback does not belong to the login hlx is waiting for (state mismatch), so it was ignored. "+
				"If you started several logins, use the newest link.")
	case err != nil:
		writePage(w, http.StatusOK, "Login failed", err.Error()+". You can close this window and try again.")
	default:
		writePage(w, http.StatusOK, "Authorization received",
			"hlx is finishing the login in your terminal. You can close this window.")
	}
}

// pageStyle is the callback page's only style. The Content-Security-Policy
// allows exactly this inline style, by hash, and nothing else: no script,
// no images, no forms, no framing.
const pageStyle = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}`

// pageTemplate escapes Title and Message (html/template), so an
// error_description like <script> shows as text.
var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>hlx — {{.Title}}</title>
<style>` + pageStyle + `</style>
</head><body><h1>{{.Title}}</h1><p>{{.Message}}</p></body></html>
`))

// contentSecurityPolicy forbids everything but pageStyle.
var contentSecurityPolicy = func() string {
	sum := sha256.Sum256([]byte(pageStyle))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; " +
		"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}()

// setPageHeaders marks every response of the callback handler, errors
// included: the URL that reached it carries an authorization code, so
// nothing may be cached, sent on as a referrer, sniffed, framed or run.
func setPageHeaders(h http.Header) {
	h.Set("Cache-Control", "no-store")
	h.Set("Pragma", "no-cache")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", contentSecurityPolicy)
}

// writePage answers the browser with a small self-contained page.
func writePage(w http.ResponseWriter, status int, title, message string) {
	h := w.Header()
	setPageHeaders(h)
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_ = pageTemplate.Execute(w, struct{ Title, Message string }{title, message})
}

// isDone reports whether the attempt is complete.
func (h *callbackHandler) isDone() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.done
}
