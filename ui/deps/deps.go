// Package deps is what the explorer's screens (package ui) ask of the rest
// of hlx, and nothing more: the Session, Data and recent-jumps interfaces
// and the values they carry. It imports neither auth nor config, so the
// screens do not either; the explorer's command hands them an
// implementation over the real packages (ui/cli/explorer/backend), the
// tests hand them fakes or that same implementation.
package deps

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/lookup"
)

// ErrLoginRequired is returned by Session.Resume (and may wrap the error of
// any request) when the saved session cannot be used and the user has to
// log in again in the browser. It is hyperline.ErrLoginRequired, the one
// sentinel auth's token source returns too.
var ErrLoginRequired = hyperline.ErrLoginRequired

// ErrSessionNotSaved matches a refreshed token that works but could not be
// saved: the session ends with this hlx unless the store recovers.
var ErrSessionNotSaved = errors.New("the refreshed token could not be saved")

// ErrRevokeRefused matches a logout whose revoke Hyperline refused to a
// public client (registered dynamically, with no secret): the tokens are
// deleted from this machine, and the server keeps them valid.
var ErrRevokeRefused = errors.New("the tokens were revoked here only: the server kept them valid")

// CorruptSessionError means the saved session could not be read; the store
// kept the file aside, at MovedTo, and the user must log in again.
type CorruptSessionError struct {
	MovedTo string
	Err     error
}

func (e *CorruptSessionError) Error() string { return e.Err.Error() }

// Unwrap is the store's error.
func (e *CorruptSessionError) Unwrap() error { return e.Err }

// RecentJumps remembers, per account, the objects the go-to prompt jumped
// to, newest first.
type RecentJumps interface {
	List(account string) ([]Jump, error)
	Add(account string, j Jump) error
}

// Jump is one remembered jump of the go-to prompt.
type Jump struct {
	// Query is what the user typed or pasted.
	Query string
	// Kind is the object's kind (the values of lookup.Kind).
	Kind     string
	ObjectID string
	// Label is what the user knows the object by: a name or a number.
	Label       string
	CompanyID   string
	CompanyName string
	// At is when the jump was made (Add fills it in when zero).
	At time.Time
}

// CorruptJumpsError means the recent jumps file could not be read and was
// moved aside to MovedTo.
type CorruptJumpsError struct {
	MovedTo string
	Err     error
}

func (e *CorruptJumpsError) Error() string { return e.Err.Error() }

// Unwrap is the store's error.
func (e *CorruptJumpsError) Unwrap() error { return e.Err }

// Session is the login side of the app: the saved session, the browser
// flow, the access token's life and the chosen company.
type Session interface {
	// Resume returns the saved account when it can be used without the
	// browser, or an error matching ErrLoginRequired.
	Resume(ctx context.Context) (Account, error)
	// Login runs the browser flow, calling progress as it advances (from the
	// flow's goroutine), and returns the account it logged in.
	Login(ctx context.Context, progress func(LoginProgress)) (Account, error)
	// Token reports the access token's state now, without I/O.
	Token() TokenState
	// Refresh refreshes the access token now.
	Refresh(ctx context.Context) (TokenState, error)
	// Logout revokes the refresh token and deletes the local tokens; the
	// local tokens are gone even when it returns an error.
	Logout(ctx context.Context) error
	// ChooseCompany remembers the company for the next start.
	ChooseCompany(ctx context.Context, company hyperline.Company) error
	// Events delivers what the token source does in the background (a nil
	// channel when there is nothing to report). It is never closed while the
	// app runs.
	Events() <-chan SessionEvent
}

// AccountSwitcher is implemented by a Session that holds several accounts
// and environments (the real backend does): `a` lists them and opens
// another without the browser. A Session without it hides `a`.
type AccountSwitcher interface {
	// Accounts lists every account of every environment of the session.
	Accounts(ctx context.Context) ([]SessionAccount, error)
	// SwitchAccount opens the account email of the environment apiURL and
	// makes it the current one; an error matching ErrLoginRequired means
	// it holds no usable token.
	SwitchAccount(ctx context.Context, apiURL, email string) (Account, error)
}

// SessionAccount is one account of the session, as the accounts picker
// shows it.
type SessionAccount struct {
	APIURL string
	Email  string
	Name   string
	// Company is the name of the company chosen last ("" for none).
	Company string
	// LoggedIn says the account holds tokens; ExpiresAt is its access
	// token's expiry (zero when unknown).
	LoggedIn        bool
	ExpiresAt       time.Time
	HasRefreshToken bool
	// Open marks the account the app has open now.
	Open bool
}

