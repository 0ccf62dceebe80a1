package hyperline

import (
	"context"
	"iter"
)

// ListCompanies returns one page of the companies the token can reach
// (GET /v1/companies). Not documented: whether take/skip apply here; the
// offset envelope suggests they do, so they are sent.
func (c *Client) ListCompanies(ctx context.Context, opts ListOptions) (*Page[Company], error) {
	return listPage[Company](ctx, c.do, "/v1/companies", opts, nil, nil)
}

// Companies iterates over every company the token can reach, page by page.
func (c *Client) Companies(ctx context.Context, opts ListOptions) iter.Seq2[Company, error] {
	return walk(ctx, c.ListCompanies, opts, companyID)
}

// AllCompanies returns every company the token can reach.
func (c *Client) AllCompanies(ctx context.Context) ([]Company, error) {
	return fetchAll(ctx, c.ListCompanies, ListOptions{}, companyID, c.concurrency)
}

func companyID(c Company) string { return c.ID }
