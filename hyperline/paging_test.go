package hyperline

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func collect[T any](t *testing.T, seq func(func(T, error) bool)) ([]T, error) {
	t.Helper()
	var out []T
	for it, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, it)
	}
	return out, nil
}

func TestPagingSizes(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 99, 100, 101, 250} {
		for _, echo := range []bool{false, true} {
			t.Run("", func(t *testing.T) {
				t.Parallel()
				// Iterator and All* against the same list.
				ls := newListServer(n)
				ls.echoTaken = echo
				srv := httptest.NewServer(ls)
				defer srv.Close()
				c, _ := newTestClient(t, srv)
				cc := c.Company("cmp_1")
				want := makeIDs("cus_", 0, n)

				got, err := collect(t, cc.Subscriptions(context.Background(), SubscriptionListOptions{}))
				if err != nil {
					t.Fatalf("n=%d iterator: %v", n, err)
				}
				if !slices.Equal(ids(got, subscriptionID), want) {
					t.Fatalf("n=%d iterator: got %d items, want %d", n, len(got), n)
				}
				wantPages := max(1, (n+MaxTake-1)/MaxTake)
				if n > 0 && n%MaxTake == 0 {
					// A full last page cannot tell it is last from its
					// size; the total says so and no extra request is made.
					wantPages = n / MaxTake
				}
				if r := ls.requests(); r != wantPages {
					t.Errorf("n=%d iterator made %d requests, want %d", n, r, wantPages)
				}

				all, err := cc.AllSubscriptions(context.Background(), SubscriptionListOptions{})
				if err != nil {
					t.Fatalf("n=%d AllSubscriptions: %v", n, err)
				}
				if !slices.Equal(ids(all, subscriptionID), want) {
					t.Fatalf("n=%d AllSubscriptions: got %d items, want %d", n, len(all), n)
				}
				if r := ls.requests(); r != 2*wantPages {
					t.Errorf("n=%d AllSubscriptions made %d requests, want %d", n, r-wantPages, wantPages)
				}
			})
		}
	}
}

func TestPagingWithoutMetaStopsOnShortPage(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 100, 250} {
		ls := newListServer(n)
		ls.noMeta = true
		srv := httptest.NewServer(ls)
		c, _ := newTestClient(t, srv)
		all, err := c.Company("cmp_1").AllSubscriptions(context.Background(), SubscriptionListOptions{})
		srv.Close()
		if err != nil || len(all) != n {
			t.Fatalf("n=%d: got %d items, err %v", n, len(all), err)
		}
	}
}

func TestListPageHasMoreAndNextSkip(t *testing.T) {
	t.Parallel()
	ls := newListServer(130)
	ls.echoTaken = true
	srv := httptest.NewServer(ls)
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	cc := c.Company("cmp_1")
	ctx := context.Background()

	p, err := cc.ListSubscriptions(ctx, SubscriptionListOptions{ListOptions: ListOptions{Take: 50}})
	if err != nil {
		t.Fatal(err)
	}
	if !p.HasMore() || p.NextSkip() != 50 || len(p.Items) != 50 || p.Meta.Total != 130 {
		t.Fatalf("page 1: HasMore=%v NextSkip=%d items=%d meta=%+v", p.HasMore(), p.NextSkip(), len(p.Items), p.Meta)
	}
	p, err = cc.ListSubscriptions(ctx, SubscriptionListOptions{ListOptions: p.NextOptions()})
	if err != nil {
		t.Fatal(err)
	}
	p, err = cc.ListSubscriptions(ctx, SubscriptionListOptions{ListOptions: p.NextOptions()})
	if err != nil {
		t.Fatal(err)
	}
	if p.HasMore() || len(p.Items) != 30 {
		t.Fatalf("last page: HasMore=%v items=%d", p.HasMore(), len(p.Items))
	}
	// Past the end: empty page echoing taken=50 must not look like more.
	p, err = cc.ListSubscriptions(ctx, SubscriptionListOptions{ListOptions: ListOptions{Take: 50, Skip: 500}})
	if err != nil {
		t.Fatal(err)
	}
	if p.HasMore() || p.Meta.Taken != 50 {
		t.Fatalf("empty page: HasMore=%v meta=%+v", p.HasMore(), p.Meta)
	}
	// A hand-built page works from its meta.
	hand := &Page[Customer]{Items: make([]Customer, 10), Meta: Meta{Total: 30, Taken: 10, Skipped: 10}}
	if !hand.HasMore() || hand.NextSkip() != 20 {
		t.Fatalf("hand-built: HasMore=%v NextSkip=%d", hand.HasMore(), hand.NextSkip())
	}
	var nilPage *Page[Customer]
	if nilPage.HasMore() {
		t.Fatal("nil page has more")
	}
}

