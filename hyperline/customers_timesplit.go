package hyperline

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"
)

// windowsPerWorker is how many creation-time windows each request slot
// gets: customers are rarely spread evenly over time, and more, smaller
// windows keep every slot busy to the end.
const windowsPerWorker = 2

// allCustomersByWindows fetches every matching customer. When the list is
// in creation order and the client may run several requests at once, it
// reads the first page and, at the same time, one customer from the other
// end; when there is more than a page, it cuts the creation-time span
// between them into windows and walks them concurrently, putting the
// windows back in the list's order. Otherwise it walks page by page.
func allCustomersByWindows(ctx context.Context, cc *CompanyClient, opts CustomerListOptions) ([]Customer, error) {
	sequential := func() ([]Customer, error) {
		return fetchAll(ctx, cc.customerPages(opts), opts.ListOptions, customerID, cc.c.concurrency)
	}
	byCreation := opts.Sort.Field == "" || opts.Sort.Field == SortCreatedAt
	if cc.c.concurrency <= 1 || !byCreation || !opts.CreatedFrom.IsZero() || !opts.CreatedBefore.IsZero() {
		return sequential()
	}
	lo, err := walkOptions(opts.ListOptions)
	if err != nil {
		return nil, err
	}
	// The first page and the customer at the other end of the list, at
	// once: their creation dates bound the span to cut.
	asc := opts.Sort.Order == Ascending
	edge := opts
	edge.ListOptions, edge.Sort = ListOptions{Take: 1}, Sort{Field: SortCreatedAt, Order: Ascending}
	if asc {
		edge.Sort.Order = Descending
	}
	var first, other *Page[Customer]
	ends, ectx := errgroup.WithContext(ctx)
	ends.Go(func() (err error) {
		first, err = cc.ListCustomers(ectx, opts.paged(ListOptions{Take: lo.Take, WithTotal: true}))
		return err
	})
	ends.Go(func() (err error) {
		other, err = cc.ListCustomers(ectx, edge)
		return err
	})
	if err := ends.Wait(); err != nil {
		return nil, err
	}
	if !first.HasMore() {
		return first.Items, nil
	}
	// rest walks on from the first page when the list cannot be cut.
	rest := func() ([]Customer, error) {
		items := []Customer(nil)
		for c, err := range walk(ctx, cc.customerPages(opts), first.NextOptions(), customerID) {
			if err != nil {
				return nil, err
			}
			items = append(items, c)
		}
		return assemble([]*Page[Customer]{first, {Items: items}}, customerID), nil
	}
	if len(first.Items) == 0 || len(other.Items) == 0 {
		return rest() // every item of a page dropped: no dates to cut by
	}
	// The first page is kept: the windows cover the rest of the span, from
	// its last customer (included, in case others share its creation time;
	// the copies are dropped) to the other end.
	oldest, newest := other.Items[0].CreatedAt, first.Items[len(first.Items)-1].CreatedAt
	if asc {
		oldest, newest = newest, oldest
	}
	windows := timeWindows(oldest, newest, cc.c.concurrency*windowsPerWorker)
	if len(windows) < 2 {
		return rest()
	}
	parts := make([][]Customer, len(windows))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(cc.c.concurrency)
	for i, w := range windows {
		g.Go(func() error {
			wopts := opts
			wopts.CreatedFrom, wopts.CreatedBefore = w[0], w[1]
			for c, err := range walk(gctx, cc.customerPages(wopts), opts.ListOptions, customerID) {
				if err != nil {
					return err
				}
				parts[i] = append(parts[i], c)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	// Windows run oldest first; the list's order is newest first unless
	// asked. The first page comes first either way.
	pages := make([]*Page[Customer], len(parts)+1)
	pages[0] = first
	for i, part := range parts {
		k := i
		if !asc {
			k = len(parts) - 1 - i
		}
		pages[1+k] = &Page[Customer]{Items: part}
	}
	return assemble(pages, customerID), nil
}

// timeWindows cuts [oldest, newest] into at most n half-open windows
// [from, before) of equal length at millisecond precision (the API's), the
// last one ending just after newest so that it is included.
func timeWindows(oldest, newest time.Time, n int) [][2]time.Time {
	oldest, newest = oldest.Truncate(time.Millisecond), newest.Truncate(time.Millisecond).Add(time.Millisecond)
	span := newest.Sub(oldest)
	if n < 2 || span < time.Duration(n)*time.Millisecond {
		return [][2]time.Time{{oldest, newest}}
	}
	step := (span / time.Duration(n)).Truncate(time.Millisecond)
	out := make([][2]time.Time, 0, n)
	for from := oldest; from.Before(newest); from = from.Add(step) {
		before := from.Add(step)
		if len(out) == n-1 || before.After(newest) {
			before = newest
		}
		out = append(out, [2]time.Time{from, before})
		if !before.Before(newest) {
			break
		}
	}
	return out
}
