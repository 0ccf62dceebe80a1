package hyperline

import (
	"testing"
)

// FuzzDecodeList feeds arbitrary bodies to the list decoder and the paging
// rules built on it: they may return errors but must never panic.
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
	f.Fuzz(func(t *testing.T, body []byte) {
		checkList[Customer](t, body)
		checkList[Invoice](t, body)
		checkList[Subscription](t, body)
		checkList[Company](t, body)
	})
}

func checkList[T any](t *testing.T, body []byte) {
	items, meta, hasMeta, err := decodeList[T](body)
	if err != nil {
		return
	}
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
