package ui

import (
	"context"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/sync/errgroup"

	"github.com/hyperline-tui/hlx/hyperline"
)

// What the company overview loads, at a cost that does not grow with the
// company (see the README's request budgets): the API's headline figures
// (one request), counts by status (one list call of one item each, with
// its total, all sent at once), and the money invoiced per month over the
// last twelve (overview_months.go).

// statusCount is how many objects of a kind have a status.
type statusCount struct {
	status string
	n      int
}

// countRow is one kind's counts, honest about what adds up: parts are
// disjoint statuses, other is every object in none of them, so parts and
// other sum to total; views are filters across statuses (late is
// invoices of several statuses past their due date), not parts.
type countRow struct {
	total int
	parts []statusCount
	other int
	views []statusCount
}

// overviewCounts are the counts of each kind, in display order.
type overviewCounts struct {
	customers, subscriptions, invoices countRow
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
)

// The statuses the overview counts: for customers and subscriptions
// every status the objects show; for invoices those support acts on, the
// rest counted together as other; and the invoices' views.
var (
	customerCountStatuses     = []string{hyperline.CustomerActive, hyperline.CustomerArchived}
	subscriptionCountStatuses = []hyperline.SubscriptionStatus{hyperline.SubscriptionActive, hyperline.SubscriptionPending,
		hyperline.SubscriptionPaused, hyperline.SubscriptionErrored, hyperline.SubscriptionCancelled, hyperline.SubscriptionDraft,
		hyperline.SubscriptionVoided, hyperline.SubscriptionArchived}
	invoiceCountStatuses = []string{string(hyperline.InvoicePaid), string(hyperline.InvoiceToPay), string(hyperline.InvoiceGracePeriod),
		string(hyperline.InvoicePartiallyPaid), string(hyperline.InvoiceError), string(hyperline.InvoiceUncollectible),
		string(hyperline.InvoiceDraft), string(hyperline.InvoiceOpen), string(hyperline.InvoiceVoided), string(hyperline.InvoiceClosed)}
	invoiceCountViews = []string{hyperline.InvoiceFilterLate, hyperline.InvoiceFilterOutstanding}
)

// countRequests is how many requests loadCounts sends: a total per kind,
// one per status and one per view, whatever the company's size.
func countRequests() int {
	return 3 + len(customerCountStatuses) + len(subscriptionCountStatuses) + len(invoiceCountStatuses) + len(invoiceCountViews)
}

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
// item per status, view and kind's total, all sent at once (the client's
// rate limiter spaces them if it must).
func loadCounts(ctx context.Context, c *common, companyID string, reqID uint64) tea.Cmd {
	data, timeout := c.data, c.timeout
	one := hyperline.ListOptions{Take: 1, WithTotal: true}
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		customers := func(st []string) func(context.Context) (int, error) {
			return func(ctx context.Context) (int, error) {
				return totalOf(data.Customers(ctx, companyID, hyperline.CustomerListOptions{ListOptions: one, Status: st}))
			}
		}
		subscriptions := func(st hyperline.SubscriptionStatus) func(context.Context) (int, error) {
			return func(ctx context.Context) (int, error) {
				return totalOf(data.Subscriptions(ctx, companyID, hyperline.SubscriptionListOptions{ListOptions: one,
					Status: []hyperline.SubscriptionStatus{st}}))
			}
		}
		invoices := func(st string) func(context.Context) (int, error) {
			return func(ctx context.Context) (int, error) {
				return totalOf(data.Invoices(ctx, companyID, hyperline.InvoiceListOptions{ListOptions: one, Status: []string{st}}))
			}
		}
		var counts overviewCounts
		g, gctx := errgroup.WithContext(rctx)
		var mu sync.Mutex
		count := func(slot *int, list func(context.Context) (int, error)) {
			g.Go(func() error {
				n, err := list(gctx)
				mu.Lock()
				*slot = n
				mu.Unlock()
				return err
			})
		}
		row := func(r *countRow, statuses, views []string, total func(context.Context) (int, error), each func(string) func(context.Context) (int, error)) {
			r.parts, r.views = make([]statusCount, len(statuses)), make([]statusCount, len(views))
			count(&r.total, total)
			for i, st := range statuses {
				r.parts[i].status = st
				count(&r.parts[i].n, each(st))
			}
			for i, v := range views {
				r.views[i].status = v
				count(&r.views[i].n, each(v))
			}
		}
		subStatuses := make([]string, len(subscriptionCountStatuses))
		for i, st := range subscriptionCountStatuses {
			subStatuses[i] = string(st)
		}
		row(&counts.customers, customerCountStatuses, nil, customers(nil),
			func(st string) func(context.Context) (int, error) { return customers([]string{st}) })
		row(&counts.subscriptions, subStatuses, nil, subscriptions(hyperline.StatusAny),
			func(st string) func(context.Context) (int, error) {
				return subscriptions(hyperline.SubscriptionStatus(st))
			})
		row(&counts.invoices, invoiceCountStatuses, invoiceCountViews, invoices(hyperline.InvoiceFilterAll), invoices)
		err := g.Wait()
		for _, r := range []*countRow{&counts.customers, &counts.subscriptions, &counts.invoices} {
			r.settle()
		}
		return countsLoadedMsg{resultTag: resultTag{reqID: reqID, company: companyID}, counts: counts, err: err}
	}
}

// settle works out other, the objects in no status shown. Should the
// server's total be below the parts' sum (its "all" may leave a status
// out), the total is the sum, so the row still adds up.
func (r *countRow) settle() {
	sum := 0
	for _, p := range r.parts {
		sum += p.n
	}
	r.total = max(r.total, sum)
	r.other = r.total - sum
}

// totalOf is a page's total.
func totalOf[T any](p *hyperline.Page[T], err error) (int, error) {
	if err != nil {
		return 0, err
	}
	return p.Meta.Total, nil
}
