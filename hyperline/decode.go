package hyperline

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// isJSONNull reports whether b is the JSON literal null (surrounding space allowed).
func isJSONNull(b []byte) bool {
	return bytes.Equal(bytes.TrimSpace(b), []byte("null"))
}

// decodeKeepingRaw decodes b into *alias (the model viewed through a local type
// without methods, so the model's own UnmarshalJSON does not recurse) and
// stores a private copy of b in *raw. Like encoding/json, null is a no-op. encoding/json hands UnmarshalJSON a slice
// of its input buffer, so the bytes must be copied to outlive the call.
func decodeKeepingRaw[A any](b []byte, alias *A, raw *json.RawMessage) error {
	if isJSONNull(b) {
		return nil
	}
	if err := json.Unmarshal(b, alias); err != nil {
		return err
	}
	*raw = append(json.RawMessage(nil), bytes.TrimSpace(b)...)
	return nil
}

// listEnvelope is the offset-paginated body of /v1/companies and
// /v2/subscriptions: {"meta": {"total","taken","skipped"}, "data": [...]}.
type listEnvelope[T any] struct {
	Meta *Meta `json:"meta"`
	Data []T   `json:"data"`
}

// cursorEnvelope is the cursor-paginated body of /v2/customers and
// /v2/invoices: {"data": [...], "next_cursor": "..."|null, "has_more": bool,
// "total": n (only with include_total)}.
type cursorEnvelope[T any] struct {
	Data       *[]T            `json:"data"`
	NextCursor json.RawMessage `json:"next_cursor"` // nil when absent, null allowed
	HasMore    *bool           `json:"has_more"`
	Total      *int            `json:"total"`
}

// jsonObject checks that body is a JSON object before it is decoded.
func jsonObject(body []byte) ([]byte, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, fmt.Errorf("list body is not a JSON object")
	}
	return trimmed, nil
}

// decodeList decodes an offset-paginated list body. hasMeta reports whether the
// body carried a meta object at all; without one the paging code cannot trust a
// total and falls back to the short-page rule.
func decodeList[T any](body []byte) (items []T, meta Meta, hasMeta bool, err error) {
	trimmed, err := jsonObject(body)
	if err != nil {
		return nil, Meta{}, false, err
	}
	var env listEnvelope[T]
	if err := json.Unmarshal(trimmed, &env); err != nil {
		return nil, Meta{}, false, err
	}
	if env.Meta != nil {
		meta, hasMeta = *env.Meta, true
	}
	if meta.Total < 0 || meta.Skipped < 0 || meta.Taken < 0 {
		return nil, Meta{}, false, fmt.Errorf("list meta has negative numbers: %+v", meta)
	}
	return env.Data, meta, hasMeta, nil
}

// cursorList is a decoded cursor page.
type cursorList[T any] struct {
	items      []T
	nextCursor string
	hasMore    bool
	total      int
	hasTotal   bool
}

// decodeCursorList decodes a cursor-paginated list body; data, next_cursor
// and has_more are required by the spec.
func decodeCursorList[T any](body []byte) (cursorList[T], error) {
	var out cursorList[T]
	trimmed, err := jsonObject(body)
	if err != nil {
		return out, err
	}
	var env cursorEnvelope[T]
	if err := json.Unmarshal(trimmed, &env); err != nil {
		return out, err
	}
	if env.Data == nil || env.HasMore == nil || env.NextCursor == nil {
		return out, fmt.Errorf("cursor list body lacks data, next_cursor or has_more")
	}
	if !isJSONNull(env.NextCursor) {
		if err := json.Unmarshal(env.NextCursor, &out.nextCursor); err != nil {
			return out, fmt.Errorf("next_cursor: %w", err)
		}
	}
	out.items, out.hasMore = *env.Data, *env.HasMore
	if env.Total != nil {
		if *env.Total < 0 {
			return out, fmt.Errorf("cursor list total is negative: %d", *env.Total)
		}
		out.total, out.hasTotal = *env.Total, true
	}
	return out, nil
}
