package hyperline

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"slices"
	"strings"
	"time"
)

// InvoiceListOptions filters GET /v2/invoices.
type InvoiceListOptions struct {
	ListOptions
	// Status sends status (one value) or status__in (several): invoice
	// statuses or the filter values such as InvoiceFilterAll and
	// InvoiceFilterLate. Nil keeps the server's default, which leaves out
	// open invoices.
	Status []string
	// Type sends type or type__in (the filter calls credit notes "refund").
	Type []string
	// CustomerID, SubscriptionID and Number send customer_id,
	// subscription_id and invoice_number.
	CustomerID     string
	SubscriptionID string
	Number         string
	// NumberContains sends invoice_number__contains.
	NumberContains string
	// OriginalInvoiceID sends original_invoice_id: the credit notes of an
	// invoice.
	OriginalInvoiceID string
	// IssuedFrom and IssuedBefore send issued_at__gte and issued_at__lt:
	// invoices issued in [IssuedFrom, IssuedBefore).
	IssuedFrom, IssuedBefore time.Time
	// DueFrom and DueBefore send due_at__gte and due_at__lt: invoices due
	// in [DueFrom, DueBefore).
	DueFrom, DueBefore time.Time
	// Sort orders the list by SortCreatedAt or SortEmittedAt.
	Sort Sort
}

func (o InvoiceListOptions) filters() (url.Values, error) {
	q := url.Values{}
	if err := setIn(q, "status", o.Status); err != nil {
		return nil, err
	}
	if err := setIn(q, "type", o.Type); err != nil {
		return nil, err
	}
	for name, v := range map[string]string{"customer_id": o.CustomerID,
		"subscription_id": o.SubscriptionID, "invoice_number": o.Number, "original_invoice_id": o.OriginalInvoiceID,
		"invoice_number__contains": o.NumberContains} {
		if v != "" {
			q.Set(name, v)
		}
	}
	if err := o.Sort.set(q, SortCreatedAt, SortEmittedAt); err != nil {
		return nil, err
	}
	if !o.IssuedFrom.IsZero() {
		q.Set("issued_at__gte", o.IssuedFrom.UTC().Format(timestampLayout))
	}
	if !o.IssuedBefore.IsZero() {
		q.Set("issued_at__lt", o.IssuedBefore.UTC().Format(timestampLayout))
	}
	if !o.DueFrom.IsZero() {
		q.Set("due_at__gte", o.DueFrom.UTC().Format(timestampLayout))
	}
	if !o.DueBefore.IsZero() {
		q.Set("due_at__lt", o.DueBefore.UTC().Format(timestampLayout))
	}
	return q, nil
}

// keep drops invoices that do not match the filters: a drill-down into one
// customer must never show another customer's invoices, even from a server
// that ignored the filter.
func (o InvoiceListOptions) keep(inv Invoice) bool {
	if o.CustomerID != "" && inv.Customer.ID != o.CustomerID {
		return false
	}
	if o.SubscriptionID != "" && (inv.SubscriptionID == nil || *inv.SubscriptionID != o.SubscriptionID) {
		return false
	}
	if o.Number != "" && inv.Number != o.Number {
		return false
	}
	// Not documented: whether __contains ignores case; the looser check.
	if o.NumberContains != "" && !strings.Contains(strings.ToLower(inv.Number), strings.ToLower(o.NumberContains)) {
		return false
	}
	if o.OriginalInvoiceID != "" && (inv.OriginalInvoiceID == nil || *inv.OriginalInvoiceID != o.OriginalInvoiceID) {
		return false
	}
	if (!o.IssuedFrom.IsZero() || !o.IssuedBefore.IsZero()) && inv.IssuedAt == nil {
		return false
	}
	if (!o.IssuedFrom.IsZero() && inv.IssuedAt.Before(o.IssuedFrom)) ||
		(!o.IssuedBefore.IsZero() && !inv.IssuedAt.Before(o.IssuedBefore)) {
		return false
	}
	if !inWindow(inv.DueAt, o.DueFrom, o.DueBefore) {
		return false
	}
	// Filter values such as "late" or "outstanding" select by more than the
	// status field, so only a list of plain statuses is checked.
	for _, st := range o.Status {
		if !slices.Contains(InvoiceStatuses(), InvoiceStatus(st)) {
			return true
		}
	}
	return len(o.Status) == 0 || slices.Contains(o.Status, string(inv.Status))
}

// ListInvoices returns one page of the company's invoices (GET /v2/invoices,
// a cursor list). Items that do not match the filters are dropped
// client-side, so with a server that ignores a filter a page can be empty
// while HasMore is true; walk with Invoices or AllInvoices to get every
// match.
func (cc *CompanyClient) ListInvoices(ctx context.Context, opts InvoiceListOptions) (*Page[Invoice], error) {
	q, err := opts.filters()
	if err != nil {
		return nil, fmt.Errorf("hyperline: list invoices: %w", err)
	}
	return cursorPage(ctx, cc.do, "/v2/invoices", opts.ListOptions, q, opts.keep)
}

// Invoices iterates over every matching invoice, one page at a time.
func (cc *CompanyClient) Invoices(ctx context.Context, opts InvoiceListOptions) iter.Seq2[Invoice, error] {
	return walk(ctx, cc.invoicePages(opts), opts.ListOptions, invoiceID)
}

// AllInvoices returns every matching invoice, fetching pages concurrently.
func (cc *CompanyClient) AllInvoices(ctx context.Context, opts InvoiceListOptions) ([]Invoice, error) {
	return fetchAll(ctx, cc.invoicePages(opts), opts.ListOptions, invoiceID, cc.c.concurrency)
}

func (cc *CompanyClient) invoicePages(opts InvoiceListOptions) fetchFunc[Invoice] {
	return pagesOf(opts, cc.ListInvoices)
}

// paged returns o with its paging replaced.
func (o InvoiceListOptions) paged(lo ListOptions) InvoiceListOptions {
	o.ListOptions = lo
	return o
}

// GetInvoice returns one invoice (GET /v2/invoices/{id}).
func (cc *CompanyClient) GetInvoice(ctx context.Context, id string) (*Invoice, error) {
	return getOne[Invoice](ctx, cc, "invoice", "/v2/invoices/", id)
}

func invoiceID(inv Invoice) string { return inv.ID }

// inWindow reports whether t is in [from, before), either end zero for
// open; a missing time is in no window but the fully open one.
func inWindow(t *time.Time, from, before time.Time) bool {
	if from.IsZero() && before.IsZero() {
		return true
	}
	return t != nil && (from.IsZero() || !t.Before(from)) && (before.IsZero() || t.Before(before))
}
