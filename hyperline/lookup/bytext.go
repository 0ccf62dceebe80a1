package lookup

import (
	"context"
	"sync"

	"github.com/hyperline-tui/hlx/hyperline"
)

// refTake is the page size of a reference lookup's list calls: two is
// enough to tell one match from several.
const refTake = 2

// findEmail lists the customers whose billing email is the query: one
// filtered list call in the current company, then one in each other
// company if it has none. Every match is kept, since an email can be
// shared by several customers.
func (f finder) findEmail(ctx context.Context) (*Result, error) {
	email := f.q.value
	return f.inCurrentThenOthers(ctx, false, func(ctx context.Context, co hyperline.Company) ([]Match, bool, error) {
		p, err := f.c.Company(co.ID).ListCustomers(ctx, hyperline.CustomerListOptions{
			ListOptions:  hyperline.ListOptions{Take: MaxCandidates},
			BillingEmail: email,
		})
		if err != nil {
			return nil, false, ignoreAbsent(err)
		}
		return customerMatches(co, p.Items), p.HasMore(), nil
	})
}

// findReference tries the query as an invoice number and as a customer
// external ID, both at once: two list calls in the current company, then
// two in each other company if it has neither.
func (f finder) findReference(ctx context.Context) (*Result, error) {
	ref := f.q.value
	return f.inCurrentThenOthers(ctx, false, func(ctx context.Context, co hyperline.Company) ([]Match, bool, error) {
		cc := f.c.Company(co.ID)
		var (
			wg                  sync.WaitGroup
			invoices            *hyperline.Page[hyperline.Invoice]
			customers           *hyperline.Page[hyperline.Customer]
			invoiceErr, custErr error
		)
		wg.Go(func() {
			invoices, invoiceErr = cc.ListInvoices(ctx, hyperline.InvoiceListOptions{
				ListOptions: hyperline.ListOptions{Take: refTake},
				Number:      ref,
				Status:      []string{hyperline.InvoiceFilterAll},
			})
		})
		wg.Go(func() {
			customers, custErr = cc.ListCustomers(ctx, hyperline.CustomerListOptions{
				ListOptions: hyperline.ListOptions{Take: refTake},
				ExternalID:  ref,
			})
		})
		wg.Wait()
		var matches []Match
		more := false
		if invoiceErr == nil {
			for _, inv := range invoices.Items {
				matches = append(matches, Match{Kind: KindInvoice, Company: co, Invoice: &inv})
			}
			more = invoices.HasMore()
		}
		if custErr == nil {
			matches = append(matches, customerMatches(co, customers.Items)...)
			more = more || customers.HasMore()
		}
		// One of the two failing does not hide what the other found.
		if len(matches) > 0 {
			return matches, more, nil
		}
		if err := ignoreAbsent(invoiceErr); err != nil {
			return nil, false, err
		}
		return nil, false, ignoreAbsent(custErr)
	})
}

// customerMatches wraps listed customers as matches in co.
func customerMatches(co hyperline.Company, customers []hyperline.Customer) []Match {
	out := make([]Match, 0, len(customers))
	for _, c := range customers {
		out = append(out, Match{Kind: KindCustomer, Company: co, Customer: &c})
	}
	return out
}

// ignoreAbsent drops an error that only says the company does not hold
// the object (or cannot be reached by this token).
func ignoreAbsent(err error) error {
	if err != nil && absent(err) {
		return nil
	}
	return err
}
