package hyperline

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"

	"golang.org/x/sync/errgroup"
)

// MaxPages bounds any walk over a list. At MaxTake items a page it allows
// ten million items; a server that never ends a list hits it instead of
// looping forever.
const MaxPages = 100_000

// fetchFunc fetches one page of a list.
type fetchFunc[T any] func(ctx context.Context, opts ListOptions) (*Page[T], error)

// pageable is a list's options type: it can hand out a copy of itself with
// other paging, so one set of filters serves every page of a walk.
type pageable[O any] interface{ paged(ListOptions) O }

// pagesOf adapts a one-page list call to the fetchFunc the walkers take,
// keeping every filter of opts and replacing only its paging.
func pagesOf[T any, O pageable[O]](opts O, list func(context.Context, O) (*Page[T], error)) fetchFunc[T] {
	return func(ctx context.Context, lo ListOptions) (*Page[T], error) {
		return list(ctx, opts.paged(lo))
	}
}

// getOne fetches one object of a company at prefix+id (e.g.
// "/v1/customers/"+id); what names it in errors.
func getOne[T any](ctx context.Context, cc *CompanyClient, what, prefix, id string) (*T, error) {
	seg, err := pathEscape(what, id)
	if err != nil {
		return nil, err
	}
	var out T
	if err := cc.do(ctx, http.MethodGet, prefix+seg, nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// doFunc is Client.do or CompanyClient.do.
type doFunc func(ctx context.Context, method, path string, query url.Values, body, out any) error

// listPage fetches one page of an offset list at path with opts and the
// endpoint's filters, then drops the items keep rejects (the API silently
// ignores filters it does not know, so every filter sent is also checked
// here). The page's paging numbers still count the dropped items.
func listPage[T any](ctx context.Context, do doFunc, path string, opts ListOptions,
	filters url.Values, keep func(T) bool) (*Page[T], error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	q, err := opts.offsetValues()
	if err != nil {
		return nil, err
	}
	var raw rawBody
	if err := do(ctx, http.MethodGet, path, withFilters(q, filters), nil, &raw); err != nil {
		return nil, err
	}
	items, meta, hasMeta, err := decodeList[T](raw, !opts.OmitRaw)
	if err != nil {
		return nil, bodyError(http.MethodGet, path, "decode list", raw, err)
	}
	p := &Page[T]{Meta: meta, known: true, take: opts.Take, skip: opts.Skip, hasTotal: hasMeta, omitRaw: opts.OmitRaw}
	p.keep(items, keep)
	return p, nil
}

// cursorPage fetches one page of a cursor list at path (limit, cursor,
// include_total), checking items with keep as listPage does.
func cursorPage[T any](ctx context.Context, do doFunc, path string, opts ListOptions,
	filters url.Values, keep func(T) bool) (*Page[T], error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	q, err := opts.cursorValues()
	if err != nil {
		return nil, err
	}
	var raw rawBody
	if err := do(ctx, http.MethodGet, path, withFilters(q, filters), nil, &raw); err != nil {
		return nil, err
	}
	l, err := decodeCursorList[T](raw, !opts.OmitRaw)
	if err != nil {
		return nil, bodyError(http.MethodGet, path, "decode list", raw, err)
	}
	p := &Page[T]{Meta: Meta{Total: l.total}, NextCursor: l.nextCursor, known: true, cursor: true,
		hasMore: l.hasMore, take: opts.Take, hasTotal: l.hasTotal, omitRaw: opts.OmitRaw}
	p.keep(l.items, keep)
	return p, nil
}

// withFilters adds the endpoint's filters to the paging parameters.
func withFilters(q, filters url.Values) url.Values {
	for k, vs := range filters {
		q[k] = vs
	}
	return q
}

// keep stores the items keep accepts (all of them when keep is nil) and
// counts the rest as dropped.
func (p *Page[T]) keep(items []T, keep func(T) bool) {
	p.received = len(items)
	if keep == nil {
		p.Items = items
		return
	}
	p.Items = items[:0:0]
	for _, it := range items {
		if keep(it) {
			p.Items = append(p.Items, it)
		}
	}
	p.Dropped = len(items) - len(p.Items)
}

// walkOptions validates opts and fills in the page size walks use.
func walkOptions(opts ListOptions) (ListOptions, error) {
	if err := opts.validate(); err != nil {
		return opts, err
	}
	if opts.Take == 0 {
		opts.Take = MaxTake // half the requests of the server's default
	}
	return opts, nil
}

// pageCap is how many pages a walk may take after the first: twice what the
// first page's total asks for (the total may grow while walking), plus slack,
// and never more than MaxPages.
func pageCap[T any](first *Page[T], take int) int {
	if !first.hasTotal || take <= 0 {
		return MaxPages
	}
	want := (first.Meta.Total-first.received)/take + 1
	return min(MaxPages, 2*max(want, 0)+10)
}

// walk iterates over a list page by page, by skip or by cursor as the
// pages say (see Page.HasMore), and it skips items already yielded (a list that grows while it is walked
// shifts items across page boundaries). The walk ends with an error at the
// first failure or after too many pages.
func walk[T any](ctx context.Context, fetch fetchFunc[T], opts ListOptions, id func(T) string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		opts, err := walkOptions(opts)
		if err != nil {
			yield(zero, err)
			return
		}
		seen := make(map[string]struct{})
		limit := MaxPages
		for n := 0; ; n++ {
			if n > limit {
				yield(zero, fmt.Errorf("hyperline: list did not end after %d pages", n))
				return
			}
			p, err := fetch(ctx, opts)
			if err != nil {
				yield(zero, err)
				return
			}
			if n == 0 {
				limit = pageCap(p, opts.Take)
			}
			for _, it := range p.Items {
				k := id(it)
				if _, dup := seen[k]; dup {
					continue
				}
				seen[k] = struct{}{}
				if !yield(it, nil) {
					return
				}
			}
			if !p.HasMore() {
				return
			}
			opts = p.NextOptions()
		}
	}
}

// fetchAll fetches a whole list: the first page, then, for an offset list
// with a total, every remaining page concurrently with at most
// `concurrency` requests in flight (a cursor list can only be walked in
// order).
// Pages are assembled in order and items de-duplicated by ID. If the total grew
// meanwhile, the walk continues sequentially from the last page. The first
// error (or ctx ending) cancels the pages still in flight and is returned.
func fetchAll[T any](ctx context.Context, fetch fetchFunc[T], opts ListOptions,
	id func(T) string, concurrency int) ([]T, error) {
	opts, err := walkOptions(opts)
	if err != nil {
		return nil, err
	}
	first, err := fetch(ctx, opts)
	if err != nil {
		return nil, err
	}
	pages := []*Page[T]{first}
	if first.HasMore() && !first.cursor && first.hasTotal {
		rest, err := fetchRest(ctx, fetch, first, opts.Take, concurrency)
		if err != nil {
			return nil, err
		}
		pages = append(pages, rest...)
	}
	// Sequential tail: a list without a trustworthy total, or one that grew
	// past the total the fan-out was planned from.
	last, limit := pages[len(pages)-1], pageCap(first, opts.Take)
	for last.HasMore() {
		if len(pages)-1 > limit {
			return nil, fmt.Errorf("hyperline: list did not end after %d pages", len(pages))
		}
		next, err := fetch(ctx, last.NextOptions())
		if err != nil {
			return nil, err
		}
		pages = append(pages, next)
		last = next
	}
	return assemble(pages, id), nil
}

// fetchRest fetches the pages after first, up to first's total, concurrently.
func fetchRest[T any](ctx context.Context, fetch fetchFunc[T], first *Page[T], take, concurrency int) ([]*Page[T], error) {
	var skips []int
	for s := first.NextSkip(); s < first.Meta.Total; s += take {
		skips = append(skips, s)
		if len(skips) > MaxPages {
			return nil, fmt.Errorf("hyperline: list of %d items needs more than %d pages", first.Meta.Total, MaxPages)
		}
	}
	pages := make([]*Page[T], len(skips))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(1, concurrency))
	for i, skip := range skips {
		if gctx.Err() != nil {
			break // a page failed or ctx ended: start nothing more
		}
		g.Go(func() error {
			p, err := fetch(gctx, ListOptions{Take: take, Skip: skip})
			if err != nil {
				return err
			}
			pages[i] = p
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("hyperline: fetch all pages: %w", err)
	}
	// A page that came back short means the list shrank: later pages, if any,
	// are empty or shifted copies; keep everything and let de-duplication work.
	return pages, nil
}

// assemble concatenates pages in order, keeping the first copy of each ID.
func assemble[T any](pages []*Page[T], id func(T) string) []T {
	n := 0
	for _, p := range pages {
		n += len(p.Items)
	}
	out := make([]T, 0, n)
	seen := make(map[string]struct{}, n)
	for _, p := range pages {
		for _, it := range p.Items {
			k := id(it)
			if _, dup := seen[k]; dup {
				continue
			}
			seen[k] = struct{}{}
			out = append(out, it)
		}
	}
	return out
}
