package hyperline

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// AuditLog is one entry of an account's history (GET /v1/audit-logs):
// what happened (Type, e.g. "invoice.settled"), when, and the objects it
// is attached to. The spec gives entries no ID and no actor.
type AuditLog struct {
	Type           string    `json:"type"`
	HappenedAt     time.Time `json:"happened_at"`
	CustomerID     *string   `json:"customer_id"`
	SubscriptionID *string   `json:"subscription_id"`
	InvoiceID      *string   `json:"invoice_id"`
	QuoteID        *string   `json:"quote_id"`
	// EmailStatus is the delivery status of an email.created entry.
	EmailStatus *string `json:"email_status"`
}

// AuditLogListOptions filters GET /v1/audit-logs; the filters given are
// all applied. The list is newest first and pages by cursor.
type AuditLogListOptions struct {
	ListOptions
	CustomerID     string
	SubscriptionID string
	InvoiceID      string
	QuoteID        string
}

func (o AuditLogListOptions) filters() url.Values {
	q := url.Values{}
	for name, v := range map[string]string{"customer_id": o.CustomerID, "subscription_id": o.SubscriptionID,
		"invoice_id": o.InvoiceID, "quote_id": o.QuoteID} {
		if v != "" {
			q.Set(name, v)
		}
	}
	return q
}

// keep checks what the server was asked to filter.
func (o AuditLogListOptions) keep(a AuditLog) bool {
	match := func(want string, got *string) bool { return want == "" || got != nil && *got == want }
	return match(o.CustomerID, a.CustomerID) && match(o.SubscriptionID, a.SubscriptionID) &&
		match(o.InvoiceID, a.InvoiceID) && match(o.QuoteID, a.QuoteID)
}

// paged returns o with its paging replaced.
func (o AuditLogListOptions) paged(lo ListOptions) AuditLogListOptions {
	o.ListOptions = lo
	return o
}

// ListAuditLogs returns one page of the company's audit logs, newest first.
func (cc *CompanyClient) ListAuditLogs(ctx context.Context, opts AuditLogListOptions) (*Page[AuditLog], error) {
	p, err := cursorPage(ctx, cc.do, "/v1/audit-logs", opts.ListOptions, opts.filters(), opts.keep)
	if err != nil {
		return nil, fmt.Errorf("hyperline: list audit logs: %w", err)
	}
	return p, nil
}
