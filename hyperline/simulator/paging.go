package simulator

import (
	"net/http"
	"net/url"
	"strconv"
)

// Offset paging: take (default 50, at most 100) and skip.
const (
	defaultTake = 50
	maxTake     = 100
)

// page is a validated take/skip pair.
type page struct{ take, skip int }

// parsePage reads take and skip, which the spec bounds to 0..100 (take,
// default 50) and 0.. (skip, default 0); take=0 returns no items. Not
// documented: the answer to a value out of bounds or not an integer; 400
// rather than clamping.
func parsePage(q url.Values) (page, string) {
	p := page{take: defaultTake}
	if v, ok := q["take"]; ok {
		n, err := strconv.Atoi(v[0])
		switch {
		case err != nil || n < 0:
			return p, "take must be a non-negative integer"
		case n > maxTake:
			return p, "take must not be greater than 100"
		}
		p.take = n
	}
	if v, ok := q["skip"]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 0 {
			return p, "skip must be a non-negative integer"
		}
		p.skip = n
	}
	return p, ""
}

// pager collects one page while a handler walks every candidate in order.
type pager[T any] struct {
	page
	total int
	items []T
}

// parseList reads a list request's paging and its filters (parse), and
// answers 400 with the first problem found; ok is false when it did.
func parseList[Q any](w http.ResponseWriter, q url.Values, parse func(url.Values) (Q, string)) (p page, filters Q, ok bool) {
	p, msg := parsePage(q)
	if msg == "" {
		filters, msg = parse(q)
	}
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return p, filters, false
	}
	return p, filters, true
}

func newPager[T any](p page) *pager[T] {
	return &pager[T]{page: p, items: make([]T, 0, min(p.take, maxTake))}
}

// offer counts a matching item and builds it only if it falls in the page.
func (pg *pager[T]) offer(build func() T) {
	if pg.total >= pg.skip && len(pg.items) < pg.take {
		pg.items = append(pg.items, build())
	}
	pg.total++
}

// offerN counts n matching items at once, building only those in the page.
func (pg *pager[T]) offerN(n int, build func(k int) T) {
	if pg.total+n <= pg.skip || len(pg.items) >= pg.take {
		pg.total += n
		return
	}
	for k := range n {
		pg.offer(func() T { return build(k) })
	}
}

// write sends the offset envelope. Observed quirk reproduced: on an empty
// page past the end, meta.taken echoes the requested take instead of 0.
func (pg *pager[T]) write(w http.ResponseWriter) {
	taken := len(pg.items)
	if taken == 0 && pg.skip >= pg.total {
		taken = pg.take
	}
	writeJSON(w, http.StatusOK, listEnvelope[T]{
		Meta: listMeta{Total: pg.total, Taken: taken, Skipped: pg.skip},
		Data: pg.items,
	})
}
