package ui

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

// ctxRecorder records whether the context of each object request had ended
// when the request ran.
type ctxRecorder struct {
	Data
	mu   sync.Mutex
	errs []error
}

func (r *ctxRecorder) record(ctx context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, ctx.Err())
}

func (r *ctxRecorder) Customer(ctx context.Context, company, id string) (*hyperline.Customer, error) {
	r.record(ctx)
	return r.Data.Customer(ctx, company, id)
}

func (r *ctxRecorder) Subscriptions(ctx context.Context, company string, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error) {
	r.record(ctx)
	return r.Data.Subscriptions(ctx, company, opts)
}

func (r *ctxRecorder) Invoices(ctx context.Context, company string, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error) {
	r.record(ctx)
	return r.Data.Invoices(ctx, company, opts)
}

// TestLeavingADetailCancelsItsRequests: esc out of a detail whose object
// and related lists are still loading cancels those requests, instead of
// letting them run to their timeout for a screen that is gone.
func TestLeavingADetailCancelsItsRequests(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	rec := &ctxRecorder{Data: h.data}
	h.app.c.data = rec
	_, open := h.app.Update(keyMsg("enter"))
	_, load := h.app.Update(open())
	if _, ok := h.app.top().(*detailModel); !ok {
		t.Fatalf("top = %T, want the detail", h.app.top())
	}
	h.key("esc")
	if _, ok := h.app.top().(*browserModel); !ok {
		t.Fatalf("top after esc = %T, want the browser", h.app.top())
	}
	h.run(load)
	if len(rec.errs) != 3+2 {
		t.Fatalf("%d requests ran, want the customer, its subscriptions and its invoices, and its outstanding and late invoices", len(rec.errs))
	}
	for i, err := range rec.errs {
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("request %d ran with its context live (%v) after the detail was left", i, err)
		}
	}
	h.rejectView("✗", "canceled")
	if h.browser().sc.ctx.Err() != nil {
		t.Fatal("leaving the detail cancelled the company's requests")
	}
}
