package debuglog

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

const (
	// maxMessage bounds the error-body excerpt kept in a record.
	maxMessage = 300
	// maxPeek is how much of a body is read to redact it: more than is
	// kept, so a secret that straddles maxMessage is still seen whole.
	maxPeek = 4 << 10
)

// transport is the RoundTripper returned by Logger.Transport.
type transport struct {
	base http.RoundTripper
	log  *Logger
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	var known knownSecrets
	known.addHeaders(req.Header)
	rec := Record{
		Time:    t.log.now(),
		Method:  termsafe.Line(req.Method),
		Company: redactText(req.Header.Get("Hyperline-CompanyId")),
		Attempt: attemptOf(req.Context()),
	}
	if u := req.URL; u != nil {
		rec.Host = termsafe.Line(u.Scheme + "://" + u.Host) // u.Host never holds user:password
		rec.Path = redactText(u.Path)
		rec.Query = redactQuery(u.RawQuery, &known)
		if strings.Contains(u.Path, "/oauth/") {
			rec.Form = oauthForm(req, &known)
		}
	}
	resp, err := t.base.RoundTrip(req)
	rec.Duration = t.log.now().Sub(rec.Time)
	if err != nil {
		rec.Error = redactText(known.scrub(err.Error()))
		t.log.add(rec)
		return resp, err
	}
	rec.Status = resp.StatusCode
	rec.RequestID = redactText(firstHeader(resp.Header, "X-Request-Id", "Request-Id"))
	rec.RateLimit = rateLimitHeaders(resp.Header)
	if resp.StatusCode >= 400 && resp.Body != nil {
		rec.Message = peekMessage(resp, known)
	}
	t.log.add(rec)
	return resp, nil
}

// oauthForm lists the fields of an OAuth request body. The body is read
// through GetBody, a fresh copy, because a RoundTripper must not consume
// the request it sends; without GetBody the body is left alone.
func oauthForm(req *http.Request, known *knownSecrets) string {
	if req.GetBody == nil || req.Body == nil || req.Body == http.NoBody {
		return ""
	}
	body, err := req.GetBody()
	if err != nil {
		return ""
	}
	defer body.Close()
	b, err := io.ReadAll(io.LimitReader(body, maxPeek))
	if err != nil {
		return ""
	}
	return redactFields(b, req.Header.Get("Content-Type"), known)
}

// peekMessage reads the start of an error body, puts it back in front of
// the rest so the caller still reads it all, and returns it redacted: by
// key, by shape, and by the secrets the request is known to have carried.
func peekMessage(resp *http.Response, known knownSecrets) string {
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxPeek))
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(b), resp.Body), resp.Body}
	if err != nil && len(b) == 0 {
		return ""
	}
	return truncate(redactText(known.scrub(string(redactJSON(b)))), maxMessage)
}

// rateLimitHeaders picks the headers that say how close hlx is to
// Hyperline's rate limits.
func rateLimitHeaders(h http.Header) map[string]string {
	var out map[string]string
	for name, values := range h {
		lower := strings.ToLower(name)
		if !strings.HasPrefix(lower, "x-ratelimit-") && !strings.HasPrefix(lower, "ratelimit") && lower != "retry-after" {
			continue
		}
		if out == nil {
			out = make(map[string]string)
		}
		out[termsafe.Line(name)] = redactText(strings.Join(values, ", "))
	}
	return out
}

func firstHeader(h http.Header, names ...string) string {
	for _, n := range names {
		if v := h.Get(n); v != "" {
			return v
		}
	}
	return ""
}

// truncate cuts s to at most n bytes on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
