package hyperline

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// GetJSON sends an authenticated GET of path (escaped, without a query)
// with query, scoped to companyID when it is not empty, through the same
// rate limiter, retries and error mapping as every other call, and returns
// the 2xx body, which is JSON. It is for `hlx api`, which reads any path
// the API has, typed or not.
func (c *Client) GetJSON(ctx context.Context, path string, query url.Values, companyID string) (json.RawMessage, error) {
	var raw rawBody
	err := c.send(ctx, call{method: http.MethodGet, path: path, query: query, out: &raw, company: companyID})
	if err != nil {
		return nil, err
	}
	return json.RawMessage(raw), nil
}
