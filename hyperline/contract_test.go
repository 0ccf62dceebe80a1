package hyperline

import (
	"context"
	"encoding/json"
	"io"
	"iter"
	"net/http"
	"time"

	"golang.org/x/oauth2"
)

// The exported API other packages code against (CLIENT_API.md), pinned at
// compile time: a changed signature fails the build here first.
var (
	_ func(string, oauth2.TokenSource, ...Option) (*Client, error) = New
	_ func(*http.Client) Option                                    = WithHTTPClient
	_ func(string) Option                                          = WithUserAgent
	_ func(RetryPolicy) Option                                     = WithRetry
	_ func(int, time.Duration) Option                              = WithRateLimit
	_ func(int) Option                                             = WithConcurrency
	_ func(string) oauth2.TokenSource                              = APIKey
	_ func(string) int                                             = MinorUnits

	_ func(*Client) string                                                                          = (*Client).BaseURL
	_ func(*Client, context.Context) (*UserInfo, error)                                             = (*Client).UserInfo
	_ func(*Client, context.Context) (*Page[Company], error)                                        = (*Client).ListCompanies
	_ func(*Client, context.Context) ([]Company, error)                                             = (*Client).AllCompanies
	_ func(*Client, string) *CompanyClient                                                          = (*Client).Company
	_ func(*Client, context.Context) ([]App, error)                                                 = (*Client).ListApps
	_ func(*Client, context.Context, AppInput) (*App, error)                                        = (*Client).CreateApp
	_ func(*Client, context.Context, string, AppInput) (*App, error)                                = (*Client).UpdateApp
	_ func(*Client, context.Context, string) error                                                  = (*Client).DeleteApp
	_ func(*CompanyClient) string                                                                   = (*CompanyClient).ID
	_ func(*CompanyClient, context.Context, CustomerListOptions) (*Page[Customer], error)           = (*CompanyClient).ListCustomers
	_ func(*CompanyClient, context.Context, CustomerListOptions) iter.Seq2[Customer, error]         = (*CompanyClient).Customers
	_ func(*CompanyClient, context.Context, CustomerListOptions) ([]Customer, error)                = (*CompanyClient).AllCustomers
	_ func(*CompanyClient, context.Context, string) (*Customer, error)                              = (*CompanyClient).GetCustomer
	_ func(*CompanyClient, context.Context, SubscriptionListOptions) (*Page[Subscription], error)   = (*CompanyClient).ListSubscriptions
	_ func(*CompanyClient, context.Context, SubscriptionListOptions) iter.Seq2[Subscription, error] = (*CompanyClient).Subscriptions
	_ func(*CompanyClient, context.Context, SubscriptionListOptions) ([]Subscription, error)        = (*CompanyClient).AllSubscriptions
	_ func(*CompanyClient, context.Context, string) (*Subscription, error)                          = (*CompanyClient).GetSubscription
	_ func(*CompanyClient, context.Context, InvoiceListOptions) (*Page[Invoice], error)             = (*CompanyClient).ListInvoices
	_ func(*CompanyClient, context.Context, InvoiceListOptions) iter.Seq2[Invoice, error]           = (*CompanyClient).Invoices
	_ func(*CompanyClient, context.Context, InvoiceListOptions) ([]Invoice, error)                  = (*CompanyClient).AllInvoices
	_ func(*CompanyClient, context.Context, string) (*Invoice, error)                               = (*CompanyClient).GetInvoice
	_ func(*CompanyClient, context.Context, string, io.Writer) (int64, error)                       = (*CompanyClient).DownloadInvoice

	_ func(*Page[Customer]) bool                                    = (*Page[Customer]).HasMore
	_ func(*Page[Customer]) int                                     = (*Page[Customer]).NextSkip
	_ func(*Page[Customer]) bool                                    = (*Page[Customer]).HasTotal
	_ func(*Page[Customer]) ListOptions                             = (*Page[Customer]).NextOptions
	_ func(*CompanyClient, context.Context, string) (string, error) = (*CompanyClient).CustomerPortalURL
	_ func(Money) string                                            = Money.String
	_ func(Invoice) Money                                           = Invoice.Total
	_ func(Invoice) Money                                           = Invoice.Due
	_ func(Subscription) Money                                      = Subscription.NextPayment
	_ func(*APIError) string                                        = (*APIError).Error

	_ = RetryPolicy{MaxAttempts: 1, BaseDelay: 0, MaxDelay: 0, MaxElapsed: 0,
		Sleep: func(context.Context, time.Duration) error { return nil }}
	_ = CustomerListOptions{ListOptions: ListOptions{Take: 1, Cursor: "", WithTotal: true}, Search: "", NameContains: "",
		BillingEmail: "", ExternalID: "", Status: []string{}, Sort: Sort{Field: SortUpdatedAt, Order: Ascending}}
	_ = SubscriptionListOptions{ListOptions: ListOptions{Take: 1, Skip: 0}, Status: []SubscriptionStatus{StatusAny}, CustomerID: ""}
	_ = InvoiceListOptions{Status: []string{InvoiceFilterLate}, Type: []string{}, CustomerID: "", SubscriptionID: "",
		Number: "", Sort: Sort{Field: SortEmittedAt, Order: Descending}}
	_ = Meta{Total: 0, Taken: 0, Skipped: 0}
	_ = Page[Company]{Items: nil, Meta: Meta{}}
	_ = Company{ID: "", Name: "", LogoURL: nil, FaviconURL: nil, Address: &Address{}, Raw: json.RawMessage(nil)}
	_ = Address{Name: "", Line1: "", Line2: nil, City: "", Zip: "", State: nil, Country: ""}
	_ = Customer{ID: "", Name: "", Type: "", Status: "", Currency: "", BillingEmail: nil, ExternalID: nil, Country: nil,
		TaxIDs: []TaxID{}, BillingAddress: nil, ShippingAddress: nil, AvailablePaymentMethods: []string{},
		PaymentMethodType: nil, PaymentMethodID: nil, PaymentMethod: &PaymentMethod{}, PaymentTerms: nil, Owner: nil,
		Subscriptions: []CustomerSubscription{}, CreatedAt: time.Time{}, UpdatedAt: nil, DeletedAt: nil, Raw: nil}
	_ = Subscription{ID: "", Name: "", Status: SubscriptionActive, Currency: "", CustomerID: "", PlanID: nil,
		StartsAt: nil, CurrentPeriodStartedAt: nil, CurrentPeriodEndsAt: nil, NextPaymentAt: nil, CancelAt: nil, RenewsAt: nil,
		NextPaymentAmount: 0, EstimatedARR: 0, Products: []SubscriptionProduct{}, Coupons: []Coupon{},
		CreatedAt: time.Time{}, UpdatedAt: nil, Raw: nil}
	_ = Invoice{ID: "", Number: "", Type: "", Status: InvoiceDraft, Currency: "", TotalAmount: 0, AmountDue: 0,
		AmountPaid: 0, AmountExcludingTax: 0, TaxAmount: 0,
		Customer: InvoiceCustomer{ID: "", Name: "", Email: nil, ExternalID: nil}, SubscriptionID: nil,
		IssuedAt: nil, DueAt: nil, PublicURL: "", OriginalInvoiceID: nil, SettledAt: nil, PeriodStartsAt: nil, PeriodEndsAt: nil,
		LineItems: []LineItem{}, Transactions: []Transaction{}, Raw: nil}
	_ = []SubscriptionStatus{SubscriptionDraft, SubscriptionPending, SubscriptionTrialing, SubscriptionActive, SubscriptionPaused,
		SubscriptionCancelled, SubscriptionVoided, SubscriptionErrored, SubscriptionArchived, StatusAll, StatusAny, SubscriptionInactive}
	_ = UserInfo{GivenName: nil, FamilyName: nil, Name: nil, Picture: nil, Email: "", EmailVerified: false}
	_ = App{ID: "", Name: "", Description: nil, LogoURI: nil, Callbacks: nil, ClientID: "", ClientSecret: ""}
	_ = AppInput{Name: "", Description: nil, LogoURI: nil, Callbacks: nil}
	_ = Money{Amount: 0, Currency: ""}
	_ = APIError{StatusCode: 0, Message: "", Method: "", Path: "", RetryAfter: 0}
	_ = []error{ErrUnauthorized, ErrNotFound, ErrRateLimited, ErrMalformedResponse}
	_ = []string{ProductionURL, SandboxURL}
)
