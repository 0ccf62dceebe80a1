package hyperline

import (
	"context"
	"fmt"
	"iter"
	"net/url"
)

// SubscriptionListOptions filters GET /v2/subscriptions.
type SubscriptionListOptions struct {
	ListOptions
	// Status: nil keeps the server default, which hides draft, voided,
	// cancelled and archived subscriptions (as StatusAll does);
	// []SubscriptionStatus{StatusAny} lists every status; one value sends
	// status=v, several send status__in.
	Status []SubscriptionStatus
	// CustomerID sends customer_id.
	CustomerID string
}

func (o SubscriptionListOptions) filters() (url.Values, error) {
	q := url.Values{}
	if err := setIn(q, "status", o.Status); err != nil {
		return nil, err
	}
	if o.CustomerID != "" {
		q.Set("customer_id", o.CustomerID)
	}
	return q, nil
}

// keep re-checks the filters on the client, so that a server ignoring one
// never shows another customer's subscriptions or a status not asked for.
func (o SubscriptionListOptions) keep(s Subscription) bool {
	if o.CustomerID != "" && s.CustomerID != o.CustomerID {
		return false
	}
	return s.Status.MatchesFilter(o.Status)
}

// ListSubscriptions returns one page of the company's subscriptions
// (GET /v2/subscriptions: an offset list despite the v2 prefix; there is no
// /v1 list). Not documented: its order; no order or sort parameter exists. Items that do not match the filters are dropped client-side.
func (cc *CompanyClient) ListSubscriptions(ctx context.Context, opts SubscriptionListOptions) (*Page[Subscription], error) {
	q, err := opts.filters()
	if err != nil {
		return nil, fmt.Errorf("hyperline: list subscriptions: %w", err)
	}
	return listPage(ctx, cc.do, "/v2/subscriptions", opts.ListOptions, q, opts.keep)
}

// Subscriptions iterates over every matching subscription, one page at a time.
func (cc *CompanyClient) Subscriptions(ctx context.Context, opts SubscriptionListOptions) iter.Seq2[Subscription, error] {
	return walk(ctx, cc.subscriptionPages(opts), opts.ListOptions, subscriptionID)
}

// AllSubscriptions returns every matching subscription, fetching pages concurrently.
func (cc *CompanyClient) AllSubscriptions(ctx context.Context, opts SubscriptionListOptions) ([]Subscription, error) {
	return fetchAll(ctx, cc.subscriptionPages(opts), opts.ListOptions, subscriptionID, cc.c.concurrency)
}

func (cc *CompanyClient) subscriptionPages(opts SubscriptionListOptions) fetchFunc[Subscription] {
	return pagesOf(opts, cc.ListSubscriptions)
}

// paged returns o with its paging replaced.
func (o SubscriptionListOptions) paged(lo ListOptions) SubscriptionListOptions {
	o.ListOptions = lo
	return o
}

// GetSubscription returns one subscription (GET /v2/subscriptions/{id}).
func (cc *CompanyClient) GetSubscription(ctx context.Context, id string) (*Subscription, error) {
	return getOne[Subscription](ctx, cc, "subscription", "/v2/subscriptions/", id)
}

func subscriptionID(s Subscription) string { return s.ID }