// Data reads Hyperline objects; every call is scoped to one company.
type Data interface {
	// Companies lists every company the login reaches.
	Companies(ctx context.Context) ([]hyperline.Company, error)
	// Customers lists one page of a company's customers.
	Customers(ctx context.Context, companyID string, opts hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error)
	// Customer gets one customer, with the fields only the single GET sends.
	Customer(ctx context.Context, companyID, id string) (*hyperline.Customer, error)
	// Subscriptions lists one page of a company's subscriptions.
	Subscriptions(ctx context.Context, companyID string, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error)
	// Subscription gets one subscription.
	Subscription(ctx context.Context, companyID, id string) (*hyperline.Subscription, error)
	// Invoices lists one page of a company's invoices.
	Invoices(ctx context.Context, companyID string, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error)
	// Invoice gets one invoice.
	Invoice(ctx context.Context, companyID, id string) (*hyperline.Invoice, error)
	// Transaction gets one payment, refund or chargeback.
	Transaction(ctx context.Context, companyID, id string) (*hyperline.ListedTransaction, error)
	// Transactions lists one page of a company's transactions (take/skip
	// only: the API has no filter for them).
	Transactions(ctx context.Context, companyID string, page hyperline.ListOptions) (*hyperline.Page[hyperline.ListedTransaction], error)
	// Wallets lists a customer's wallets.
	Wallets(ctx context.Context, companyID, customerID string) ([]hyperline.Wallet, error)
	// CustomerPortalURL is the link to a customer's self-service portal.
	CustomerPortalURL(ctx context.Context, companyID, customerID string) (string, error)
	// PaymentMethods lists a customer's saved cards and mandates.
	PaymentMethods(ctx context.Context, companyID, customerID string) ([]hyperline.PaymentMethod, error)
	// AuditLogs lists one page of the audit log, newest first.
	AuditLogs(ctx context.Context, companyID string, opts hyperline.AuditLogListOptions) (*hyperline.Page[hyperline.AuditLog], error)
	// DownloadInvoice streams an invoice's PDF into w.
	DownloadInvoice(ctx context.Context, companyID, id string, w io.Writer) (int64, error)
	// Analytics is the company's headline figures (MRR, ARR, …).
	Analytics(ctx context.Context, companyID string) (*hyperline.Analytics, error)
	// Find resolves what a ticket names (an id, URL, billing email,
	// invoice number or external id) in the current company, then in the
	// others (see package lookup).
	Find(ctx context.Context, currentCompanyID string, companies []hyperline.Company, query string) (*lookup.Result, error)
}

// Exporter asks Hyperline to build an export file (the spec's
// asynchronous /v1/exports). It is apart from Data so that a Data without
// it still serves: the explorer offers the export only when Data is also
// an Exporter.
type Exporter interface {
	// CreateExport starts an export of a company.
	CreateExport(ctx context.Context, companyID string, name hyperline.ExportName, fileType hyperline.ExportFileType) (*hyperline.Export, error)
	// Export reads an export's status.
	Export(ctx context.Context, companyID, id string) (*hyperline.Export, error)
	// DownloadExport streams a done export's file into w.
	DownloadExport(ctx context.Context, companyID, id string, w io.Writer) (int64, error)
}

// Account is who is logged in and what they can reach.
type Account struct {
	Email string
	Name  string
	// Companies is the list saved with the session (the picker reloads it).
	Companies []hyperline.Company
	// CompanyID is the company chosen last time, "" if none.
	CompanyID string
	// Token is the access token's state right after Resume or Login.
	Token TokenState
	// Notice is a sentence to show once the account opens, e.g. that the
	// demo approved the consent on the user's behalf ("" for none).
	Notice string
}

// TokenState describes the access token without revealing it.
type TokenState struct {
	ExpiresAt time.Time
	IssuedAt  time.Time
	// RefreshedAt is when the token was last refreshed (zero if never).
	RefreshedAt     time.Time
	HasRefreshToken bool
	// Client names the OAuth client the tokens belong to: "registered
	// app …" or "hlx, registered dynamically (public client dyn_…)".
	Client string
}

// LoginStage is a step of the browser flow.
type LoginStage int

// The login stages in the order they happen.
const (
	LoginStarting LoginStage = iota
	// LoginWaiting: the browser was opened (or could not be) and the flow
	// waits for the redirect; LoginProgress.URL is the authorize URL.
	LoginWaiting
	LoginExchanging
	// LoginLoadingCompanies: fetching the user's profile and companies.
	LoginLoadingCompanies
)

// LoginProgress is one report from Session.Login.
type LoginProgress struct {
	Stage LoginStage
	// URL is the authorize URL once known, for the user to open or copy.
	URL string
	// Note is a plain sentence worth showing, e.g. that no browser could be
	// opened, or that the demo approved the consent on the user's behalf.
	Note string
}

// SessionEventKind says what the token source did.
type SessionEventKind int

// Session events.
const (
	RefreshStarted SessionEventKind = iota + 1
	Refreshed
	RefreshFailed
	// LoginRequiredEvent: the refresh token was refused; the user must log in.
	LoginRequiredEvent
)

// SessionEvent is a report from the token source's background work.
type SessionEvent struct {
	Kind  SessionEventKind
	Token TokenState
	Err   error
}

// LoginError is a failed login. Words says what happened and what to do,
// for the login screen; "" leaves the wording of Err to the screen.
type LoginError struct {
	Err   error
	Words string
}

func (e *LoginError) Error() string { return e.Err.Error() }

// Unwrap is the login's error.
func (e *LoginError) Unwrap() error { return e.Err }
