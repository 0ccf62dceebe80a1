package lookup

import (
	"context"

	"github.com/hyperline-tui/hlx/hyperline"
)

// findID fetches a prefixed ID: one GET in the current company, then, if
// it is not there, one GET in each other company until one has it.
func (f finder) findID(ctx context.Context) (*Result, error) {
	id, kind := f.q.value, f.q.kind
	return f.inCurrentThenOthers(ctx, true, func(ctx context.Context, co hyperline.Company) ([]Match, bool, error) {
		m, err := getByID(ctx, co, f.c.Company(co.ID), kind, id)
		if err != nil {
			return nil, false, ignoreAbsent(err)
		}
		return []Match{m}, false, nil
	})
}

// getByID is the one GET for an ID of the given kind.
func getByID(ctx context.Context, co hyperline.Company, cc *hyperline.CompanyClient, kind Kind, id string) (Match, error) {
	m := Match{Kind: kind, Company: co}
	var err error
	switch kind {
	case KindCustomer:
		m.Customer, err = cc.GetCustomer(ctx, id)
	case KindSubscription:
		m.Subscription, err = cc.GetSubscription(ctx, id)
	case KindInvoice:
		m.Invoice, err = cc.GetInvoice(ctx, id)
	}
	return m, err
}
