package ui

import (
	"context"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/worklist"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// Deps is everything the UI needs from main. Build the Session and Data
// values with ui/cli/explorer/backend (real packages) or hand in fakes in
// tests.
type Deps struct {
	// Context bounds every request the UI makes; main cancels it on exit.
	Context context.Context
	// Session logs in, keeps the token alive and remembers the company.
	Session Session
	// Data reads Hyperline objects for one company at a time.
	Data Data
	// Now is the clock; nil means time.Now. Tests pin it so countdowns are stable.
	Now func() time.Time
	// Location is the time zone dates are shown in; nil means time.Local.
	Location *time.Location
	// Env names the environment the session belongs to (see EnvironmentFor).
	Env Environment
	// Demo is set when the app runs against the in-process simulator.
	Demo bool
	// Version is shown in the help and the token panel.
	Version string

	// Clipboard copies text for the user; nil means OSC 52 on stderr, which
	// also works over SSH.
	Clipboard func(text string) error
	// OpenURL opens a web page in the user's browser; nil disables `o`.
	OpenURL func(url string) error

	// Recent remembers the objects an account jumped to; nil keeps none.
	Recent RecentJumps
	// Aggregates keeps figures that cost many requests (the overview's
	// exact monthly amounts) for the day; nil keeps none.
	Aggregates AggregateCache

	// SaveDir is where downloads and exports are written; "" means the
	// current directory.
	SaveDir string

	// LinkTemplates open a customer's records in other tools, by provider
	// (the settings file's "links"); they extend ticket.DefaultTemplates.
	LinkTemplates map[string]string

	// Worklists are what `w` counts in every company, checked at start
	// (package worklist); nil means the built-in ones.
	Worklists []worklist.Worklist

	// Debug, when set, is the debug log the requests screen (!) shows.
	Debug *DebugLog

	// RequestTimeout bounds each request; zero means 30 seconds.
	RequestTimeout time.Duration
	// FilterDebounce is how long typing must pause before a server-side
	// filter request goes out; zero means 300 ms.
	FilterDebounce time.Duration
}

// AggregateCache keeps computed figures, aggregates only, for a day (the
// explorer keeps them in the XDG cache, package config/aggregates).
type AggregateCache interface {
	// LoadRevenue returns the company's monthly figures computed on day
	// (YYYY-MM-DD), or nil.
	LoadRevenue(company, day string) (*Revenue, error)
	// SaveRevenue keeps them.
	SaveRevenue(r Revenue) error
}

// RevenueMonth is one month's invoices: how many were issued and the money
// they invoiced per currency (minor units, excluding tax, credit notes
// off).
type RevenueMonth struct {
	Start    time.Time        `json:"start"`
	Invoices int              `json:"invoices"`
	Amounts  map[string]int64 `json:"amounts"`
}

// Revenue is a company's figures per month, computed on Day (the user's
// calendar day) from every invoice of the months.
type Revenue struct {
	Company    string         `json:"company"`
	Day        string         `json:"day"`
	ComputedAt time.Time      `json:"computed_at"`
	Months     []RevenueMonth `json:"months"`
}

// The seam's names, as the screens spell them (see package deps).
type (
	// Session is the login side of the app; see deps.Session.
	Session = deps.Session
	// AccountSwitcher lists and opens the session's accounts.
	AccountSwitcher = deps.AccountSwitcher
	// SessionAccount is one account of the session.
	SessionAccount = deps.SessionAccount
	// Data reads Hyperline objects for one company at a time.
	Data = deps.Data
	// Exporter asks Hyperline to build export files.
	Exporter = deps.Exporter
	// Account is who is logged in and what they can reach.
	Account = deps.Account
	// TokenState describes the access token without revealing it.
	TokenState = deps.TokenState
	// LoginStage is a step of the browser flow.
	LoginStage = deps.LoginStage
	// LoginProgress is one report from Session.Login.
	LoginProgress = deps.LoginProgress
	// SessionEventKind says what the token source did.
	SessionEventKind = deps.SessionEventKind
	// SessionEvent is a report from the token source's background work.
	SessionEvent = deps.SessionEvent
	// RecentJumps remembers the objects an account jumped to.
	RecentJumps = deps.RecentJumps
)

// The login stages and session events (see package deps).
const (
	LoginStarting         = deps.LoginStarting
	LoginWaiting          = deps.LoginWaiting
	LoginExchanging       = deps.LoginExchanging
	LoginLoadingCompanies = deps.LoginLoadingCompanies
	RefreshStarted        = deps.RefreshStarted
	Refreshed             = deps.Refreshed
	RefreshFailed         = deps.RefreshFailed
	LoginRequiredEvent    = deps.LoginRequiredEvent
)

// ErrLoginRequired means the user has to log in again (deps.ErrLoginRequired).
var ErrLoginRequired = deps.ErrLoginRequired
