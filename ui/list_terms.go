package ui

import (
	"context"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/filter"
)

// The key:value terms of the lists are package filter's language, shared
// with `hlx list --filter`: the keys each list takes and the parameters
// they become are defined there. The tabs add their paging and sort.

// filterTermChosenMsg writes a term into the filter line of the list of
// kind (the `f` picker, the overview's counts).
type filterTermChosenMsg struct {
	kind objectKind
	term string // "status:late"
}

// customerListOptions are the customers tab's parameters for a request.
func customerListOptions(req pageRequest) hyperline.CustomerListOptions {
	opts := filter.CustomerOptions(req.filter)
	opts.ListOptions, opts.Search, opts.Sort = req.page, req.query, req.sort
	return opts
}

// subscriptionListOptions are the subscriptions tab's parameters.
func subscriptionListOptions(req pageRequest) hyperline.SubscriptionListOptions {
	opts := filter.SubscriptionOptions(req.filter, req.customerID)
	opts.ListOptions = req.page
	return opts
}

// invoiceListOptions are the invoices tab's parameters.
func invoiceListOptions(req pageRequest) hyperline.InvoiceListOptions {
	opts := filter.InvoiceOptions(req.filter, req.customerID)
	opts.ListOptions, opts.NumberContains, opts.Sort = req.page, req.query, req.sort
	return opts
}

// resolve looks up the customer: term's customer when the request does
// not have its id yet.
func (req *pageRequest) resolve(ctx context.Context, data Data, companyID string) error {
	t, ok := req.filter.Term("customer")
	if !ok || req.customerID != "" {
		return nil
	}
	find := func(ctx context.Context, opts hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error) {
		return data.Customers(ctx, companyID, opts)
	}
	id, err := filter.ResolveCustomer(ctx, find, t.Ref)
	req.customerID = id
	return err
}
