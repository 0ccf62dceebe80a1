// Package hyperline is a typed client for the Hyperline billing API: the
// companies a token can reach, and per company its customers, subscriptions
// and invoices (read-only), plus the Apps API used to register OAuth apps.
//
// Every call takes a context first. Data endpoints exist only on a
// CompanyClient (Client.Company), so every one of them carries the
// Hyperline-CompanyId header. GETs are retried with backoff on 429, 502, 503,
// 504 and dropped connections, and all calls pass a client-side rate limiter
// sized to stay under the server's documented window.
package hyperline

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// Base URLs of the two Hyperline environments (declared in package
// weburl, which the settings share).
const (
	ProductionURL = weburl.ProductionAPI
	SandboxURL    = weburl.SandboxAPI
)

// Body size bounds. A success body is JSON held in memory, so it is bounded
// (the largest documented page is 100 invoices with line items); error bodies
// are only summarised, so their bound is small. Downloads are streamed and
// not bounded.
const (
	DefaultMaxBodySize  = 32 << 20
	maxErrorBodySize    = 1 << 20
	defaultConcurrency  = 4
	defaultReadLimit    = 200
	defaultWriteLimit   = 50
	maxIdlePerHost      = 16
	defaultLimitWindow  = 10 * time.Second
	userAgentProjectURL = "+https://github.com/hyperline-tui/hlx"
)

// Client talks to one Hyperline environment with one set of credentials. It
// is safe for concurrent use and never changes after New.
type Client struct {
	base        string // scheme://host[/prefix], no trailing slash
	ts          oauth2.TokenSource
	hc          *http.Client
	userAgent   string
	retry       RetryPolicy
	reads       *windowLimiter // nil: unlimited
	writes      *windowLimiter // nil: unlimited
	concurrency int
	maxBody     int64
	now         func() time.Time

	// option values turned into limiters by New
	readLimit, writeLimit int
	readPer, writePer     time.Duration
}

// Option configures a Client in New.
type Option func(*Client)

// WithHTTPClient sets the HTTP client (transport, proxy, TLS). Its Timeout, if
// any, also bounds invoice downloads, so prefer contexts for deadlines.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.hc = hc
		}
	}
}

// WithUserAgent replaces the default, UserAgent of the module's version.
func WithUserAgent(ua string) Option {
	return func(c *Client) {
		if ua != "" {
			c.userAgent = ua
		}
	}
}

// WithRetry sets the retry policy for GETs. Zero fields take the defaults;
// MaxAttempts 1 turns retries off.
func WithRetry(p RetryPolicy) Option {
	return func(c *Client) { c.retry = p.withDefaults() }
}

// WithRateLimit caps reads (GET) to at most reads in any window of length per
// (default 200 per 10s, the documented limit). 0 disables the read limiter.
func WithRateLimit(reads int, per time.Duration) Option {
	return func(c *Client) { c.readLimit, c.readPer = reads, per }
}

// WithWriteRateLimit caps writes (POST, PUT, PATCH, DELETE) the same way
// (default 50 per 10s, the documented limit). 0 disables it.
func WithWriteRateLimit(writes int, per time.Duration) Option {
	return func(c *Client) { c.writeLimit, c.writePer = writes, per }
}

// WithConcurrency sets how many pages the All* methods fetch at once (default 4).
func WithConcurrency(n int) Option {
	return func(c *Client) { c.concurrency = max(1, n) }
}

// WithMaxBodySize bounds a JSON success body (default DefaultMaxBodySize).
func WithMaxBodySize(n int64) Option {
	return func(c *Client) {
		if n > 0 {
			c.maxBody = n
		}
	}
}

// withClock replaces time.Now, for tests of Retry-After dates.
func withClock(now func() time.Time) Option {
	return func(c *Client) { c.now = now }
}

// APIKey is a token source for a Hyperline API key ("prod_..." or "test_..."),
// sent as a bearer token like an OAuth access token.
func APIKey(key string) oauth2.TokenSource {
	return oauth2.StaticTokenSource(&oauth2.Token{AccessToken: key, TokenType: "Bearer"})
}

// BaseURLForAPIKey picks the environment an API key belongs to: SandboxURL
// for "test_" keys, ProductionURL otherwise.
func BaseURLForAPIKey(key string) string {
	if strings.HasPrefix(key, "test_") {
		return SandboxURL
	}
	return ProductionURL
}

