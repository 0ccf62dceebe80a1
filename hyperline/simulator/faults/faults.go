// Package faults puts a misbehaving network between a client and a
// server for tests: an httptest proxy that forwards to the simulator (or
// any origin) and, on the requests a Rule picks, answers 503 pages, 429
// bursts with Retry-After, resets the connection, cuts a body short, sends
// malformed JSON, answers slowly, or accepts a request and never answers.
// hlx's client, explorer and command tests run through it.
package faults

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Kind is one way the proxy misbehaves.
type Kind string

// The faults a Rule can inject.
const (
	// None forwards every request.
	None Kind = ""
	// Unavailable answers 503 with a load balancer's HTML page.
	Unavailable Kind = "503"
	// RateLimited answers 429 with Retry-After (Rule.RetryAfter) and a
	// JSON error body.
	RateLimited Kind = "429"
	// Reset closes the connection with a TCP reset before any answer.
	Reset Kind = "reset"
	// Truncated forwards the answer but cuts its body in half, under a
	// Content-Length that promises all of it.
	Truncated Kind = "truncated"
	// Malformed answers 200 with a JSON body that does not parse.
	Malformed Kind = "malformed"
	// Slow forwards the answer after Rule.Delay.
	Slow Kind = "slow"
	// Hang accepts the request and never answers, until the client gives
	// up or the proxy closes.
	Hang Kind = "hang"
	// HostileError answers 500 with a JSON error whose message carries
	// terminal escapes, bidi overrides and zero-width characters.
	HostileError Kind = "hostile-error"
)

// Kinds lists every fault, for tests that run a matrix.
func Kinds() []Kind {
	return []Kind{Unavailable, RateLimited, Reset, Truncated, Malformed, Slow, Hang, HostileError}
}

// HostileMessage is the error message HostileError sends.
const HostileMessage = "Internal\x1b]52;c;SE9TVElMRQ==\x07 error \u202efdp.exe\u202c\u200b\x1b[2J at \u009b31mnode 7"

// Rule says which requests fail and how.
type Rule struct {
	Kind Kind
	// Count is how many matching requests fail, from now on; 0 means all
	// of them (until the next Set).
	Count int
	// Paths are the path prefixes the rule applies to; nil means every
	// request except the OAuth endpoints (/oauth/), so that a token
	// refresh still works while the data requests fail.
	Paths []string
	// RetryAfter is the Retry-After header of RateLimited, in seconds
	// (0 means 1).
	RetryAfter int
	// Delay is how long Slow waits before forwarding (0 means 2s).
	Delay time.Duration
}

// Proxy is a running fault-injecting proxy. Its zero value is not usable:
// use Start.
type Proxy struct {
	// URL is the proxy's base URL, to give the client in place of the
	// origin's.
	URL string

	srv    *httptest.Server
	origin *httputil.ReverseProxy
	done   chan struct{} // closed by Close: hanging requests end
	once   sync.Once

	mu       sync.Mutex
	rule     Rule
	left     int // requests the rule still fails when Count > 0
	injected map[Kind]int
	seen     int
	events   chan Kind
}

// Start runs a proxy in front of origin (a base URL such as the
// simulator's). It forwards everything until Set gives it a rule.
func Start(origin string) (*Proxy, error) {
	target, err := url.Parse(origin)
	if err != nil {
		return nil, err
	}
	p := &Proxy{
		origin:   httputil.NewSingleHostReverseProxy(target),
		done:     make(chan struct{}),
		injected: map[Kind]int{},
		events:   make(chan Kind, 64),
	}
	p.origin.ErrorLog = nil
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve))
	p.URL = p.srv.URL
	return p, nil
}

// Set replaces the rule; Set(Rule{}) forwards everything again.
func (p *Proxy) Set(r Rule) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rule, p.left = r, r.Count
}

// Injected is how many requests met fault k so far.
func (p *Proxy) Injected(k Kind) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.injected[k]
}

// Requests is how many requests reached the proxy.
func (p *Proxy) Requests() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.seen
}

// Close ends hanging requests and stops the proxy.
func (p *Proxy) Close() {
	p.once.Do(func() {
		close(p.done)
		p.srv.CloseClientConnections()
		p.srv.Close()
	})
}

// pick returns the rule for r, with Kind None when r passes untouched.
func (p *Proxy) pick(r *http.Request) Rule {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen++
	rule := p.rule
	if rule.Kind == None || !rule.matches(r.URL.Path) {
		return Rule{}
	}
	if rule.Count > 0 {
		if p.left == 0 {
			return Rule{}
		}
		p.left--
	}
	p.injected[rule.Kind]++
	select {
	case p.events <- rule.Kind:
	default: // nobody reads: drop, Injected still counts
	}
	return rule
}

// Events delivers each fault as it is injected (the first 64 unread are
// kept), so a test can wait for a request to have arrived.
func (p *Proxy) Events() <-chan Kind { return p.events }

// matches reports whether the rule applies to path.
func (r Rule) matches(path string) bool {
	if r.Paths == nil {
		return !strings.HasPrefix(path, "/oauth/")
	}
	for _, prefix := range r.Paths {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}
