package worklist

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/filter"
)

// Source lists one page of a company's objects: the explorer's data
// source, or a client (ClientSource).
type Source interface {
	Customers(ctx context.Context, companyID string, opts hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error)
	Subscriptions(ctx context.Context, companyID string, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error)
	Invoices(ctx context.Context, companyID string, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error)
}

// ClientSource is a Source over one API client: every company it reaches,
// through the client's one rate limiter.
type ClientSource struct{ Client *hyperline.Client }

// Customers lists one page of a company's customers.
func (s ClientSource) Customers(ctx context.Context, companyID string, opts hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error) {
	return s.Client.Company(companyID).ListCustomers(ctx, opts)
}

// Subscriptions lists one page of a company's subscriptions.
func (s ClientSource) Subscriptions(ctx context.Context, companyID string, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error) {
	return s.Client.Company(companyID).ListSubscriptions(ctx, opts)
}

// Invoices lists one page of a company's invoices.
func (s ClientSource) Invoices(ctx context.Context, companyID string, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error) {
	return s.Client.Company(companyID).ListInvoices(ctx, opts)
}

// Count is how many objects answer w in one company: one request for a
// one-item page with its total (include_total on the cursor lists; the
// subscriptions list always sends meta.total). A 429 the client's own
// retries could not outlast slows the count down, it does not fail it:
// the request is sent again after a growing pause, until ctx ends.
func Count(ctx context.Context, src Source, companyID string, w Worklist, q filter.Query) (int, error) {
	return count(ctx, hyperline.SleepContext, src, companyID, w, q)
}

func count(ctx context.Context, pause pauseFunc, src Source, companyID string, w Worklist, q filter.Query) (int, error) {
	page := hyperline.ListOptions{Take: 1, WithTotal: true, OmitRaw: true}
	var total int
	err := patient(ctx, pause, func() error {
		var err error
		switch w.List {
		case filter.Customers:
			opts := filter.CustomerOptions(q)
			opts.ListOptions = page
			total, err = totalOf(src.Customers(ctx, companyID, opts))
		case filter.Subscriptions:
			opts := filter.SubscriptionOptions(q, "")
			opts.ListOptions = hyperline.ListOptions{Take: 1, OmitRaw: true}
			total, err = totalOf(src.Subscriptions(ctx, companyID, opts))
		case filter.Invoices:
			opts := filter.InvoiceOptions(q, "")
			opts.ListOptions = page
			total, err = totalOf(src.Invoices(ctx, companyID, opts))
		default:
			err = fmt.Errorf("worklists do not take %s", w.List)
		}
		return err
	})
	return total, err
}

// totalOf is a page's total. Not documented: a cursor page asked for its
// total that sends none; it counts what the page holds and says it has
// more, rather than claim a number.
func totalOf[T any](p *hyperline.Page[T], err error) (int, error) {
	if err != nil {
		return 0, err
	}
	if !p.HasTotal() {
		if p.HasMore() {
			return 0, errNoTotal
		}
		return len(p.Items), nil
	}
	return p.Meta.Total, nil
}

// errNoTotal is a cursor list that pages on without the total it was
// asked for.
var errNoTotal = errors.New("the API sent no total for this list")

// RateLimitPause is the first pause after a 429 the client gave up on; it
// doubles each time, up to maxPause.
const (
	RateLimitPause = time.Second
	maxPause       = 10 * time.Second
)

// pauseFunc waits d, or until ctx ends (its error then); tests pass one
// that does not wait.
type pauseFunc func(ctx context.Context, d time.Duration) error

// patient runs fn, again after a pause each time it ends in a 429, until
// it ends otherwise or ctx does.
func patient(ctx context.Context, pause pauseFunc, fn func() error) error {
	d := RateLimitPause
	for {
		err := fn()
		if !errors.Is(err, hyperline.ErrRateLimited) {
			return err
		}
		if perr := pause(ctx, d); perr != nil {
			return fmt.Errorf("%w (still rate limited)", perr)
		}
		d = min(d*2, maxPause)
	}
}
