// Package debuglog keeps a redacted record of hlx's HTTP exchanges with
// Hyperline, for `hlx --debug` and for the screen that shows recent
// requests and errors.
//
// A Logger wraps an http.RoundTripper and writes one JSON object per line
// for every exchange: when, what (method, host, path, query), for which
// company, which attempt, how it ended (status, duration, rate-limit
// headers, the start of an error body, a transport error). The log is
// meant to be attached to a support ticket, so it is built from an
// allowlist: headers other than Hyperline-CompanyId, the rate-limit ones
// and the request id are never looked at, request bodies are read only for
// the OAuth endpoints and then only as field names with redacted secrets,
// and every value that comes from a query, a body or an error message is
// redacted by key name (access_token, code, state, client_secret, …) and
// scrubbed of anything that looks like a bearer token or an API key. Text
// from the server goes through termsafe.Line, so reading the log with cat
// cannot drive the terminal either.
package debuglog

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"time"
)

// Logger records HTTP exchanges to a writer and, optionally, to a Recent
// ring. It is safe for concurrent use: one Logger can serve every client of
// the process.
type Logger struct {
	recent *Recent
	now    func() time.Time

	mu sync.Mutex // serialises writes so concurrent records never interleave
	w  io.Writer
}

// Option configures a Logger.
type Option func(*Logger)

// WithRecent also keeps each record in r, for a screen that shows the last
// requests and errors.
func WithRecent(r *Recent) Option {
	return func(l *Logger) { l.recent = r }
}

// New returns a Logger that writes JSON lines to w. A nil w keeps records
// only in the Recent ring, if one is given.
func New(w io.Writer, opts ...Option) *Logger {
	l := &Logger{w: w, now: time.Now}
	for _, opt := range opts {
		opt(l)
	}
	return l
}

// Transport wraps base (http.DefaultTransport if nil) so that every
// exchange through it is recorded. The request is not modified, and the
// response body reads in full as if nothing had looked at it.
func (l *Logger) Transport(base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &transport{base: base, log: l}
}

// attemptKey is the context key of WithAttempt.
type attemptKey struct{}

// WithAttempt tells the Logger that requests made with ctx are attempt n
// (1 for the first try, 2 for the first retry, …) of one API call, so the
// log shows retries as such.
func WithAttempt(ctx context.Context, n int) context.Context {
	return context.WithValue(ctx, attemptKey{}, n)
}

// attemptOf is the attempt number set by WithAttempt, or 0.
func attemptOf(ctx context.Context) int {
	n, _ := ctx.Value(attemptKey{}).(int)
	return n
}

// add writes rec and keeps it in the ring. A failed write is ignored: the
// debug log must never be the reason a request fails.
func (l *Logger) add(rec Record) {
	if l.recent != nil {
		l.recent.Add(rec)
	}
	if l.w == nil {
		return
	}
	line, err := json.Marshal(rec)
	if err != nil {
		return
	}
	line = append(line, '\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	_, _ = l.w.Write(line)
}
