package hyperline

import (
	"context"
	"net/http"
)

// ListCompanies returns the companies the token can reach (GET
// /v1/companies). The spec gives the endpoint no parameters, so nothing is
// sent and the one answer is the whole list; Page.Meta.Total says whether
// the server held any back.
func (c *Client) ListCompanies(ctx context.Context) (*Page[Company], error) {
	var raw rawBody
	if err := c.do(ctx, http.MethodGet, "/v1/companies", nil, nil, &raw); err != nil {
		return nil, err
	}
	items, meta, hasMeta, err := decodeList[Company](raw, true)
	if err != nil {
		return nil, bodyError(http.MethodGet, "/v1/companies", "decode list", raw, err)
	}
	p := &Page[Company]{Meta: meta, known: true, hasTotal: hasMeta}
	p.keep(assemble([]*Page[Company]{{Items: items}}, companyID), nil)
	return p, nil
}

// AllCompanies returns every company the token can reach.
func (c *Client) AllCompanies(ctx context.Context) ([]Company, error) {
	p, err := c.ListCompanies(ctx)
	if err != nil {
		return nil, err
	}
	return p.Items, nil
}

func companyID(c Company) string { return c.ID }
