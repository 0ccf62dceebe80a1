package hyperline

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzDecodeList feeds arbitrary bodies to the list decoders and the paging
// rules built on them: they may return errors but must never panic, never
// accept a body that is not JSON (encoding/json's json.Valid is the judge),
// and every item's Raw must be JSON found in the body as it is.
func FuzzDecodeList(f *testing.F) {
	f.Add([]byte(`{"meta":{"total":2,"taken":2,"skipped":0,"approximateCount":false},"data":[{"id":"cus_1"},{"id":"cus_2"}]}`))
	f.Add([]byte(`{"meta":{"total":0,"taken":50,"skipped":100},"data":[]}`))
	f.Add([]byte(`{"data":null}`))
	f.Add([]byte(`{"data":[null,{"id":1}]}`))
	f.Add([]byte(`{"data":[{"id":"inv_1","customer":{"id":"cus_1"},"total_amount":1e3,"emitted_at":"2024-01-01T00:00:00Z"}]}`))
	f.Add([]byte(`{"data":[{"created_at":"not a date","last_4_digits":12}]}`))
	f.Add([]byte(`{"meta":{"total":-1},"data":[]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"data":[{"id":"x"`))
	f.Add([]byte{})
	f.Add([]byte(`{"data":[{"id":"cus_1"}],"next_cursor":null,"has_more":false} {}`))
	f.Add([]byte(`{"data":[ {"id":"cus_1"} , {"id":"cus_2","name":"\u001b[2J"} ],"next_cursor":"c1","has_more":true,"total":9}`))
	f.Add([]byte("{\"data\":[{\"id\":\"cus_\xff\",\"id\":\"cus_2\"}],\"meta\":null}"))
	f.Add([]byte(`{"data":[{"id":"cus_1"}],"data":[{"id":"cus_2"}]}`))
	f.Add([]byte(`{"data":[{"id":"cus_1",}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		checkList[Customer](t, body)
		checkList[Invoice](t, body)
		checkList[Subscription](t, body)
		checkList[Company](t, body)
	})
}

func checkList[T any](t *testing.T, body []byte) {
	if l, err := decodeCursorList[T](body, true); err == nil {
		checkItems(t, body, l.items)
	}
	items, meta, hasMeta, err := decodeList[T](body, true)
	if err != nil {
		return
	}
	checkItems(t, body, items)
	if meta.Total < 0 || meta.Skipped < 0 || meta.Taken < 0 {
		t.Fatalf("negative meta accepted: %+v", meta)
	}
	for _, take := range []int{0, 1, MaxTake} {
		p := &Page[T]{Items: items, Meta: meta, known: true, take: take, received: len(items), hasTotal: hasMeta}
		if p.HasMore() && len(items) == 0 {
			t.Fatalf("empty page reports more: %+v", meta)
		}
		if p.NextSkip() < 0 {
			t.Fatalf("negative next skip")
		}
		_ = p.NextOptions()
	}
}

// checkItems holds a decoded page to what was accepted: JSON, and Raws
// that are JSON values cut from the body.
func checkItems[T any](t *testing.T, body []byte, items []T) {
	if !json.Valid(body) {
		t.Fatalf("a body that is not JSON was accepted: %q", body)
	}
	for i := range items {
		raw := rawOf(&items[i])
		if len(raw) > 0 && (!json.Valid(raw) || !bytes.Contains(body, raw) || raw[0] != '{') {
			t.Fatalf("item %d: Raw %q is not an object of the body %q", i, raw, body)
		}
	}
}

// rawOf is the Raw of a model (nil for other types).
func rawOf(v any) json.RawMessage {
	switch m := v.(type) {
	case *Customer:
		return m.Raw
	case *Subscription:
		return m.Raw
	case *Invoice:
		return m.Raw
	case *Company:
		return m.Raw
	}
	return nil
}
