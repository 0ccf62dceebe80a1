package ui

import (
	"context"
	"fmt"

	"github.com/hyperline-tui/hlx/hyperline"
)

// Data: every call goes through the open account's client.

func (b *Backend) api() (*hyperline.Client, error) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.client == nil {
		return nil, fmt.Errorf("%w: no open session", ErrLoginRequired)
	}
	return b.client, nil
}

// Companies lists every company the account reaches.
func (b *Backend) Companies(ctx context.Context) ([]hyperline.Company, error) {
	c, err := b.api()
	if err != nil {
		return nil, err
	}
	cs, err := c.AllCompanies(ctx)
	return cs, sessionError(err)
}

// Customers lists one page of a company's customers.
func (b *Backend) Customers(ctx context.Context, companyID string, opts hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error) {
	c, err := b.api()
	if err != nil {
		return nil, err
	}
	p, err := c.Company(companyID).ListCustomers(ctx, opts)
	return p, sessionError(err)
}

// Customer gets one customer.
func (b *Backend) Customer(ctx context.Context, companyID, id string) (*hyperline.Customer, error) {
	c, err := b.api()
	if err != nil {
		return nil, err
	}
	v, err := c.Company(companyID).GetCustomer(ctx, id)
	return v, sessionError(err)
}

// Subscriptions lists one page of a company's subscriptions.
func (b *Backend) Subscriptions(ctx context.Context, companyID string, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error) {
	c, err := b.api()
	if err != nil {
		return nil, err
	}
	p, err := c.Company(companyID).ListSubscriptions(ctx, opts)
	return p, sessionError(err)
}

// Subscription gets one subscription.
func (b *Backend) Subscription(ctx context.Context, companyID, id string) (*hyperline.Subscription, error) {
	c, err := b.api()
	if err != nil {
		return nil, err
	}
	v, err := c.Company(companyID).GetSubscription(ctx, id)
	return v, sessionError(err)
}

// Invoices lists one page of a company's invoices.
func (b *Backend) Invoices(ctx context.Context, companyID string, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error) {
	c, err := b.api()
	if err != nil {
		return nil, err
	}
	p, err := c.Company(companyID).ListInvoices(ctx, opts)
	return p, sessionError(err)
}

// Invoice gets one invoice.
func (b *Backend) Invoice(ctx context.Context, companyID, id string) (*hyperline.Invoice, error) {
	c, err := b.api()
	if err != nil {
		return nil, err
	}
	v, err := c.Company(companyID).GetInvoice(ctx, id)
	return v, sessionError(err)
}
