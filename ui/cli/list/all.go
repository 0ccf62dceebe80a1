package list

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
	"github.com/hyperline-tui/hlx/hyperline/filter"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// `hlx list KIND --all-companies`: the list of every company of the
// account, one company after the other, each object labelled with its
// company (company_id and company_name first in JSON and CSV, a COMPANY
// column in the table).

// allCompaniesRun writes the list of every company the account reaches
// (the list is fetched fresh, one request).
func allCompaniesRun(ctx context.Context, opts *Options) error {
	f, k, q := opts.F, opts.Kind, opts.query
	a, err := f.OpenAccount()
	if err != nil {
		return err
	}
	cos, err := a.RefreshCompanies(ctx)
	if err != nil {
		return err
	}
	companies := cmdutil.HyperlineCompanies(cos)
	stdout, stderr := f.IO.Out, f.IO.ErrOut
	switch k {
	case cmdutil.KindCustomer:
		seq := inEvery(ctx, a.Client, companies, func(cc *hyperline.CompanyClient) iter.Seq2[hyperline.Customer, error] {
			return cc.Customers(ctx, filter.CustomerOptions(q))
		})
		err = emit(seq, opts, export.WithCompany(export.CustomerColumns()), export.WithCompanyRaw(export.CustomerRaw),
			withCompanyTable(customerTable()), stdout, stderr)
	case cmdutil.KindSubscription:
		seq := inEvery(ctx, a.Client, companies, func(cc *hyperline.CompanyClient) iter.Seq2[hyperline.Subscription, error] {
			return cc.Subscriptions(ctx, filter.SubscriptionOptions(q, ""))
		})
		err = emit(seq, opts, export.WithCompany(export.SubscriptionColumns()), export.WithCompanyRaw(export.SubscriptionRaw),
			withCompanyTable(subscriptionTable()), stdout, stderr)
	case cmdutil.KindInvoice:
		seq := inEvery(ctx, a.Client, companies, func(cc *hyperline.CompanyClient) iter.Seq2[hyperline.Invoice, error] {
			return cc.Invoices(ctx, filter.InvoiceOptions(q, ""))
		})
		err = emit(seq, opts, export.WithCompany(export.InvoiceColumns(f.NowFunc()())), export.WithCompanyRaw(export.InvoiceRaw),
			withCompanyTable(invoiceTable()), stdout, stderr)
	}
	if err != nil {
		return fmt.Errorf("list %s: %w", k.Plural(), err)
	}
	return nil
}

// inEvery walks list in every company, in order, labelling each item
// with its company; a failure names the company it happened in.
func inEvery[T any](ctx context.Context, c *hyperline.Client, companies []hyperline.Company,
	list func(*hyperline.CompanyClient) iter.Seq2[T, error]) iter.Seq2[export.InCompany[T], error] {
	return func(yield func(export.InCompany[T], error) bool) {
		for _, co := range companies {
			cc := c.Company(co.ID)
			for item, err := range list(cc) {
				if err != nil {
					err = fmt.Errorf("in %s (%s): %w", co.Name, co.ID, cmdutil.CompanyError(cc, err))
					yield(export.InCompany[T]{}, err)
					return
				}
				if !yield(export.InCompany[T]{CompanyID: co.ID, CompanyName: co.Name, Item: item}, nil) {
					return
				}
			}
			if ctx.Err() != nil {
				return
			}
		}
	}
}

// withCompanyTable is cols behind a COMPANY column.
func withCompanyTable[T any](cols []tableColumn[T]) []tableColumn[export.InCompany[T]] {
	out := []tableColumn[export.InCompany[T]]{{title: "COMPANY", width: 20, truncate: true,
		value: func(i export.InCompany[T]) string { return i.CompanyName }}}
	for _, c := range cols {
		out = append(out, tableColumn[export.InCompany[T]]{title: c.title, width: c.width, truncate: c.truncate,
			right: c.right, value: func(i export.InCompany[T]) string { return c.value(i.Item) }})
	}
	return out
}

// errCustomerEverywhere refuses a customer: term over every company: it
// names one company's customer.
var errCustomerEverywhere = errors.New("--all-companies: customer: names one company's customer; drop one or the other")
