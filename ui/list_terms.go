package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// The key:value terms each list takes, and how they become the API's
// parameters. Only what the spec lets the list filter by is offered: the
// subscriptions list has no date filter but updated_at, the transactions
// list none at all.

// filterTermChosenMsg writes a term into the filter line of the list of
// kind (the `f` picker, the overview's counts).
type filterTermChosenMsg struct {
	kind objectKind
	term string // "status:late"
}

// statusTerm is the status key with the spec's values; several values
// are sent as status__in.
func statusTerm(values []string, about string) termSpec {
	return termSpec{key: "status", kind: termEnum, values: values, multi: true, about: about}
}

func customerTerms() []termSpec {
	return []termSpec{
		statusTerm(hyperline.CustomerStatusFilters(), "status (status / status__in)"),
		{key: "created", kind: termDate, about: "created in a window (created_at__gte / __lt)"},
	}
}

func subscriptionTerms() []termSpec {
	return []termSpec{
		statusTerm(hyperline.SubscriptionStatusFilters(), "status (status / status__in)"),
		{key: "customer", kind: termCustomer, about: "one customer's, by id or name (customer_id)"},
	}
}

func invoiceTerms() []termSpec {
	return []termSpec{
		statusTerm(hyperline.InvoiceStatusFilters(), "status, late, outstanding… (status / status__in)"),
		{key: "customer", kind: termCustomer, about: "one customer's, by id or name (customer_id)"},
		{key: "issued", kind: termDate, about: "issued in a window (issued_at__gte / __lt)"},
		{key: "due", kind: termDate, about: "due in a window (due_at__gte / __lt)"},
	}
}

// customerListOptions are the customers tab's parameters for a request.
func customerListOptions(req pageRequest) hyperline.CustomerListOptions {
	opts := hyperline.CustomerListOptions{ListOptions: req.page, Search: req.query, Sort: req.sort}
	if t, ok := req.filter.term("status"); ok {
		opts.Status = t.values
	}
	if t, ok := req.filter.term("created"); ok {
		opts.CreatedFrom, opts.CreatedBefore = t.from, t.before
	}
	return opts
}

// subscriptionListOptions are the subscriptions tab's parameters: every
// status unless the filter names some (the API's default and "all" hide
// draft, voided, cancelled and archived ones, which support looks for).
func subscriptionListOptions(req pageRequest) hyperline.SubscriptionListOptions {
	opts := hyperline.SubscriptionListOptions{ListOptions: req.page,
		Status: []hyperline.SubscriptionStatus{hyperline.StatusAny}, CustomerID: req.customerID}
	if t, ok := req.filter.term("status"); ok {
		opts.Status = opts.Status[:0]
		for _, v := range t.values {
			opts.Status = append(opts.Status, hyperline.SubscriptionStatus(v))
		}
	}
	return opts
}

// invoiceListOptions are the invoices tab's parameters: every status
// unless the filter names some (the API's default leaves out open ones).
func invoiceListOptions(req pageRequest) hyperline.InvoiceListOptions {
	opts := hyperline.InvoiceListOptions{ListOptions: req.page, Sort: req.sort,
		Status: []string{hyperline.InvoiceFilterAll}, NumberContains: req.query, CustomerID: req.customerID}
	if t, ok := req.filter.term("status"); ok {
		opts.Status = t.values
	}
	if t, ok := req.filter.term("issued"); ok {
		opts.IssuedFrom, opts.IssuedBefore = t.from, t.before
	}
	if t, ok := req.filter.term("due"); ok {
		opts.DueFrom, opts.DueBefore = t.from, t.before
	}
	return opts
}

// resolve looks up the customer: term's customer when the request does
// not have its id yet.
func (req *pageRequest) resolve(ctx context.Context, data Data, companyID string) error {
	t, ok := req.filter.term("customer")
	if !ok || req.customerID != "" {
		return nil
	}
	id, err := resolveCustomer(ctx, data, companyID, t.ref)
	req.customerID = id
	return err
}

// resolveCustomer turns a customer: term into a customer id: an id as it
// is, a name through the customer search, which must find one customer
// (or one whose name is exactly the one typed).
func resolveCustomer(ctx context.Context, data Data, companyID, ref string) (string, error) {
	if strings.HasPrefix(ref, "cus_") {
		return ref, nil
	}
	p, err := data.Customers(ctx, companyID, hyperline.CustomerListOptions{
		ListOptions: hyperline.ListOptions{Take: 5}, Search: ref})
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
