package hyperline

import (
	"context"
	"net/url"
)

// ListTransactions returns one page of the company's transactions (GET
// /v1/transactions: payments, refunds and chargebacks, failed attempts
// included). The spec gives the list take and skip only: no filter, no
// order.
func (cc *CompanyClient) ListTransactions(ctx context.Context, opts ListOptions) (*Page[ListedTransaction], error) {
	return listPage[ListedTransaction](ctx, cc.do, "/v1/transactions", opts, url.Values{}, nil)
}

// GetTransaction returns one payment, refund or chargeback with the
// invoices it went to (GET /v1/transactions/{id}).
func (cc *CompanyClient) GetTransaction(ctx context.Context, id string) (*ListedTransaction, error) {
	return getOne[ListedTransaction](ctx, cc, "transaction", "/v1/transactions/", id)
}
