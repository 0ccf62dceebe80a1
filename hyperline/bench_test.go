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
			fetchAllBench(b, customers, 20*time.Millisecond, 0, true, mode.fetch)
		})
	}
}

// BenchmarkFetchAllCustomersLatency is AllCustomers over the 10,000
// customers at several latencies, with its time as a multiple of the
// network's ideal: requests / pages in flight × latency ("x-ideal"; the
// issue's target is at most 1.3 at 20 ms, in a fresh process).
//
//	go test -run '^$' -bench FetchAllCustomersLatency -benchtime=2x -count=6 ./hyperline
func BenchmarkFetchAllCustomersLatency(b *testing.B) {
	all := func(ctx context.Context, cc *CompanyClient) (int, error) {
		all, err := cc.AllCustomers(ctx, CustomerListOptions{})
		return len(all), err
	}
	for _, latency := range []time.Duration{0, 20 * time.Millisecond, 100 * time.Millisecond} {
		b.Run("latency="+latency.String(), func(b *testing.B) {
			fetchAllBench(b, 10_000, latency, defaultConcurrency, true, all)
		})
	}
	// The same at 20 ms with the simulator building each customer as it
	// serves it: its generator's CPU, which Hyperline's servers would not
	// spend on this machine, counted in.
	b.Run("latency=20ms/cold-simulator", func(b *testing.B) {
		fetchAllBench(b, 10_000, 20*time.Millisecond, defaultConcurrency, false, all)
	})
}

// fetchAllBench times fetch over a fresh simulator and client per
// iteration, holding n customers in the large company, each data GET
// delayed by latency. With inFlight, it reports its time as a multiple of
// the ideal with that many requests in flight. With warm, the simulator
// builds its customers' JSON before the timer starts, as a server that
// does not share the client's CPU would have it ready.
func fetchAllBench(b *testing.B, n int, latency time.Duration, inFlight int, warm bool, fetch func(context.Context, *CompanyClient) (int, error)) {
	var requests, limited int
	var spent time.Duration
	for b.Loop() {
		b.StopTimer()
		sim, err := simulator.Start("127.0.0.1:0", simulator.Config{Seed: 1, LargeCustomers: n, Latency: latency})
		if err != nil {
			b.Fatal(err)
		}
		c, _ := simClient(b, sim, false)
		seeded := sim.Companies()
		large := seeded[len(seeded)-1]
		if large.Customers != n {
			b.Fatalf("large company has %d customers", large.Customers)
		}
		if warm && !sim.WarmCustomers(large.ID) {
			b.Fatal("the simulator keeps no wire form of the large company")
		}
		sim.ResetRequests()
		start := time.Now()
		b.StartTimer()

		got, err := fetch(context.Background(), c.Company(large.ID))

		b.StopTimer()
		spent += time.Since(start)
		if err != nil || got != n {
			b.Fatalf("fetched %d customers: %v", got, err)
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
	if ideal := float64(requests) / float64(b.N) / float64(max(inFlight, 1)) * float64(latency); inFlight > 0 && ideal > 0 {
		b.ReportMetric(float64(spent)/float64(b.N)/ideal, "x-ideal")
	}
	if limited > 0 {
		b.Fatalf("%d requests were rate limited", limited)
	}
}

// v1CustomerPages pages through the deprecated offset list GET
// /v1/customers, the baseline the v2 cursor list is measured against.
func v1CustomerPages(cc *CompanyClient) fetchFunc[Customer] {
	return func(ctx context.Context, opts ListOptions) (*Page[Customer], error) {
		return listPage[Customer](ctx, cc.do, "/v1/customers", opts, nil, nil)
	}
}
