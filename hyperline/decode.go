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

// listEnvelope is the offset-paginated body shared by the v1 lists and
// /v2/subscriptions: {"meta": {...}, "data": [...]}.
type listEnvelope[T any] struct {
	Meta *Meta `json:"meta"`
	Data []T   `json:"data"`
}

// decodeList decodes an offset-paginated list body. hasMeta reports whether the
// body carried a meta object at all; without one the paging code cannot trust a
// total and falls back to the short-page rule.
func decodeList[T any](body []byte) (items []T, meta Meta, hasMeta bool, err error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, Meta{}, false, fmt.Errorf("list body is not a JSON object")
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
