package simulator

import (
	"net/url"
	"slices"
	"testing"
	"time"
)

// TestIndexAgreesWithGeneratedData: every filter the index answers selects
// exactly what the generated objects do, for customers (status, type,
// subscription status, search) and invoices (every status value, types,
// issued and due windows), in both orders.
func TestIndexAgreesWithGeneratedData(t *testing.T) {
	t.Parallel()
	s := New(Config{Epoch: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)})
	co := s.data.companies[1]
	for _, query := range []string{
		"status=active", "status=archived", "status=inactive", "status__in=archived,inactive",
		"type=person", "type__in=corporate", "subscription_status=trialing",
		"subscription_status__in=none,errored", "search=gmbh", "search=cus_", "search=@", "search=zz-no-match",
		"status=active&search=a&type=corporate",
	} {
		q, _ := url.ParseQuery(query)
		cq, msg := parseCustomerQuery(q)
		if msg != "" || !cq.indexable() {
			t.Fatalf("%s: %q, indexable %v", query, msg, cq.indexable())
		}
		n := 0
		for i := range co.customers {
			got, want := s.customerMatchesIndexed(&cq, co, i), s.customerMatchesGenerated(cq, co, i)
			if got != want {
				t.Fatalf("%s: customer %d: index says %v, generated %v", query, i, got, want)
			}
			if got {
				n++
			}
		}
		if cq.search == "" {
			if got := s.countIndexed(&cq, co); got != n {
				t.Fatalf("%s: the buckets count %d, the customers %d", query, got, n)
			}
		}
		t.Logf("%s: %d", query, n)
	}
	queries := []string{"", "type=refund", "type__in=invoice,document", "issued_at__gte=2026-01-01T00:00:00Z&issued_at__lt=2026-02-01T00:00:00Z",
		"due_at__lt=2026-11-01T00:00:00Z&status=outstanding", "issued_at__isNull=true&status=all", "status=late&type=invoice"}
	for _, st := range invoiceFilterStatuses() {
		queries = append(queries, "status="+st)
	}
	for _, query := range queries {
		q, _ := url.ParseQuery(query)
		iq, msg := s.data.parseInvoiceQuery(q, co, false)
		if msg != "" || !iq.indexable() {
			t.Fatalf("%s: %q, indexable %v", query, msg, iq.indexable())
		}
		indexed := s.newInvoiceWalk(co, iq)
		generated := invoiceWalk{s: s, co: co, iq: iq}
		for _, p := range []cursorPage{{sort: "created_at"}, {sort: "created_at", desc: true}, {sort: "emitted_at", desc: true}} {
			gk, gt := indexed.collect(p, 1_000_000, true)
			wk, wt := generated.collect(p, 1_000_000, true)
			if gt != wt || !slices.Equal(gk, wk) {
				t.Fatalf("%s (%s, desc %v): index %d keys of %d, generated %d of %d", query, p.sort, p.desc, len(gk), gt, len(wk), wt)
			}
		}
	}
}