func TestTakeValidatedBeforeAnyRequest(t *testing.T) {
	t.Parallel()
	ls := newListServer(10)
	srv := httptest.NewServer(ls)
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	cc := c.Company("cmp_1")
	ctx := context.Background()
	for _, lo := range []ListOptions{{Take: 101}, {Take: -1}, {Skip: -5}} {
		if _, err := cc.ListSubscriptions(ctx, SubscriptionListOptions{ListOptions: lo}); err == nil {
			t.Errorf("ListSubscriptions(%+v): no error", lo)
		}
		if _, err := cc.AllSubscriptions(ctx, SubscriptionListOptions{ListOptions: lo}); err == nil {
			t.Errorf("AllSubscriptions(%+v): no error", lo)
		}
		if _, err := collect(t, cc.Subscriptions(ctx, SubscriptionListOptions{ListOptions: lo})); err == nil {
			t.Errorf("Subscriptions(%+v): no error", lo)
		}
	}
	if r := ls.requests(); r != 0 {
		t.Fatalf("%d requests made for invalid options", r)
	}
}

// The list grows at the front between pages: offset paging shifts items
// into the next page; nothing may come back twice.
func TestPagingTotalGrowsAtFront(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"iterator", "all"} {
		ls := newListServer(150)
		original := slices.Clone(ls.ids)
		ls.before = func(call int, ls *listServer) {
			if call == 2 {
				ls.ids = append(makeIDs("cus_new_", 0, 5), ls.ids...)
			}
		}
		srv := httptest.NewServer(ls)
		c, _ := newTestClient(t, srv)
		cc := c.Company("cmp_1")
		var got []Subscription
		var err error
		if mode == "all" {
			got, err = cc.AllSubscriptions(context.Background(), SubscriptionListOptions{})
		} else {
			got, err = collect(t, cc.Subscriptions(context.Background(), SubscriptionListOptions{}))
		}
		srv.Close()
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		gotIDs := ids(got, subscriptionID)
		seen := map[string]bool{}
		for _, id := range gotIDs {
			if seen[id] {
				t.Fatalf("%s: %s returned twice", mode, id)
			}
			seen[id] = true
		}
		for _, id := range original {
			if !seen[id] {
				t.Fatalf("%s: original item %s missing", mode, id)
			}
		}
	}
}

// The list grows at the end past the total the fan-out was planned from:
// All* must keep going until the list really ends.
func TestAllFollowsGrowingTotal(t *testing.T) {
	t.Parallel()
	ls := newListServer(150)
	ls.before = func(call int, ls *listServer) {
		if call == 2 {
			ls.ids = append(ls.ids, makeIDs("cus_", 150, 100)...)
		}
	}
	srv := httptest.NewServer(ls)
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	got, err := c.Company("cmp_1").AllSubscriptions(context.Background(), SubscriptionListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(got, subscriptionID), makeIDs("cus_", 0, 250)) {
		t.Fatalf("got %d items, want 250 in order", len(got))
	}
}

// A server that ignores skip serves page 1 again and again: the walk ends at
// the total and yields each item once.
func TestPagingServerIgnoresSkip(t *testing.T) {
	t.Parallel()
	ls := newListServer(250)
	ls.ignoreSkip = true
	srv := httptest.NewServer(ls)
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	cc := c.Company("cmp_1")
	got, err := collect(t, cc.Subscriptions(context.Background(), SubscriptionListOptions{}))
	if err != nil || len(got) != 100 {
		t.Fatalf("iterator: %d items, err %v", len(got), err)
	}
	all, err := cc.AllSubscriptions(context.Background(), SubscriptionListOptions{})
	if err != nil || len(all) != 100 {
		t.Fatalf("all: %d items, err %v", len(all), err)
	}
}

// A server whose list never ends (full pages, total always one page ahead)
// must not be walked forever.
func TestPagingNeverShrinkingServerIsCapped(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"iterator", "all"} {
		ls := newListServer(100_000)
		ls.total = func(call, _ int) int { return call*MaxTake + 1 }
		srv := httptest.NewServer(ls)
		c, _ := newTestClient(t, srv)
		cc := c.Company("cmp_1")
		var err error
		if mode == "all" {
			_, err = cc.AllSubscriptions(context.Background(), SubscriptionListOptions{})
		} else {
			_, err = collect(t, cc.Subscriptions(context.Background(), SubscriptionListOptions{}))
		}
		srv.Close()
		if err == nil || !strings.Contains(err.Error(), "did not end") {
			t.Fatalf("%s: err = %v, want a page-cap error", mode, err)
		}
		// First total 101 plans 2 pages; the cap is 2*1+10 pages after the first.
		if r := ls.requests(); r > 14 {
			t.Fatalf("%s made %d requests before giving up", mode, r)
		}
	}
}

func TestAllBoundsConcurrency(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 3} {
		ls := newListServer(2000)
		srv := httptest.NewServer(ls)
		c, _ := newTestClient(t, srv, WithConcurrency(n))
		got, err := c.Company("cmp_1").AllSubscriptions(context.Background(), SubscriptionListOptions{})
		srv.Close()
		if err != nil || len(got) != 2000 {
			t.Fatalf("concurrency %d: %d items, err %v", n, len(got), err)
		}
		if m := ls.maxFlight.Load(); int(m) > n {
			t.Fatalf("concurrency %d: %d requests in flight", n, m)
		}
	}
}

