package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
)

// maxPages bounds --paginate, so that a server that never ends a list
// cannot keep hlx running for ever.
const maxPages = 100_000

// page is what --paginate reads of a list answer: its items and how to ask
// for the next page. Cursor lists (v2) send has_more and next_cursor;
// offset lists (v1) send meta.total and meta.skipped.
type page struct {
	Data       []json.RawMessage `json:"data"`
	HasMore    bool              `json:"has_more"`
	NextCursor *string           `json:"next_cursor"`
	Meta       *struct {
		Total   int `json:"total"`
		Skipped int `json:"skipped"`
	} `json:"meta"`
}

// allPages GETs the first page with query, then each next page, and
// returns one JSON array of every page's data. An answer that is not a
// list (no data array) is returned as it is.
func allPages(get func(url.Values) ([]byte, error), query url.Values) ([]byte, error) {
	var items []json.RawMessage
	seen := map[string]bool{}
	for n := 0; ; n++ {
		body, err := get(query)
		if err != nil {
			if n > 0 {
				return nil, fmt.Errorf("page %d: %w", n+1, err)
			}
			return nil, err
		}
		var p page
		if err := json.Unmarshal(body, &p); err != nil || p.Data == nil {
			if n == 0 {
				return body, nil
			}
			return nil, fmt.Errorf("page %d is not a list", n+1)
		}
		items = append(items, p.Data...)
		next, ok := p.next(query, len(p.Data))
		if !ok {
			break
		}
		key := next.Encode()
		if seen[key] || n+1 >= maxPages {
			return nil, fmt.Errorf("page %d: the list does not advance (%s)", n+2, key)
		}
		seen[key] = true
		query = next
	}
	var b bytes.Buffer
	b.WriteByte('[')
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(it)
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

// next is the query of the page after p, which held got items.
func (p *page) next(query url.Values, got int) (url.Values, bool) {
	q := url.Values{}
	for k, v := range query {
		q[k] = v
	}
	switch {
	case p.NextCursor != nil || p.HasMore:
		if !p.HasMore || p.NextCursor == nil || *p.NextCursor == "" {
			return nil, false
		}
		q.Set("cursor", *p.NextCursor)
		return q, true
	case p.Meta != nil:
		skip := p.Meta.Skipped + got
		if got == 0 || skip >= p.Meta.Total {
			return nil, false
		}
		q.Set("skip", strconv.Itoa(skip))
		return q, true
	}
	return nil, false
}
