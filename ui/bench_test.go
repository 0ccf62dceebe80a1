package ui

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/list"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// BenchmarkStartToFirstData measures a start with a saved session: from
// ui.New to the first frame showing customer rows, with the simulator on
// loopback. The Init command chain runs synchronously: read the session
// file, open the token source and client, fetch the first page of the
// saved company's customers, render.
func BenchmarkStartToFirstData(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(b, simulator.Config{ReadLimit: -1})
	company := env.loginAndChoose(b, ctx, 1)
	want := "/" + formatCount(company.Customers)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		be := backend.New(backend.Options{Settings: env.settings, Store: env.store})
		h := newHarnessWithDeps(b, env.deps(ctx, withoutEvents{be}, be), 200, 50).start()
		frame := h.app.View()
		if i == 0 && (!strings.Contains(frame, want) || h.browser().customers().base.table.Len() == 0) {
			b.Fatalf("the first frame has no customers:\n%s", h.view())
		}
	}
}

// BenchmarkCursorMoveAndView measures one key press moving the cursor and
// the frame after it, through the whole app (root model, browser, tab,
// table), with the customers tab holding n rows at 200x50. It must stay flat
// as n grows.
func BenchmarkCursorMoveAndView(b *testing.B) {
	for _, n := range []int{100, 10_000, 100_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			h := newHarness(b, 200, 50).start()
			fillCustomers(h, n)
			h.app.View()
			down, up := keyMsg("down"), keyMsg("up")
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				k := down
				if i%40 >= 20 {
					k = up
				}
				h.app.Update(k)
				_ = h.app.View()
			}
		})
	}
}

// BenchmarkClockTick measures the once-a-second tick with 100,000 rows
// held: it must redraw the status bar only.
func BenchmarkClockTick(b *testing.B) {
	h := newHarness(b, 200, 50).start()
	fillCustomers(h, 100_000)
	h.app.View()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.app.Update(tickMsg(testNow))
		_ = h.app.View()
	}
}

// BenchmarkFilterKeystroke measures one key typed in the filter with
// 100,000 customers loaded (the local filter; the server request waits for
// the debounce).
func BenchmarkFilterKeystroke(b *testing.B) {
	h := newHarness(b, 200, 50).start()
	fillCustomers(h, 100_000)
	h.key("/")
	h.typeText("cobalt labs 9")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := keyMsg("9")
		if i%2 == 1 {
			k = keyMsg("backspace")
		}
		h.app.Update(k)
		_ = h.app.View()
	}
}

// fillCustomers gives the customers tab n loaded rows as one page result.
func fillCustomers(h *harness, n int) {
	names := []string{"Acme Tools", "Bluebird Analytics", "Cobalt Labs", "Delta Freight", "Evergreen Farms"}
	items := make([]hyperline.Customer, n)
	email := "billing@example.com"
	for i := range items {
		items[i] = hyperline.Customer{ID: fmt.Sprintf("cus_%08d", i), Name: fmt.Sprintf("%s %d", names[i%len(names)], i),
			Status: "active", Currency: "EUR", BillingEmail: &email, CreatedAt: testNow}
	}
	l := h.browser().customers()
	h.send(pageLoadedMsg[hyperline.Customer]{resultTag: resultTag{reqID: l.base.reqID + 1000, company: "cmp_acme"}})
	// Ask for a reload and answer it with the n rows.
	h.app.Update(keyMsg("r"))
	l = h.browser().customers()
	h.send(pageLoadedMsg[hyperline.Customer]{resultTag: resultTag{reqID: l.base.reqID, company: "cmp_acme"}, first: true,
		page: &hyperline.Page[hyperline.Customer]{Items: items, Meta: hyperline.Meta{Total: n, Skipped: 0}}})
	if got := h.browser().customers().base.table.Len(); got != n {
		h.t.Fatalf("the table holds %d rows, want %d", got, n)
	}
}

