package backend

import (
	"context"
	"fmt"
	"io"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/lookup"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// Data: every call goes through the open account's client, and an error
// that means the session has ended matches deps.ErrLoginRequired.

func (b *Backend) api() (*hyperline.Client, error) {
	a := b.opened()
	if a == nil {
		return nil, fmt.Errorf("%w: no open session", deps.ErrLoginRequired)
	}
	return a.Client, nil
}

// withClient runs one call on the open account's client.
func withClient[T any](b *Backend, call func(*hyperline.Client) (T, error)) (T, error) {
	c, err := b.api()
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := call(c)
	return v, uiError(err)
}

// inCompany runs one call scoped to a company.
func inCompany[T any](b *Backend, companyID string, call func(*hyperline.CompanyClient) (T, error)) (T, error) {
	return withClient(b, func(c *hyperline.Client) (T, error) { return call(c.Company(companyID)) })
}

// Companies lists every company the account reaches.
func (b *Backend) Companies(ctx context.Context) ([]hyperline.Company, error) {
	return withClient(b, func(c *hyperline.Client) ([]hyperline.Company, error) { return c.AllCompanies(ctx) })
}

// Customers lists one page of a company's customers.
func (b *Backend) Customers(ctx context.Context, companyID string, opts hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Page[hyperline.Customer], error) {
		return c.ListCustomers(ctx, opts)
	})
}

// Customer gets one customer.
func (b *Backend) Customer(ctx context.Context, companyID, id string) (*hyperline.Customer, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Customer, error) {
		return c.GetCustomer(ctx, id)
	})
}

// Subscriptions lists one page of a company's subscriptions.
func (b *Backend) Subscriptions(ctx context.Context, companyID string, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Page[hyperline.Subscription], error) {
		return c.ListSubscriptions(ctx, opts)
	})
}

// Subscription gets one subscription.
func (b *Backend) Subscription(ctx context.Context, companyID, id string) (*hyperline.Subscription, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Subscription, error) {
		return c.GetSubscription(ctx, id)
	})
}

// Invoices lists one page of a company's invoices.
func (b *Backend) Invoices(ctx context.Context, companyID string, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Page[hyperline.Invoice], error) {
		return c.ListInvoices(ctx, opts)
	})
}

// Invoice gets one invoice.
func (b *Backend) Invoice(ctx context.Context, companyID, id string) (*hyperline.Invoice, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Invoice, error) {
		return c.GetInvoice(ctx, id)
	})
}

// Transaction gets one payment, refund or chargeback.
func (b *Backend) Transaction(ctx context.Context, companyID, id string) (*hyperline.ListedTransaction, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.ListedTransaction, error) {
		return c.GetTransaction(ctx, id)
	})
}

// Transactions lists one page of a company's transactions.
func (b *Backend) Transactions(ctx context.Context, companyID string, page hyperline.ListOptions) (*hyperline.Page[hyperline.ListedTransaction], error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Page[hyperline.ListedTransaction], error) {
		return c.ListTransactions(ctx, page)
	})
}

// Wallets lists a customer's wallets (one page: a customer has a wallet
// per currency at most).
func (b *Backend) Wallets(ctx context.Context, companyID, customerID string) ([]hyperline.Wallet, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) ([]hyperline.Wallet, error) {
		p, err := c.ListWallets(ctx, hyperline.WalletListOptions{ListOptions: hyperline.ListOptions{Take: hyperline.MaxTake}, CustomerID: customerID})
		if err != nil {
			return nil, err
		}
		return p.Items, nil
	})
}

// PaymentMethods lists a customer's saved cards and mandates.
func (b *Backend) PaymentMethods(ctx context.Context, companyID, customerID string) ([]hyperline.PaymentMethod, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) ([]hyperline.PaymentMethod, error) {
		return c.ListPaymentMethods(ctx, customerID)
	})
}

// AuditLogs lists one page of the company's audit log.
func (b *Backend) AuditLogs(ctx context.Context, companyID string, opts hyperline.AuditLogListOptions) (*hyperline.Page[hyperline.AuditLog], error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Page[hyperline.AuditLog], error) {
		return c.ListAuditLogs(ctx, opts)
	})
}

// CustomerPortalURL is the link to a customer's self-service portal.
func (b *Backend) CustomerPortalURL(ctx context.Context, companyID, customerID string) (string, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (string, error) {
		return c.CustomerPortalURL(ctx, customerID)
	})
}

// DownloadInvoice streams an invoice's PDF into w.
func (b *Backend) DownloadInvoice(ctx context.Context, companyID, id string, w io.Writer) (int64, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (int64, error) {
		return c.DownloadInvoice(ctx, id, w)
	})
}

// CreateExport asks Hyperline to build an export of the company.
func (b *Backend) CreateExport(ctx context.Context, companyID string, name hyperline.ExportName, fileType hyperline.ExportFileType) (*hyperline.Export, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Export, error) {
		return c.CreateExport(ctx, name, fileType)
	})
}

// Export reads an export's status.
func (b *Backend) Export(ctx context.Context, companyID, id string) (*hyperline.Export, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Export, error) {
		return c.GetExport(ctx, id)
	})
}

// DownloadExport streams a done export's file into w.
func (b *Backend) DownloadExport(ctx context.Context, companyID, id string, w io.Writer) (int64, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (int64, error) {
		return c.DownloadExport(ctx, id, w)
	})
}

// Find resolves what a ticket names to one object, in any company the
// account reaches.
func (b *Backend) Find(ctx context.Context, currentCompanyID string, companies []hyperline.Company, query string) (*lookup.Result, error) {
	return withClient(b, func(c *hyperline.Client) (*lookup.Result, error) {
		return lookup.Find(ctx, c, currentCompanyID, companies, query)
	})
}

// Analytics is the company's headline figures.
func (b *Backend) Analytics(ctx context.Context, companyID string) (*hyperline.Analytics, error) {
	return inCompany(b, companyID, func(c *hyperline.CompanyClient) (*hyperline.Analytics, error) {
		return c.Analytics(ctx)
	})
}