func TestAllStopsOnFirstError(t *testing.T) {
	t.Parallel()
	const concurrency = 4
	ls := newListServer(5000) // 50 pages
	ls.fail = func(call, skip int) int {
		if skip == 1000 {
			return http.StatusNotFound
		}
		return 0
	}
	srv := httptest.NewServer(ls)
	defer srv.Close()
	c, _ := newTestClient(t, srv, WithConcurrency(concurrency))
	_, err := c.Company("cmp_1").AllSubscriptions(context.Background(), SubscriptionListOptions{})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	// Page at skip 1000 is the 11th request sent. Requests sent after it
	// can still arrive (those in flight, and those started while its answer
	// travels, which a busy machine makes a few more), but the walk must
	// stop well short of the 50 pages: a fixed bound of three slots' worth
	// keeps the test free of timing luck.
	if r := ls.requests(); r > 11+3*concurrency {
		t.Fatalf("%d requests made after the failure at request 11", r)
	}
}

func TestAllStopsOnCancel(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ls := newListServer(5000)
	ls.before = func(call int, _ *listServer) {
		if call == 5 {
			cancel()
		}
	}
	srv := httptest.NewServer(ls)
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	_, err := c.Company("cmp_1").AllSubscriptions(ctx, SubscriptionListOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if r := ls.requests(); r > 5+4 {
		t.Fatalf("%d requests after cancel at request 5", r)
	}

	// The iterator too, and breaking out of it early stops requests.
	ls2 := newListServer(1000)
	srv2 := httptest.NewServer(ls2)
	defer srv2.Close()
	c2, _ := newTestClient(t, srv2)
	n := 0
	for _, err := range c2.Company("cmp_1").Subscriptions(context.Background(), SubscriptionListOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 150 {
			break
		}
	}
	if r := ls2.requests(); r != 2 {
		t.Fatalf("iterator broken after 150 items made %d requests, want 2", r)
	}
}

// TestCursorPaging walks a cursor list (GET /v2/customers) of every size
// around the page boundary: one request a page, each after the first
// carrying the previous page's next_cursor, and no request after has_more
// is false.
func TestCursorPaging(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, 1, 99, 100, 101, 250} {
		ls := newListServer(n)
		srv := httptest.NewServer(ls)
		c, _ := newTestClient(t, srv)
		cc := c.Company("cmp_1")
		want := makeIDs("cus_", 0, n)
		got, err := collect(t, cc.Customers(context.Background(), CustomerListOptions{}))
		if err != nil || !slices.Equal(ids(got, customerID), want) {
			t.Fatalf("n=%d iterator: %v, %d items", n, err, len(got))
		}
		all, err := cc.AllCustomers(context.Background(), CustomerListOptions{})
		if err != nil || !slices.Equal(ids(all, customerID), want) {
			t.Fatalf("n=%d AllCustomers: %v, %d items", n, err, len(all))
		}
		wantPages := max(1, (n+MaxTake-1)/MaxTake)
		// AllCustomers asks once more, for the oldest customer, to cut the
		// list by creation date (which this server does not filter by, so
		// it walks on from the first page).
		wantAll := wantPages + 1
		if r := ls.requests(); r != wantPages+wantAll {
			t.Errorf("n=%d: %d requests, want %d", n, r, wantPages+wantAll)
		}
		ls.mu.Lock()
		for i, q := range ls.queries[:wantPages] {
			wantQ := "limit=100"
			if i > 0 {
				wantQ = "cursor=at%3A" + strconv.Itoa(i*MaxTake) + "&limit=100"
			}
			if q != wantQ {
				t.Errorf("n=%d page %d: query %q, want %q", n, i, q, wantQ)
			}
		}
		ls.mu.Unlock()
		srv.Close()
	}
}

// TestCursorPageTotal: the total comes only when asked for, and a page
// says whether it has one.
func TestCursorPageTotal(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(newListServer(130))
	defer srv.Close()
	c, _ := newTestClient(t, srv)
	cc := c.Company("cmp_1")
	p, err := cc.ListCustomers(context.Background(), CustomerListOptions{ListOptions: ListOptions{Take: 50}})
	if err != nil || p.HasTotal() || p.Meta.Total != 0 || !p.HasMore() || p.NextOptions() != (ListOptions{Take: 50, Cursor: "at:50"}) {
		t.Fatalf("without total: %v, HasTotal %v, next %+v", err, p.HasTotal(), p.NextOptions())
	}
	p, err = cc.ListCustomers(context.Background(), CustomerListOptions{ListOptions: ListOptions{Take: 50, WithTotal: true}})
	if err != nil || !p.HasTotal() || p.Meta.Total != 130 {
		t.Fatalf("with total: %v, HasTotal %v, total %d", err, p.HasTotal(), p.Meta.Total)
	}
	p, err = cc.ListCustomers(context.Background(), CustomerListOptions{ListOptions: ListOptions{Take: 50, Cursor: "at:100"}})
	if err != nil || len(p.Items) != 30 || p.HasMore() || p.NextSkip() != 0 {
		t.Fatalf("last page: %v, %d items, HasMore %v", err, len(p.Items), p.HasMore())
	}
}
