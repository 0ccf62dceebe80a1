package hyperline

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// BenchmarkFetchAllCustomers fetches every customer of a 10,000-customer
// company over HTTP with 20 ms of simulated latency per request: the v2
// cursor list walked by the iterator and by AllCustomers, against the
// deprecated v1 offset list (GET /v1/customers) walked in order and with 4
// pages in flight, as the client did before it followed the spec.
// Each iteration gets a fresh simulator and client, so neither the server's
// window nor the client's bucket carries over between runs; the default
// client-side limiter is on and the benchmark fails on any 429.
//
//	go test -run '^$' -bench FetchAllCustomers -benchtime=1x -count=3 ./hyperline
func BenchmarkFetchAllCustomers(b *testing.B) {
	const customers = 10_000
	modes := []struct {
		name  string
		fetch func(ctx context.Context, cc *CompanyClient) (int, error)
	}{
		{"sequential", func(ctx context.Context, cc *CompanyClient) (int, error) {
			n := 0
			for _, err := range cc.Customers(ctx, CustomerListOptions{}) {
				if err != nil {
					return n, err
				}
				n++
			}
			return n, nil
		}},
		{"concurrent", func(ctx context.Context, cc *CompanyClient) (int, error) {
			all, err := cc.AllCustomers(ctx, CustomerListOptions{})
			return len(all), err
		}},
		{"v1offset-sequential", func(ctx context.Context, cc *CompanyClient) (int, error) {
			n := 0
			for _, err := range walk(ctx, v1CustomerPages(cc), ListOptions{}, customerID) {
				if err != nil {
					return n, err
				}
				n++
			}
			return n, nil
		}},
		{"v1offset-concurrent", func(ctx context.Context, cc *CompanyClient) (int, error) {
			all, err := fetchAll(ctx, v1CustomerPages(cc), ListOptions{}, customerID, cc.c.concurrency)
			return len(all), err
		}},
	}
	for _, mode := range modes {
		b.Run(mode.name, func(b *testing.B) {
			var requests, limited int
			for b.Loop() {
				b.StopTimer()
				sim, err := simulator.Start("127.0.0.1:0", simulator.Config{Seed: 1, LargeCustomers: customers, Latency: 20 * time.Millisecond})
				if err != nil {
					b.Fatal(err)
				}
				c, _ := simClient(b, sim, false)
				seeded := sim.Companies()
				large := seeded[len(seeded)-1]
				if large.Customers != customers {
					b.Fatalf("large company has %d customers", large.Customers)
				}
				sim.ResetRequests()
				b.StartTimer()

				n, err := mode.fetch(context.Background(), c.Company(large.ID))

				b.StopTimer()
				if err != nil || n != customers {
					b.Fatalf("fetched %d customers: %v", n, err)
				}
				for _, r := range sim.Requests() {
					requests++
					if r.Status == http.StatusTooManyRequests {
						limited++
					}
				}
				_ = sim.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
			if limited > 0 {
				b.Fatalf("%d requests were rate limited", limited)
			}
		})
	}
}

// v1CustomerPages pages through the deprecated offset list GET
// /v1/customers, the baseline the v2 cursor list is measured against.
func v1CustomerPages(cc *CompanyClient) fetchFunc[Customer] {
	return func(ctx context.Context, opts ListOptions) (*Page[Customer], error) {
		return listPage[Customer](ctx, cc.do, "/v1/customers", opts, nil, nil)
	}
}
