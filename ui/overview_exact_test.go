package ui

import (
	"strings"
	"sync"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// memoryCache is an AggregateCache in memory.
type memoryCache struct {
	mu    sync.Mutex
	saved map[string]Revenue
}

func (c *memoryCache) LoadRevenue(company, day string) (*Revenue, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.saved[company+day]; ok {
		return &r, nil
	}
	return nil, nil
}

func (c *memoryCache) SaveRevenue(r Revenue) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.saved[r.Company+r.Day] = r
	return nil
}

// TestOverviewExactAmountsOnRequest: on a company whose months hold more
// invoices than a page, the chart is estimated from one page a month; e
// says what reading every invoice costs and sends nothing; e again reads
// them all, after which every month is exact, the figures (sums only) are
// cached, and the overview opened again the same day sends no invoice
// request for the chart.
func TestOverviewExactAmountsOnRequest(t *testing.T) {
	t.Parallel()
	h, env := simHarness(t, simulator.Config{LargeCustomers: 3_000}, 2, 120, 40)
	cache := &memoryCache{saved: map[string]Revenue{}}
	h.app.c.aggregates = cache
	h.key("0")
	h.requireView("≈", "e: exact")
	o := h.app.top().(*overviewModel)
	read, total := o.readTotals()
	if read >= total || o.pagesLeft() <= cheapPages {
		t.Fatalf("read %d of %d, %d pages left: the company is too small for this test", read, total, o.pagesLeft())
	}
	env.sim.ResetRequests()
	h.key("e")
	h.requireView("Exact amounts: reading "+formatCount(total-read)+" more invoices takes ≈"+formatCount(o.pagesLeft())+" requests",
		"e again to start")
	if n := len(env.sim.Requests()); n != 0 {
		t.Fatalf("the estimate sent %d requests", n)
	}
	h.key("e")
	o = h.app.top().(*overviewModel)
	if read, total := o.readTotals(); read != total || o.exact {
		t.Fatalf("after reading: %d of %d, still reading %v", read, total, o.exact)
	}
	h.requireView("exact, " + formatCount(total) + " invoices")
	if strings.Contains(h.view(), "≈") {
		t.Errorf("an estimate is left:\n%s", h.view())
	}
	if len(cache.saved) != 1 {
		t.Fatalf("%d cached figures", len(cache.saved))
	}
	for _, r := range cache.saved {
		if len(r.Months) != 12 || r.Company != h.app.scope.company.ID {
			t.Fatalf("cached %+v", r)
		}
	}
	h.key("esc")
	env.sim.ResetRequests()
	h.key("0")
	h.requireView("(cached)")
	for _, q := range listQueries(env, "/v2/invoices") {
		if q.Has("issued_at__gte") {
			t.Fatalf("the chart was read again: %v", q)
		}
	}
}

// TestOverviewExactReadingStops: x while every invoice is being read
// stops the reading (its context is cancelled) and drops the pages still
// on their way; the estimates stand and e can start it again.
func TestOverviewExactReadingStops(t *testing.T) {
	t.Parallel()
	h, _ := simHarness(t, simulator.Config{LargeCustomers: 3_000}, 2, 120, 40)
	h.key("0")
	o := h.app.top().(*overviewModel)
	before, _ := o.readTotals()
	m, pages := o.startExact() // the pages' commands are held, not run
	*o = m
	h.requireView("reading every invoice", "x stops")
	ctx := o.exactCtx
	h.key("x")
	if o.exact || ctx.Err() == nil {
		t.Fatalf("x: still reading %v, context %v", o.exact, ctx.Err())
	}
	h.run(pages) // they answer (or fail, cancelled) after the stop
	if read, _ := o.readTotals(); read != before {
		t.Errorf("pages after the stop were counted: %d read, %d before", read, before)
	}
	h.requireView("e: exact")
	if !o.keys.Exact.Enabled() {
		t.Error("e cannot start it again")
	}
}
