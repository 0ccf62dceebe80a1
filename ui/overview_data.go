package ui

import (
	"context"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/sync/errgroup"

	"github.com/hyperline-tui/hlx/hyperline"
)

// What the company overview loads: the API's headline figures, counts by
// status (one list call of one item each, with its total), and the money
// invoiced per month over the last twelve months, summed page by page
// from the finalized invoices issued since.

// statusCount is how many objects of a kind have a status.
type statusCount struct {
	status string
	n      int
}

// overviewCounts are the counts of each kind, in display order.
type overviewCounts struct {
	customers, subscriptions, invoices []statusCount
}

// Messages of the overview.
type (
	analyticsLoadedMsg struct {
		resultTag
		analytics *hyperline.Analytics
		err       error
	}
	countsLoadedMsg struct {
		resultTag
		counts overviewCounts
		err    error
	}
	revenuePageMsg struct {
		resultTag
		page *hyperline.Page[hyperline.Invoice]
		err  error
	}
)

// The statuses the overview counts. Subscriptions: every status the filter
// takes (trialing is not one). Invoices: those support acts on, and late.
var (
	customerCountStatuses     = []string{hyperline.CustomerActive, hyperline.CustomerArchived}
	subscriptionCountStatuses = []hyperline.SubscriptionStatus{hyperline.SubscriptionActive, hyperline.SubscriptionPending,
		hyperline.SubscriptionPaused, hyperline.SubscriptionErrored, hyperline.SubscriptionCancelled, hyperline.SubscriptionDraft}
	invoiceCountStatuses = []string{string(hyperline.InvoiceToPay), hyperline.InvoiceFilterLate, string(hyperline.InvoiceError),
		string(hyperline.InvoiceGracePeriod), string(hyperline.InvoicePartiallyPaid), string(hyperline.InvoicePaid),
		string(hyperline.InvoiceDraft), string(hyperline.InvoiceUncollectible)}
)

// countConcurrency bounds the count requests in flight.
const countConcurrency = 4

// loadAnalytics asks for the headline figures.
func loadAnalytics(ctx context.Context, c *common, companyID string, reqID uint64) tea.Cmd {
	data := c.data
	return request(ctx, c.timeout, func(ctx context.Context) (*hyperline.Analytics, error) {
		return data.Analytics(ctx, companyID)
	}, func(a *hyperline.Analytics, err error) tea.Msg {
		return analyticsLoadedMsg{resultTag: resultTag{reqID: reqID, company: companyID}, analytics: a, err: err}
	})
}

// loadCounts counts the objects of each kind by status: one request of one
// item per status, asking for the total, a few at a time.
func loadCounts(ctx context.Context, c *common, companyID string, reqID uint64) tea.Cmd {
	data, timeout := c.data, c.timeout
	one := hyperline.ListOptions{Take: 1, WithTotal: true}
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		var counts overviewCounts
		counts.customers = make([]statusCount, len(customerCountStatuses))
		counts.subscriptions = make([]statusCount, len(subscriptionCountStatuses))
		counts.invoices = make([]statusCount, len(invoiceCountStatuses))
		var mu sync.Mutex
		g, gctx := errgroup.WithContext(rctx)
		g.SetLimit(countConcurrency)
		count := func(slot *statusCount, status string, list func(context.Context) (int, error)) {
			g.Go(func() error {
				n, err := list(gctx)
				mu.Lock()
				*slot = statusCount{status: status, n: n}
				mu.Unlock()
				return err
			})
		}
		for i, st := range customerCountStatuses {
			count(&counts.customers[i], st, func(ctx context.Context) (int, error) {
				p, err := data.Customers(ctx, companyID, hyperline.CustomerListOptions{ListOptions: one, Status: []string{st}})
				return totalOf(p, err)
			})
		}
		for i, st := range subscriptionCountStatuses {
			count(&counts.subscriptions[i], string(st), func(ctx context.Context) (int, error) {
				p, err := data.Subscriptions(ctx, companyID, hyperline.SubscriptionListOptions{ListOptions: one,
					Status: []hyperline.SubscriptionStatus{st}})
				return totalOf(p, err)
			})
		}
		for i, st := range invoiceCountStatuses {
			count(&counts.invoices[i], st, func(ctx context.Context) (int, error) {
				p, err := data.Invoices(ctx, companyID, hyperline.InvoiceListOptions{ListOptions: one, Status: []string{st}})
				return totalOf(p, err)
			})
		}
		err := g.Wait()
		return countsLoadedMsg{resultTag: resultTag{reqID: reqID, company: companyID}, counts: counts, err: err}
	}
}

// totalOf is a page's total.
func totalOf[T any](p *hyperline.Page[T], err error) (int, error) {
	if err != nil {
		return 0, err
	}
	return p.Meta.Total, nil
}

// revenueStart is the first day of the month eleven months before now's:
// the twelve months the chart shows, this one included.
func revenueStart(now time.Time, loc *time.Location) time.Time {
	y, m, _ := now.In(loc).Date()
	return time.Date(y, m-11, 1, 0, 0, 0, 0, loc)
}

// loadRevenuePage fetches one page of the finalized invoices issued since
// from, newest first.
func loadRevenuePage(ctx context.Context, c *common, companyID string, from time.Time, page hyperline.ListOptions, reqID uint64) tea.Cmd {
	data := c.data
	page.Take, page.WithTotal = pageSize, page.IsFirst()
	opts := hyperline.InvoiceListOptions{ListOptions: page, IssuedFrom: from,
		Status: []string{hyperline.InvoiceFilterFinalized}}
	return request(ctx, c.timeout, func(ctx context.Context) (*hyperline.Page[hyperline.Invoice], error) {
		return data.Invoices(ctx, companyID, opts)
	}, func(p *hyperline.Page[hyperline.Invoice], err error) tea.Msg {
		return revenuePageMsg{resultTag: resultTag{reqID: reqID, company: companyID}, page: p, err: err}
	})
}
