package hyperline

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// CustomerListOptions filters GET /v2/customers.
type CustomerListOptions struct {
	ListOptions
	// Search sends search, the API's free-text search. Not documented:
	// which fields it looks at, so results are not re-checked for it.
	Search string
	// NameContains sends name__contains.
	NameContains string
	// BillingEmail and ExternalID send billing_email and external_id
	// (exact matches).
	BillingEmail string
	ExternalID   string
	// Status sends status (one value) or status__in (several): active,
	// archived, or the filter values "all", "inactive" and "imported".
	Status []string
	// Sort orders the list by SortCreatedAt or SortUpdatedAt.
	Sort Sort
	// CreatedFrom and CreatedBefore send created_at__gte and
	// created_at__lt: customers created in [CreatedFrom, CreatedBefore).
	CreatedFrom, CreatedBefore time.Time
	// PaymentMethodType sends payment_method_type (one value) or
	// payment_method_type__in (several): a method's type, or the
	// filter-only "missing" and "errored" (PaymentMethodTypeFilters).
	PaymentMethodType []string
}

func (o CustomerListOptions) filters() (url.Values, error) {
	q := url.Values{}
	for name, v := range map[string]string{"search": o.Search, "name__contains": o.NameContains,
		"billing_email": o.BillingEmail, "external_id": o.ExternalID} {
		if v != "" {
			q.Set(name, v)
		}
	}
	if err := setIn(q, "status", o.Status); err != nil {
		return nil, err
	}
	if err := setIn(q, "payment_method_type", o.PaymentMethodType); err != nil {
		return nil, err
	}
	if err := o.Sort.set(q, SortCreatedAt, SortUpdatedAt); err != nil {
		return nil, err
	}
	if !o.CreatedFrom.IsZero() {
		q.Set("created_at__gte", o.CreatedFrom.UTC().Format(timestampLayout))
	}
	if !o.CreatedBefore.IsZero() {
		q.Set("created_at__lt", o.CreatedBefore.UTC().Format(timestampLayout))
	}
	return q, nil
}

// timestampLayout writes times as the API does: UTC, milliseconds.
const timestampLayout = "2006-01-02T15:04:05.000Z07:00"

// keep re-checks every filter it can on the client: the API ignores filters
// it does not know, and a browser must never show a customer that does not
// match.
func (o CustomerListOptions) keep(c Customer) bool {
	// Not documented: whether name__contains is case-sensitive, so the check
	// is the looser case-insensitive one.
	if o.NameContains != "" && !strings.Contains(strings.ToLower(c.Name), strings.ToLower(o.NameContains)) {
		return false
	}
	if o.BillingEmail != "" && (c.BillingEmail == nil || !strings.EqualFold(*c.BillingEmail, o.BillingEmail)) {
		return false
	}
	if o.ExternalID != "" && (c.ExternalID == nil || *c.ExternalID != o.ExternalID) {
		return false
	}
	if (!o.CreatedFrom.IsZero() && c.CreatedAt.Before(o.CreatedFrom)) ||
		(!o.CreatedBefore.IsZero() && !c.CreatedAt.Before(o.CreatedBefore)) {
		return false
	}
	// "all", "inactive" and "imported" select by what the response does not
	// carry, so only a list of real statuses is checked.
	onlyReal := len(o.Status) > 0
	for _, st := range o.Status {
		onlyReal = onlyReal && (st == CustomerActive || st == CustomerArchived)
	}
	if !onlyReal || slices.Contains(o.Status, c.Status) {
		return keepPaymentMethodType(o.PaymentMethodType, c)
	}
	return false
}

// ListCustomers returns one page of the company's customers (GET
// /v2/customers, a cursor list: pass the previous page's NextOptions).
// Items that do not match the filters are dropped client-side (see
// Page.Dropped).
func (cc *CompanyClient) ListCustomers(ctx context.Context, opts CustomerListOptions) (*Page[Customer], error) {
	q, err := opts.filters()
	if err != nil {
		return nil, fmt.Errorf("hyperline: list customers: %w", err)
	}
	return cursorPage(ctx, cc.do, "/v2/customers", opts.ListOptions, q, opts.keep)
}

// Customers iterates over every matching customer, one page at a time.
func (cc *CompanyClient) Customers(ctx context.Context, opts CustomerListOptions) iter.Seq2[Customer, error] {
	return walk(ctx, cc.customerPages(opts), opts.ListOptions, customerID)
}

// AllCustomers returns every matching customer, in the list's order. A
// cursor list can only be walked page after page, so when the list is in
// creation order (the default) the creation-time span is cut into windows
// (created_at__gte / __lt) walked at once, up to WithConcurrency at a time.
func (cc *CompanyClient) AllCustomers(ctx context.Context, opts CustomerListOptions) ([]Customer, error) {
	return allCustomersByWindows(ctx, cc, opts)
}

func (cc *CompanyClient) customerPages(opts CustomerListOptions) fetchFunc[Customer] {
	return pagesOf(opts, cc.ListCustomers)
}

// paged returns o with its paging replaced.
func (o CustomerListOptions) paged(lo ListOptions) CustomerListOptions {
	o.ListOptions = lo
	return o
}

// GetCustomer returns one customer (GET /v2/customers/{id}), with the fields
// only the single GET carries, such as PaymentMethod.
func (cc *CompanyClient) GetCustomer(ctx context.Context, id string) (*Customer, error) {
	return getOne[Customer](ctx, cc, "customer", "/v2/customers/", id)
}

// CustomerPortalURL returns the link to the customer's self-service portal
// (GET /v1/customers/{id}/portal).
func (cc *CompanyClient) CustomerPortalURL(ctx context.Context, id string) (string, error) {
	seg, err := pathEscape("customer", id)
	if err != nil {
		return "", err
	}
	var out struct {
		URL string `json:"url"`
	}
	path := "/v1/customers/" + seg + "/portal"
	if err := cc.do(ctx, http.MethodGet, path, nil, nil, &out); err != nil {
		return "", err
	}
	if out.URL == "" {
		return "", malformed(http.MethodGet, path, "portal response has no url")
	}
	return out.URL, nil
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
