// Package ticket gathers what a support agent needs to answer a ticket
// about one customer (who, what is owed, how they pay, why a payment
// failed, what they subscribe to, their wallet, their records in other
// tools and what happened lately) and writes it as a Markdown summary to
// paste. It reads through the small Source interface, one request per
// part, all of them at once; the explorer loads the same parts one
// command each so its sections fill in as they return.
package ticket

import (
	"context"
	"slices"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
)

// Source reads one company's objects; *hyperline.CompanyClient is one.
type Source interface {
	GetCustomer(ctx context.Context, id string) (*hyperline.Customer, error)
	ListInvoices(ctx context.Context, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error)
	ListSubscriptions(ctx context.Context, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error)
	ListWallets(ctx context.Context, opts hyperline.WalletListOptions) (*hyperline.Page[hyperline.Wallet], error)
	CustomerPortalURL(ctx context.Context, id string) (string, error)
	ListPaymentMethods(ctx context.Context, customerID string) ([]hyperline.PaymentMethod, error)
	ListAuditLogs(ctx context.Context, opts hyperline.AuditLogListOptions) (*hyperline.Page[hyperline.AuditLog], error)
}

// Facts is everything known about one customer for a ticket. Each part
// is set once its request returns: its error, or its value (a part not
// yet returned is neither, see Loaded).
type Facts struct {
	Customer    *hyperline.Customer
	CustomerErr error

	// Invoice is the invoice the ticket is about, when it is about one.
	Invoice *hyperline.Invoice

	Outstanding, Late Owed
	BalanceErr        error

	PaymentMethods    []hyperline.PaymentMethod
	PaymentMethodsErr error

	// Invoices are the customer's latest invoices of every status, where
	// the failed payment attempts are read.
	Invoices    []hyperline.Invoice
	InvoicesErr error

	Subscriptions    []hyperline.Subscription
	SubscriptionsErr error

	Wallets    []hyperline.Wallet
	WalletsErr error

	PortalURL string
	PortalErr error

	// Activity is the audit log, newest first; ActivityNext is the cursor
	// of the next page ("" when there is none).
	Activity     []hyperline.AuditLog
	ActivityNext string
	ActivityErr  error

	// Loaded names the parts that returned (see Parts).
	Loaded map[string]bool
}

// Owed is what a set of invoices leaves to pay, per currency.
type Owed struct {
	Currencies []Sum
	// Count is the number of invoices the server counts; Partial says the
	// sums cover only the first page of them.
	Count   int
	Partial bool
}

// Sum is the amount due on some invoices of one currency.
type Sum struct {
	Currency string
	Amount   hyperline.Amount
	Count    int
	// OldestDue is the earliest due date among them (nil if none has one).
	OldestDue *time.Time
}

// Failure is a failed payment attempt and the invoice it was for.
type Failure struct {
	Transaction   hyperline.Transaction
	InvoiceID     string
	InvoiceNumber string
}

// BalancePage is how many invoices of each balance filter are summed:
// one page, the API's largest.
const BalancePage = hyperline.MaxTake

// ActivityPage is how many audit log entries a page shows.
const ActivityPage = 10

// FailuresShown is how many failed attempts a summary lists.
const FailuresShown = 3

// owed sums a page of invoices per currency.
func owed(p *hyperline.Page[hyperline.Invoice]) Owed {
	o := Owed{Count: p.Meta.Total, Partial: p.HasMore()}
	if o.Count < len(p.Items) {
		o.Count = len(p.Items)
	}
	for _, inv := range p.Items {
		i := slices.IndexFunc(o.Currencies, func(s Sum) bool { return s.Currency == inv.Currency })
		if i < 0 {
			o.Currencies = append(o.Currencies, Sum{Currency: inv.Currency})
			i = len(o.Currencies) - 1
		}
		s := &o.Currencies[i]
		s.Amount += inv.AmountDue
		s.Count++
		if inv.DueAt != nil && (s.OldestDue == nil || inv.DueAt.Before(*s.OldestDue)) {
			s.OldestDue = inv.DueAt
		}
	}
	slices.SortFunc(o.Currencies, func(a, b Sum) int { return int(b.Amount - a.Amount) })
	return o
}

// Failures are the failed payment attempts on the customer's invoices (and
// on the ticket's invoice), newest first.
func (f *Facts) Failures() []Failure {
	var out []Failure
	seen := map[string]bool{}
	add := func(inv hyperline.Invoice) {
		for _, t := range inv.Transactions {
			if t.Status == hyperline.TransactionFailed && !seen[t.ID] {
				seen[t.ID] = true
				out = append(out, Failure{Transaction: t, InvoiceID: inv.ID, InvoiceNumber: inv.Number})
			}
		}
	}
	if f.Invoice != nil {
		add(*f.Invoice)
	}
	for _, inv := range f.Invoices {
		add(inv)
	}
	slices.SortStableFunc(out, func(a, b Failure) int { return failedAt(b).Compare(failedAt(a)) })
	return out
}

// failedAt is when an attempt was made.
func failedAt(f Failure) time.Time {
	if f.Transaction.ProcessAt != nil {
		return *f.Transaction.ProcessAt
	}
	return time.Time{}
}

// DefaultMethod is the saved method the customer pays with: the one the
// customer object names, else the first usable one.
func (f *Facts) DefaultMethod() (hyperline.PaymentMethod, bool) {
	// Not documented: which saved method is the default; the customer's
	// payment_method_id names the one its charges use.
	if f.Customer != nil && f.Customer.PaymentMethodID != nil {
		for _, pm := range f.PaymentMethods {
			if pm.ID == *f.Customer.PaymentMethodID {
				return pm, true
			}
		}
	}
	if f.Customer != nil && f.Customer.PaymentMethod != nil && len(f.PaymentMethods) == 0 {
		return *f.Customer.PaymentMethod, true
	}
	for _, pm := range f.PaymentMethods {
		if pm.Usable() {
			return pm, true
		}
	}
	return hyperline.PaymentMethod{}, false
}
