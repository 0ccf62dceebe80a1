package hyperline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// maxMessageLen bounds the Message of an APIError.
const maxMessageLen = 300

// checkResponse turns a non-2xx response into an *APIError. It reads at most
// maxErrorBodySize bytes of the body and never puts credentials in the message.
func (c *Client) checkResponse(resp *http.Response, method, path, token string) *APIError {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBodySize))
	// The token that was sent is replaced whatever its shape, and before
	// the message is cut: a cut through it would leave its start.
	if token != "" {
		body = bytes.ReplaceAll(body, []byte(token), []byte("[redacted]"))
		if escaped, err := json.Marshal(token); err == nil {
			// As a JSON string it may have its / escaped (\/) or <>&.
			inner := bytes.Trim(escaped, `"`)
			body = bytes.ReplaceAll(body, inner, []byte("[redacted]"))
			body = bytes.ReplaceAll(body, bytes.ReplaceAll(inner, []byte("/"), []byte(`\/`)), []byte("[redacted]"))
		}
	}
	msg := errorMessage(resp.StatusCode, resp.Header.Get("Content-Type"), body)
	now := c.now()
	apiErr := &APIError{
		StatusCode: resp.StatusCode,
		Message:    msg,
		Method:     method,
		Path:       path,
		RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), now),
	}
	if apiErr.RetryAfter > 0 {
		apiErr.RetryAt = now.Add(apiErr.RetryAfter)
	}
	return apiErr
}

// errorMessage summarises an error body: the {"message"} text when there is
// one, otherwise what kind of body came back.
func errorMessage(status int, contentType string, body []byte) string {
	text := http.StatusText(status)
	if text == "" {
		text = "HTTP " + strconv.Itoa(status)
	}
	body = bytes.TrimSpace(body)
	media, _, _ := mime.ParseMediaType(contentType)
	switch {
	case len(body) == 0:
		return text
	case isJSONMedia(media) || body[0] == '{':
		if m := jsonErrorMessage(body); m != "" {
			return clip(m)
		}
		return text + " (JSON body without a message)"
	case media == "text/html" || body[0] == '<':
		return text + " (HTML body)"
	case utf8.Valid(body) && (media == "text/plain" || media == ""):
		if line := firstLine(body); line != "" && printable(line) {
			return clip(line)
		}
	}
	return fmt.Sprintf("%s (%d-byte %s body)", text, len(body), orUnknown(media))
}

// jsonErrorMessage reads the documented {"message": "..."} shape, a list of
// messages (validation errors), and the OAuth {"error","error_description"} one.
func jsonErrorMessage(body []byte) string {
	var e struct {
		Message          json.RawMessage `json:"message"`
		Error            string          `json:"error"`
		ErrorDescription string          `json:"error_description"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	var s string
	if json.Unmarshal(e.Message, &s) == nil && s != "" {
		return s
	}
	var list []string
	if json.Unmarshal(e.Message, &list) == nil && len(list) > 0 {
		return strings.Join(list, "; ")
	}
	switch {
	case e.Error != "" && e.ErrorDescription != "":
		return e.Error + ": " + e.ErrorDescription
	case e.ErrorDescription != "":
		return e.ErrorDescription
	}
	return e.Error
}

func isJSONMedia(media string) bool {
	return media == "application/json" || strings.HasSuffix(media, "+json")
}

func firstLine(b []byte) string {
	s := string(b)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func printable(s string) bool {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// clip makes a server's message one terminal-safe line (controls, bidi
// overrides and zero-width characters would otherwise reach whoever
// prints the error) and bounds its length.
func clip(s string) string {
	s = termsafe.Line(s)
	if utf8.RuneCountInString(s) <= maxMessageLen {
		return s
	}
	return string([]rune(s)[:maxMessageLen]) + "…"
}

func orUnknown(media string) string {
	if media == "" {
		return "untyped"
	}
	return media
}

// parseRetryAfter reads Retry-After as delay-seconds or an HTTP date.
// Anything else, or a date in the past, is no delay.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		// Cap absurd values instead of overflowing; the retry budget decides anyway.
		return time.Duration(min(secs, 24*3600)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// decodeSuccess reads a 2xx JSON body (bounded) into cl.out.
func (c *Client) decodeSuccess(ctx context.Context, resp *http.Response, cl call) error {
	if cl.out == nil {
		// Nothing to decode (DELETE answers 204): whatever came back is
		// drained, bounded, so the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBodySize))
		return nil
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" && resp.StatusCode != http.StatusNoContent {
		if media, _, err := mime.ParseMediaType(ct); err != nil || !isJSONMedia(media) {
			// Drain a little so the connection can be reused, then report.
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBodySize))
			return malformed(cl.method, cl.path, "expected JSON, got %q", ct)
		}
	}
	body, err := readBody(resp.Body, resp.ContentLength, c.maxBody+1)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return fmt.Errorf("hyperline: %s %s: read body: %w", cl.method, cl.path, ctxErr)
		}
		// Both: the body is unusable (malformed) and the cause is the
		// connection (retryable for GETs).
		return fmt.Errorf("%w: %s %s: read body: %w", ErrMalformedResponse, cl.method, cl.path,
			&transportError{method: cl.method, path: cl.path, err: redactURLError(err)})
	}
	if int64(len(body)) > c.maxBody {
		return malformed(cl.method, cl.path, "body larger than %d bytes", c.maxBody)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return malformed(cl.method, cl.path, "empty body (status %d)", resp.StatusCode)
	}
	if raw, ok := cl.out.(*rawBody); ok {
		*raw = body // checked by the caller's decoding, in the same pass
		return nil
	}
	if err := decodeObject(body, cl.out); err != nil {
		return bodyError(cl.method, cl.path, fmt.Sprintf("decode %d bytes", len(body)), body, err)
	}
	return nil
}

// readBody reads at most limit bytes of r. When the length is known, the
// buffer is made that size at once, instead of growing by copies to as much
// as twice the body.
func readBody(r io.Reader, length, limit int64) ([]byte, error) {
	if length < 0 || length >= limit {
		return io.ReadAll(io.LimitReader(r, limit))
	}
	// bytes.MinRead more, so that reading to the end needs no new room.
	buf := bytes.NewBuffer(make([]byte, 0, length+bytes.MinRead))
	_, err := buf.ReadFrom(io.LimitReader(r, limit))
	return buf.Bytes(), err
}