// New builds a client for baseURL (ProductionURL, SandboxURL or a simulator).
// ts supplies the bearer token for every request: an OAuth token source or
// APIKey. A ts that is also a ContextTokenSource gets each call's context;
// one that is also a TokenRefresher (auth.TokenSource) renews a token the
// API refuses with 401 and sends the request once more, so the token and
// its renewal are installed together. Plain http is accepted only for
// loopback hosts, so a token never crosses a network in clear text.
func New(baseURL string, ts oauth2.TokenSource, opts ...Option) (*Client, error) {
	if ts == nil {
		return nil, errors.New("hyperline: new client: nil token source")
	}
	base, err := checkBaseURL(baseURL)
	if err != nil {
		return nil, fmt.Errorf("hyperline: new client: %w", err)
	}
	c := &Client{
		base:        base,
		ts:          ts,
		hc:          defaultHTTPClient(),
		userAgent:   defaultUserAgent(),
		retry:       DefaultRetryPolicy(),
		concurrency: defaultConcurrency,
		maxBody:     DefaultMaxBodySize,
		now:         time.Now,
		readLimit:   defaultReadLimit,
		readPer:     defaultLimitWindow,
		writeLimit:  defaultWriteLimit,
		writePer:    defaultLimitWindow,
	}
	for _, opt := range opts {
		opt(c)
	}
	c.reads = newWindowLimiter(c.readLimit, c.readPer)
	c.writes = newWindowLimiter(c.writeLimit, c.writePer)
	return c, nil
}

// BaseURL is the API base URL the client was built for, without a trailing slash.
func (c *Client) BaseURL() string { return c.base }

// Company returns a client scoped to one company: every request it makes
// carries "Hyperline-CompanyId: id". Customers, subscriptions and invoices
// are only reachable through it.
func (c *Client) Company(id string) *CompanyClient {
	return &CompanyClient{c: c, id: id}
}

func checkBaseURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	shown := weburl.HideUserInfo(raw)
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // its message repeats the URL, user info included
		}
		return "", fmt.Errorf("base URL %q: %w", shown, err)
	}
	if u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", fmt.Errorf("base URL %q: want https://host", shown)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("base URL %q: must not carry credentials, query or fragment", shown)
	}
	if u.Scheme == "http" && !weburl.IsLoopbackHost(u.Hostname()) {
		return "", fmt.Errorf("base URL %q: plain http is only allowed for loopback hosts", shown)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

func defaultHTTPClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	// The API answers quickly; a server that sends no headers for this long
	// is stuck. The body (a PDF download) is not bounded by this.
	tr.ResponseHeaderTimeout = 60 * time.Second
	// The All* walks keep WithConcurrency requests in flight; with the
	// default two idle connections per host, each page past the second
	// would close a connection and open another.
	tr.MaxIdleConnsPerHost = maxIdlePerHost
	return &http.Client{Transport: tr}
}

// UserAgent is what every hlx request to the API sends as User-Agent:
// "hlx/<version> (+https://github.com/hyperline-tui/hlx)". An empty or
// "dev" version is the module's version from the build info, "dev" in
// an untagged build.
func UserAgent(version string) string {
	version = strings.TrimPrefix(version, "v")
	if version == "" || version == "dev" {
		version = "dev"
		if bi, ok := debug.ReadBuildInfo(); ok {
			if v := bi.Main.Version; v != "" && v != "(devel)" {
				version = strings.TrimPrefix(v, "v")
			}
		}
	}
	return "hlx/" + version + " (" + userAgentProjectURL + ")"
}

// defaultUserAgent is UserAgent of the module's version.
func defaultUserAgent() string { return UserAgent("") }

// CompanyClient is a Client bound to one company. It is cheap to create and
// safe for concurrent use; it shares the parent's HTTP client and limiters.
type CompanyClient struct {
	c  *Client
	id string
}

// ID is the company ID sent in the Hyperline-CompanyId header.
func (cc *CompanyClient) ID() string { return cc.id }

// Client is the unscoped client this company client was made from.
func (cc *CompanyClient) Client() *Client { return cc.c }

// do is Client.do with the company header.
func (cc *CompanyClient) do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	if strings.TrimSpace(cc.id) == "" {
		return fmt.Errorf("hyperline: %s %s: empty company ID", method, path)
	}
	return cc.c.send(ctx, call{method: method, path: path, query: query, body: body, out: out, company: cc.id})
}

// do performs an unscoped call. See send.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, body, out any) error {
	return c.send(ctx, call{method: method, path: path, query: query, body: body, out: out})
}

// limiterFor picks the read or write limiter for a method.
func (c *Client) limiterFor(method string) *windowLimiter {
	if method == http.MethodGet || method == http.MethodHead {
		return c.reads
	}
	return c.writes
}

// pathEscape escapes one path segment and rejects empty IDs, which would
// otherwise turn GET /v1/customers/{id} into the list endpoint.
func pathEscape(what, id string) (string, error) {
	if strings.TrimSpace(id) == "" {
		return "", fmt.Errorf("hyperline: empty %s ID", what)
	}
	return url.PathEscape(id), nil
}
