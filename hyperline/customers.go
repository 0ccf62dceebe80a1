package hyperline

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"slices"
	"strings"
)

// CustomerListOptions filters GET /v1/customers.
type CustomerListOptions struct {
	ListOptions
	// NameContains sends name__contains.
	NameContains string
	// Status sends status (one value) or status__in (several), e.g. CustomerActive.
	Status []string
	// IDs sends id__in.
	IDs []string
}

func (o CustomerListOptions) filters() (url.Values, error) {
	q := url.Values{}
	if o.NameContains != "" {
		q.Set("name__contains", o.NameContains)
	}
	if err := setIn(q, "status", o.Status); err != nil {
		return nil, err
	}
	if err := setIn(q, "id", o.IDs); err != nil {
		return nil, err
	}
	if len(o.IDs) == 1 {
		// A single ID still goes through id__in so the meaning stays "one of".
		q.Del("id")
		q.Set("id__in", o.IDs[0])
	}
	return q, nil
}

// keep re-checks every filter on the client: the API ignores filters it does
// not know, and a browser must never show a customer that does not match.
func (o CustomerListOptions) keep(c Customer) bool {
	// Not documented: whether name__contains is case-sensitive, so the check
	// is the looser case-insensitive one.
	if o.NameContains != "" && !strings.Contains(strings.ToLower(c.Name), strings.ToLower(o.NameContains)) {
		return false
	}
	if len(o.Status) > 0 && !slices.Contains(o.Status, "all") && !slices.Contains(o.Status, c.Status) {
		return false
	}
	if len(o.IDs) > 0 && !slices.Contains(o.IDs, c.ID) {
		return false
	}
	return true
}

// ListCustomers returns one page of the company's customers (GET /v1/customers).
// Items that do not match the filters are dropped client-side (see Page.Dropped).
func (cc *CompanyClient) ListCustomers(ctx context.Context, opts CustomerListOptions) (*Page[Customer], error) {
	q, err := opts.filters()
	if err != nil {
		return nil, fmt.Errorf("hyperline: list customers: %w", err)
	}
	return listPage(ctx, cc.do, "/v1/customers", opts.ListOptions, q, opts.keep)
}

// Customers iterates over every matching customer, one page at a time.
func (cc *CompanyClient) Customers(ctx context.Context, opts CustomerListOptions) iter.Seq2[Customer, error] {
	return walk(ctx, cc.customerPages(opts), opts.ListOptions, customerID)
}

// AllCustomers returns every matching customer, fetching pages concurrently
// (see WithConcurrency).
func (cc *CompanyClient) AllCustomers(ctx context.Context, opts CustomerListOptions) ([]Customer, error) {
	return fetchAll(ctx, cc.customerPages(opts), opts.ListOptions, customerID, cc.c.concurrency)
}

func (cc *CompanyClient) customerPages(opts CustomerListOptions) fetchFunc[Customer] {
	return pagesOf(opts, cc.ListCustomers)
}

// paged returns o with its paging replaced.
func (o CustomerListOptions) paged(lo ListOptions) CustomerListOptions {
	o.ListOptions = lo
	return o
}

// GetCustomer returns one customer (GET /v1/customers/{id}), with the fields
// only the single GET carries, such as CurrentPaymentMethod.
func (cc *CompanyClient) GetCustomer(ctx context.Context, id string) (*Customer, error) {
	return getOne[Customer](ctx, cc, "customer", "/v1/customers/", id)
}

func customerID(c Customer) string { return c.ID }

// setIn encodes a list filter: nothing for none, field=v for one value,
// field__in=a,b for several. Values cannot contain the comma separator.
func setIn[S ~string](q url.Values, field string, values []S) error {
	for _, v := range values {
		if v == "" || strings.Contains(string(v), ",") {
			return fmt.Errorf("invalid %s filter value %q", field, v)
		}
	}
	switch len(values) {
	case 0:
	case 1:
		q.Set(field, string(values[0]))
	default:
		parts := make([]string, len(values))
		for i, v := range values {
			parts[i] = string(v)
		}
		q.Set(field+"__in", strings.Join(parts, ","))
	}
	return nil
}
