package filter

import (
	"context"
	"fmt"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// From a query to the client's list options: the one place that knows
// which parameter each term sends. The explorer adds its paging and sort,
// the command line walks every page; the filters are the same.

// CustomerOptions are the customers list's filters for q: its text as the
// API's search, status, created window, payment method type.
func CustomerOptions(q Query) hyperline.CustomerListOptions {
	opts := hyperline.CustomerListOptions{Search: ServerText(Customers, q)}
	if t, ok := q.Term("status"); ok {
		opts.Status = t.Values
	}
	if t, ok := q.Term("created"); ok {
		opts.CreatedFrom, opts.CreatedBefore = t.From, t.Before
	}
	if t, ok := q.Term("payment_method"); ok {
		opts.PaymentMethodType = t.Values
	}
	return opts
}

// SubscriptionOptions are the subscriptions list's filters for q, of the
// customer customerID when set (a customer: term, resolved): every status
// unless q names some (the API's default and "all" hide draft, voided,
// cancelled and archived ones, which support looks for).
func SubscriptionOptions(q Query, customerID string) hyperline.SubscriptionListOptions {
	opts := hyperline.SubscriptionListOptions{
		Status: []hyperline.SubscriptionStatus{hyperline.StatusAny}, CustomerID: customerID}
	if t, ok := q.Term("status"); ok {
		opts.Status = opts.Status[:0]
		for _, v := range t.Values {
			opts.Status = append(opts.Status, hyperline.SubscriptionStatus(v))
		}
	}
	return opts
}

// InvoiceOptions are the invoices list's filters for q, of the customer
// customerID when set: every status unless q names some (the API's
// default leaves out open invoices); text with a digit as a part of the
// number (invoice_number__contains).
func InvoiceOptions(q Query, customerID string) hyperline.InvoiceListOptions {
	opts := hyperline.InvoiceListOptions{Status: []string{hyperline.InvoiceFilterAll},
		NumberContains: ServerText(Invoices, q), CustomerID: customerID}
	if t, ok := q.Term("status"); ok {
		opts.Status = t.Values
	}
	if t, ok := q.Term("issued"); ok {
		opts.IssuedFrom, opts.IssuedBefore = t.From, t.Before
	}
	if t, ok := q.Term("due"); ok {
		opts.DueFrom, opts.DueBefore = t.From, t.Before
	}
	return opts
}

// TextError says why the API cannot search list l for q's text, or nil
// when it can (or there is none). The explorer filters its loaded rows by
// such text; a command that loads no rows first refuses it.
func TextError(l List, q Query) error {
	if q.Text == "" || Searches(l, q.Text) {
		return nil
	}
	switch l {
	case Invoices:
		return fmt.Errorf("the API searches invoices by number only (text with a digit), not %q; "+
			"for a customer's invoices use customer:NAME", q.Text)
	case Subscriptions:
		return fmt.Errorf("the API has no search for subscriptions (%q); filter with status:… or customer:…", q.Text)
	}
	return fmt.Errorf("the API has no search for %s: %q", l, q.Text)
}

// CustomerPage fetches one page of customers (the client's ListCustomers,
// or the explorer's data source).
type CustomerPage func(ctx context.Context, opts hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error)

// ResolveCustomer turns a customer: term into a customer id: an id as it
// is, a name through the customer search, which must find one customer
// (or one whose name is exactly the one typed).
func ResolveCustomer(ctx context.Context, find CustomerPage, ref string) (string, error) {
	if strings.HasPrefix(ref, "cus_") {
		return ref, nil
	}
	p, err := find(ctx, hyperline.CustomerListOptions{ListOptions: hyperline.ListOptions{Take: 5}, Search: ref})
	if err != nil {
		return "", fmt.Errorf("find the customer %q: %w", ref, err)
	}
	var names []string
	for _, c := range p.Items {
		if strings.EqualFold(strings.TrimSpace(c.Name), ref) {
			return c.ID, nil
		}
		names = append(names, termsafe.Line(c.Name))
	}
	switch len(p.Items) {
	case 0:
		return "", fmt.Errorf("no customer matches %q", ref)
	case 1:
		return p.Items[0].ID, nil
	}
	more := ""
	if p.HasMore() {
		more = ", …"
	}
	return "", fmt.Errorf("%q matches several customers (%s%s): give more of the name, or the id", ref,
		strings.Join(names, ", "), more)
}
