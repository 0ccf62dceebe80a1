package simulator

import (
	"time"
)

// DefaultAddr is the loopback address `hlx simulator` listens on by default.
const DefaultAddr = "127.0.0.1:7878"

// Default sizes of the three seeded companies, in customers.
const (
	defaultSmallCustomers  = 25
	defaultMediumCustomers = 800
	defaultLargeCustomers  = 12000
	// maxCustomers bounds one company; IDs reserve 32 bits for the index,
	// the bound keeps a full scan of the largest company affordable.
	maxCustomers = 10_000_000
)

// Config tunes a simulator. The zero value is a sensible default: seed 1,
// data dated relative to the start of today (UTC), 24 h access tokens,
// refresh-token rotation on, a consent page, no faults.
type Config struct {
	// Seed drives every generated object, ID and the fault dice.
	Seed int64
	// Scale multiplies the default company sizes (25, 800 and 12,000
	// customers); 0 means 1.
	Scale float64
	// LargeCustomers, when positive, sets the large company's customer
	// count outright (up to 10,000,000; New stays fast because objects are
	// generated on demand).
	LargeCustomers int

	// AccessTTL is the lifetime of access tokens (default 24 h, as the guide
	// says).
	AccessTTL time.Duration
	// NoRotation makes a refresh return the same refresh token. By default a
	// refresh rotates it and the old one stops working at once.
	NoRotation bool
	// AutoApprove makes /oauth/authorize redirect back with a code at
	// once, without the consent page.
	AutoApprove bool
	// CodeTTL is the lifetime of authorization codes (default 60 s).
	CodeTTL time.Duration
	// LoopbackAnyPort also accepts a redirect_uri that differs from a
	// registered loopback callback only by its port (RFC 8252 §7.3), so a
	// native client may listen on a free port. Off by default: like real
	// Hyperline, redirect_uri must then equal a registered callback exactly.
	// The demo and tests that run logins in parallel turn it on.
	LoopbackAnyPort bool
	// NoRegistration answers 404 on POST /oauth/register, as an
	// environment without dynamic client registration would.
	NoRegistration bool
	// PublicRevoke lets a client registered through /oauth/register revoke
	// its tokens with client_id and token alone (RFC 7009 §2.1). By
	// default the revoke endpoint wants client_secret, as the spec lists
	// it, which such a client does not have.
	PublicRevoke bool
	// Hostile gives the oldest company, and every one of its customers, a
	// name made to take over a terminal (escape sequences, OSC 52, bidi
	// overrides, …; see hostile.go), to try a client's terminal safety.
	Hostile bool
	// GuideOAuthPathsOnly serves the OAuth endpoints only at the guide's
	// /v1/oauth/ paths, not at the spec's /oauth/ ones, so a test can check
	// that a client falls back.
	GuideOAuthPathsOnly bool

	// Latency, ErrorRate, RateLimitRate and MalformedRate are the initial
	// fault settings (see Faults); SetFaults changes them at run time.
	Latency       time.Duration
	ErrorRate     float64
	RateLimitRate float64
	MalformedRate float64

	// ReadLimit is the number of GET requests allowed per ReadWindow and
	// credential (default 200 per 10 s); negative disables the limit.
	ReadLimit  int
	ReadWindow time.Duration
	// WriteLimit is the number of POST, PUT, PATCH and DELETE requests
	// allowed per WriteWindow and credential (default 50 per 10 s);
	// negative disables the limit.
	WriteLimit  int
	WriteWindow time.Duration

	// Now is the clock for token and code expiry and rate-limit windows
	// (default time.Now). Generated data depends on it only through the
	// default Epoch.
	Now func() time.Time

	// Epoch is the moment the generated data is relative to: the data's
	// "now". Active subscriptions are in a period containing it, pending
	// ones start after it, late invoices fell due before it, and every
	// creation date lies well before it. The zero value means the start of
	// the current UTC day by Now, read once in New, so a demo always looks
	// current while the data stay the same all day; pin Epoch (or Now) for
	// data that never change. IDs never depend on it, only dates do. It is
	// taken in UTC and truncated to the millisecond, the precision of the
	// API's timestamps.
	Epoch time.Time
}

// Faults are the failure modes the simulator injects into data GETs (never
// into OAuth endpoints). Each data GET rolls the dice in a fixed order from
// a generator seeded by Config.Seed, so a given sequence of requests meets
// the same faults every run.
type Faults struct {
	// Latency delays each data GET; the wait ends early if the client goes
	// away.
	Latency time.Duration
	// ErrorRate is the fraction of data GETs answered 503 with an HTML
	// body, as a proxy in front of the API would.
	ErrorRate float64
	// RateLimitRate is the fraction of data GETs answered 429 with
	// Retry-After: 1, on top of the real rate limit.
	RateLimitRate float64
	// MalformedRate is the fraction of data GETs answered 200 with a
	// truncated JSON body.
	MalformedRate float64
}

// withDefaults returns cfg with every zero field set to its default.
func (cfg Config) withDefaults() Config {
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Scale <= 0 {
		cfg.Scale = 1
	}
	if cfg.AccessTTL <= 0 {
		cfg.AccessTTL = 24 * time.Hour
	}
	if cfg.CodeTTL <= 0 {
		cfg.CodeTTL = 60 * time.Second
	}
	if cfg.ReadLimit == 0 {
		cfg.ReadLimit = 200
	}
	if cfg.ReadWindow <= 0 {
		cfg.ReadWindow = 10 * time.Second
	}
	if cfg.WriteLimit == 0 {
		cfg.WriteLimit = 50
	}
	if cfg.WriteWindow <= 0 {
		cfg.WriteWindow = 10 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Epoch.IsZero() {
		y, m, d := cfg.Now().UTC().Date()
		cfg.Epoch = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	cfg.Epoch = cfg.Epoch.UTC().Truncate(time.Millisecond)
	return cfg
}

// faults returns the fault settings carried by cfg.
func (cfg Config) faults() Faults {
	return Faults{
		Latency:       cfg.Latency,
		ErrorRate:     cfg.ErrorRate,
		RateLimitRate: cfg.RateLimitRate,
		MalformedRate: cfg.MalformedRate,
	}
}

// companySizes returns the customer counts of the small, medium and large
// companies.
func (cfg Config) companySizes() [3]int {
	scaled := func(n int) int {
		v := int(float64(n)*cfg.Scale + 0.5)
		return min(max(v, 1), maxCustomers)
	}
	sizes := [3]int{scaled(defaultSmallCustomers), scaled(defaultMediumCustomers), scaled(defaultLargeCustomers)}
	if cfg.LargeCustomers > 0 {
		sizes[2] = min(cfg.LargeCustomers, maxCustomers)
	}
	return sizes
}
