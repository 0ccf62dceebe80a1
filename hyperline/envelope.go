package hyperline

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// envelope is a list body as it came: {"data": [...]} with the paging
// fields of either kind of list. The offset lists (/v1/companies,
// /v2/subscriptions) send {"meta": {"total","taken","skipped"}}; the cursor
// lists (/v2/customers, /v2/invoices) send "next_cursor" (a string or
// null), "has_more" and, with include_total, "total".
type envelope[T any] struct {
	items      []T
	hasData    bool // "data" was a list, not absent or null
	meta       *Meta
	nextCursor string
	hasCursor  bool // "next_cursor" was there, null included
	hasMore    *bool
	total      *int
}

// decodeEnvelope decodes a list body in one pass. With raw, every item
// that keeps its JSON (a model's Raw) gets its exact bytes: a slice of
// body, so the page's JSON is held once, by the items, and not copied.
// Without raw, nothing refers to body once it returns.
func decodeEnvelope[T any](body []byte, raw bool) (envelope[T], error) {
	var env envelope[T]
	if raw && cap(body)-len(body) > len(body)/8 {
		body = bytes.Clone(body) // the items hold it: without the room it grew into
	}
	dec := jsontext.NewDecoder(bytes.NewBuffer(body), decodeOptions)
	tok, err := dec.ReadToken()
	if err != nil {
		return env, err
	}
	if tok.Kind() != '{' {
		return env, errors.New("list body is not a JSON object")
	}
	for {
		tok, err := dec.ReadToken()
		if err != nil {
			return env, err
		}
		if tok.Kind() == '}' {
			break
		}
		name := tok.String() // tok is only valid until the next read
		switch name {
		case "data":
			err = env.readItems(dec, body, raw)
		case "meta":
			err = jsonv2.UnmarshalDecode(dec, &env.meta)
		case "has_more":
			err = jsonv2.UnmarshalDecode(dec, &env.hasMore)
		case "total":
			err = jsonv2.UnmarshalDecode(dec, &env.total)
		case "next_cursor":
			env.hasCursor = true
			if dec.PeekKind() == 'n' {
				_, err = dec.ReadToken()
			} else {
				err = jsonv2.UnmarshalDecode(dec, &env.nextCursor)
			}
		default:
			err = dec.SkipValue()
		}
		if err != nil {
			return env, fmt.Errorf("%s: %w", name, err)
		}
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		if err == nil {
			err = errors.New("more JSON after the list")
		}
		return env, fmt.Errorf("%w: %w", errNotJSON, err)
	}
	return env, nil
}

// readItems decodes the data array item by item, each straight into its
// place in the page.
func (env *envelope[T]) readItems(dec *jsontext.Decoder, body []byte, raw bool) error {
	switch dec.PeekKind() {
	case 'n':
		env.items, env.hasData = nil, false
		_, err := dec.ReadToken()
		return err
	case '[':
	default:
		var items []T // let the decoder say what came instead of a list
		return jsonv2.UnmarshalDecode(dec, &items)
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	items := env.items[:0]
	for dec.PeekKind() != ']' {
		start := dec.InputOffset()
		var zero T
		items = append(items, zero)
		it := &items[len(items)-1]
		if err := jsonv2.UnmarshalDecode(dec, it); err != nil {
			return err
		}
		if raw {
			// The stretch since the previous value holds the comma and
			// the spacing before this one.
			keepRaw(it, bytes.TrimLeft(body[start:dec.InputOffset()], " \t\r\n,"))
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	env.items, env.hasData = items, true
	return nil
}

// decodeList decodes an offset-paginated list body. hasMeta reports whether the
// body carried a meta object at all; without one the paging code cannot trust a
// total and falls back to the short-page rule.
func decodeList[T any](body []byte, raw bool) (items []T, meta Meta, hasMeta bool, err error) {
	env, err := decodeEnvelope[T](body, raw)
	if err != nil {
		return nil, Meta{}, false, err
	}
	if env.meta != nil {
		meta, hasMeta = *env.meta, true
	}
	if meta.Total < 0 || meta.Skipped < 0 || meta.Taken < 0 {
		return nil, Meta{}, false, fmt.Errorf("list meta has negative numbers: %+v", meta)
	}
	return env.items, meta, hasMeta, nil
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
func decodeCursorList[T any](body []byte, raw bool) (cursorList[T], error) {
	var out cursorList[T]
	env, err := decodeEnvelope[T](body, raw)
	if err != nil {
		return out, err
	}
	if !env.hasData || env.hasMore == nil || !env.hasCursor {
		return out, fmt.Errorf("cursor list body lacks data, next_cursor or has_more")
	}
	out.items, out.nextCursor, out.hasMore = env.items, env.nextCursor, *env.hasMore
	if env.total != nil {
		if *env.total < 0 {
			return out, fmt.Errorf("cursor list total is negative: %d", *env.total)
		}
		out.total, out.hasTotal = *env.total, true
	}
	return out, nil
}
