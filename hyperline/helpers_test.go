package hyperline

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const testToken = "tok_secret_0123456789abcdef"

// newTestClient builds a client against srv with retries that never wait and
// no client-side rate limit, unless opts say otherwise.
func newTestClient(t *testing.T, srv *httptest.Server, opts ...Option) (*Client, *sleepRecorder) {
	t.Helper()
	rec := &sleepRecorder{}
	base := []Option{
		WithHTTPClient(srv.Client()),
		WithRetry(RetryPolicy{Sleep: rec.sleep, Jitter: func(c time.Duration) time.Duration { return c }}),
		WithRateLimit(0, 0),
		WithWriteRateLimit(0, 0),
	}
	c, err := New(srv.URL, APIKey(testToken), append(base, opts...)...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, rec
}

// sleepRecorder is an injected RetryPolicy.Sleep: it records the delays asked
// for and returns at once (or the context's error).
type sleepRecorder struct {
	mu     sync.Mutex
	delays []time.Duration
	hook   func(ctx context.Context) // optional, runs before returning
}

func (r *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.delays = append(r.delays, d)
	hook := r.hook
	r.mu.Unlock()
	if hook != nil {
		hook(ctx)
	}
	return ctx.Err()
}

func (r *sleepRecorder) got() []time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]time.Duration(nil), r.delays...)
}

// listServer serves GET <path> as a list of items with IDs
// cus_0000..cus_NNNN: a cursor list on /v2/customers and /v2/invoices (the
// cursor is "at:<offset>"), an offset list elsewhere, with knobs for the
// quirks and failures paging must survive.
type listServer struct {
	mu        sync.Mutex
	ids       []string
	calls     int
	queries   []string
	inFlight  atomic.Int32
	maxFlight atomic.Int32

	echoTaken  bool                           // empty page answers taken = requested take
	noMeta     bool                           // omit meta entirely
	ignoreSkip bool                           // always serve from 0
	before     func(call int, ls *listServer) // runs under mu before serving call (1-based)
	fail       func(call int, skip int) int   // non-zero: answer this status instead
	total      func(call int, real int) int   // override meta.total
	customerOf func(id string) string         // for invoices: the customer an item belongs to
}

func newListServer(n int) *listServer {
	ls := &listServer{}
	ls.ids = makeIDs("cus_", 0, n)
	return ls
}

func makeIDs(prefix string, from, n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%s%05d", prefix, from+i)
	}
	return ids
}

func (ls *listServer) requests() int {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	return ls.calls
}

func (ls *listServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := ls.inFlight.Add(1)
	defer ls.inFlight.Add(-1)
	for {
		m := ls.maxFlight.Load()
		if n <= m || ls.maxFlight.CompareAndSwap(m, n) {
			break
		}
	}
	q := r.URL.Query()
	cursorList := strings.HasPrefix(r.URL.Path, "/v2/customers") || strings.HasPrefix(r.URL.Path, "/v2/invoices")
	take, skip := 50, 0
	if v := q.Get("take"); v != "" {
		take, _ = strconv.Atoi(v)
	}
	if v := q.Get("skip"); v != "" {
		skip, _ = strconv.Atoi(v)
	}
	if cursorList {
		if v := q.Get("limit"); v != "" {
			take, _ = strconv.Atoi(v)
		}
		if v, ok := strings.CutPrefix(q.Get("cursor"), "at:"); ok {
			skip, _ = strconv.Atoi(v)
		}
	}

	ls.mu.Lock()
	ls.calls++
	call := ls.calls
	ls.queries = append(ls.queries, r.URL.RawQuery)
	if ls.before != nil {
		ls.before(call, ls)
	}
	if ls.fail != nil {
		if status := ls.fail(call, skip); status != 0 {
			ls.mu.Unlock()
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			fmt.Fprintf(w, `{"message":"failure at skip %d"}`, skip)
			return
		}
	}
	if ls.ignoreSkip {
		skip = 0
	}
	ids := ls.ids
	var page []string
	if skip < len(ids) {
		page = ids[skip:min(len(ids), skip+take)]
	}
	total := len(ids)
	if ls.total != nil {
		total = ls.total(call, total)
	}
	data := make([]map[string]any, len(page))
	for i, id := range page {
		item := map[string]any{"id": id, "name": "Customer " + id, "status": "active", "currency": "EUR", "customer_id": "cus_A"}
		if ls.customerOf != nil {
			item["customer"] = map[string]any{"id": ls.customerOf(id), "name": "x"}
			item["status"] = "paid"
		}
		data[i] = item
	}
	ls.mu.Unlock()

	if cursorList {
		body := map[string]any{"data": data, "next_cursor": nil, "has_more": false}
		if next := skip + len(page); next < total && len(page) > 0 {
			body["next_cursor"], body["has_more"] = "at:"+strconv.Itoa(next), true
		}
		if q.Get("include_total") == "true" {
			body["total"] = total
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_ = json.NewEncoder(w).Encode(body)
		return
	}
	taken := len(page)
	if taken == 0 && ls.echoTaken {
		taken = take
	}
	body := map[string]any{"data": data}
	if !ls.noMeta {
		body["meta"] = map[string]any{"total": total, "taken": taken, "skipped": skip}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(body)
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}