// BenchmarkClearFilter100k measures esc on a filtered customers tab holding
// 100,000 loaded rows: with the local filter only (the server's answer not
// in yet) and with the server's answer shown in place of the loaded rows.
// Both must stay well under 5 ms: the loaded rows have not changed, so
// nothing may be rebuilt.
func BenchmarkClearFilter100k(b *testing.B) {
	for _, server := range []bool{false, true} {
		name := "local"
		if server {
			name = "server"
		}
		b.Run(name, func(b *testing.B) {
			h := newHarness(b, 200, 50).start()
			fillCustomers(h, 100_000)
			esc := keyMsg("esc")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				h.key("/")
				h.typeText("cobalt labs 9")
				if server {
					h.fire(0)
					if !h.browser().customers().serverOn {
						b.Fatal("the server's answer is not shown")
					}
				}
				h.app.View()
				runtime.GC() // the setup's garbage is not the clear's cost
				b.StartTimer()
				h.app.Update(esc)
				_ = h.app.View()
			}
			b.StopTimer()
			if n := h.browser().customers().base.table.VisibleLen(); n != 100_000 {
				b.Fatalf("%d rows shown after esc, want 100,000", n)
			}
		})
	}
}

// BenchmarkHeldCustomers loads every customer of a 100,000-customer company
// into the customers tab through the app (G follows the list to its end,
// page by page, from the simulator over loopback) and reports the heap the
// app then holds against the size of the customers' JSON as the API sends
// it. The bound is 1.3; the benchmark fails above it.
//
//	go test -run '^$' -bench HeldCustomers -benchtime 1x ./ui
func BenchmarkHeldCustomers(b *testing.B) {
	const n = 100_000
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(b, simulator.Config{ReadLimit: -1, LargeCustomers: n})
	company := env.loginAndChoose(b, ctx, 2)
	be := backend.New(backend.Options{Settings: env.settings, Store: env.store,
		ClientOptions: []hyperline.Option{hyperline.WithRateLimit(0, 0)}})
	if _, err := be.Resume(ctx); err != nil {
		b.Fatal(err)
	}
	jsonSize := customersJSONSize(b, ctx, be, company.ID)
	var held uint64
	for b.Loop() {
		before := heapAfterGC()
		h := newHarnessWithDeps(b, env.deps(ctx, withoutEvents{be}, be), 200, 50).start()
		h.key("G")
		if got := h.browser().customers().base.table.Len(); got != n {
			b.Fatalf("the tab holds %d customers, want %d", got, n)
		}
		held = heapAfterGC() - before
		runtime.KeepAlive(h)
	}
	ratio := float64(held) / float64(jsonSize)
	b.ReportMetric(float64(held)/1e6, "heap-MB")
	b.ReportMetric(float64(jsonSize)/1e6, "json-MB")
	b.ReportMetric(ratio, "heap/json")
	if ratio > 1.3 {
		b.Errorf("the app holds %.0f MB for %.0f MB of customers' JSON: %.2f×, want at most 1.3×",
			float64(held)/1e6, float64(jsonSize)/1e6, ratio)
	}
}

// customersJSONSize is the size of every customer's JSON object in a
// company, as the API sends it.
func customersJSONSize(b *testing.B, ctx context.Context, data *backend.Backend, companyID string) int {
	size := 0
	opts := hyperline.CustomerListOptions{ListOptions: hyperline.ListOptions{Take: hyperline.MaxTake}}
	for pages := 0; pages < hyperline.MaxPages; pages++ {
		p, err := data.Customers(ctx, companyID, opts)
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range p.Items {
			size += len(c.Raw)
		}
		if !p.HasMore() {
			break
		}
		opts.ListOptions = p.NextOptions()
	}
	return size
}

// heapAfterGC is the live heap once the garbage is collected.
func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkStockBubblesListFilter is the anchor of BenchmarkFilterKeystroke:
// bubbles/list v1.0.0 holding the same 100,000 customers (name, id, email,
// currency, status), one keystroke of the same query and the frame after
// it, at 200x50.
func BenchmarkStockBubblesListFilter(b *testing.B) {
	names := []string{"Acme Tools", "Bluebird Analytics", "Cobalt Labs", "Delta Freight", "Evergreen Farms"}
	items := make([]list.Item, 100_000)
	for i := range items {
		items[i] = stockCustomer{title: fmt.Sprintf("%s %d", names[i%len(names)], i),
			desc: fmt.Sprintf("cus_%08d · billing@example.com · EUR · active", i)}
	}
	m := list.New(items, list.NewDefaultDelegate(), 200, 50)
	m.SetFilterText("cobalt labs ")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := "cobalt labs 9"
		if i%2 == 1 {
			q = "cobalt labs "
		}
		m.SetFilterText(q)
		_ = m.View()
	}
}

// stockCustomer is a customer as a bubbles/list item.
type stockCustomer struct{ title, desc string }

func (c stockCustomer) Title() string       { return c.title }
func (c stockCustomer) Description() string { return c.desc }
func (c stockCustomer) FilterValue() string { return c.title + " " + c.desc }
