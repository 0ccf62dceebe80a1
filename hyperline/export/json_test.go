package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

func writeJSON[T any](t *testing.T, raw func(T) json.RawMessage, items []T, opts ...Option) string {
	t.Helper()
	var b strings.Builder
	w := NewJSON(&b, raw, opts...)
	for _, it := range items {
		if err := w.Write(it); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if w.Count() != len(items) {
		t.Errorf("Count = %d, want %d", w.Count(), len(items))
	}
	return b.String()
}

// TestJSONKeepsRawBytes: the array's items are the API's bytes, key order
// and spacing included.
func TestJSONKeepsRawBytes(t *testing.T) {
	t.Parallel()
	odd := decode[hyperline.Invoice](t, `{ "z": 1,  "id": "inv_2", "a": "\u00e9\u001b" }`)
	items := []hyperline.Invoice{invoice(t), odd}
	out := writeJSON(t, InvoiceRaw, items)
	var got []json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	if len(got) != len(items) {
		t.Fatalf("%d items, want %d", len(got), len(items))
	}
	for i := range items {
		if !bytes.Equal(got[i], items[i].Raw) {
			t.Errorf("item %d = %s, want %s", i, got[i], items[i].Raw)
		}
	}
	if want := "[\n" + string(items[0].Raw) + ",\n" + string(items[1].Raw) + "\n]\n"; out != want {
		t.Errorf("output = %q, want %q", out, want)
	}
}

func TestJSONForTerminal(t *testing.T) {
	t.Parallel()
	c := customer(t)
	evil := decode[hyperline.Customer](t, `{"id":"cus_2","name":"\u001b[2J\u202eEvil","created_at":"2025-01-01T00:00:00Z"}`)
	// A raw C1 control (valid in a JSON string) must come out escaped too.
	c1 := decode[hyperline.Customer](t, "{\"id\":\"cus_3\",\"name\":\"a\u009bb\"}")
	items := []hyperline.Customer{c, evil, c1}
	out := writeJSON(t, CustomerRaw, items, ForTerminal())
	if strings.ContainsAny(out, "\x1b\u202e\u009b") {
		t.Fatalf("control characters reached the terminal:\n%s", out)
	}
	if !strings.Contains(out, `\u001b[2J\u202eEvil`) {
		t.Errorf("escapes not shown:\n%s", out)
	}
	if !strings.HasPrefix(out, "[\n  {\n    \"id\": \"cus_1\"") {
		t.Errorf("not indented inside the array:\n%s", out)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	for i, it := range items {
		var want map[string]any
		if err := json.Unmarshal(it.Raw, &want); err != nil {
			t.Fatal(err)
		}
		if got[i]["name"] != want["name"] || got[i]["id"] != want["id"] {
			t.Errorf("item %d = %v, want %v", i, got[i], want)
		}
	}
}

func TestJSONEmptyAndErrors(t *testing.T) {
	t.Parallel()
	if out := writeJSON[hyperline.Customer](t, CustomerRaw, nil); out != "[]\n" {
		t.Errorf("empty array = %q", out)
	}
	w := NewJSON(&strings.Builder{}, CustomerRaw)
	if err := w.Write(hyperline.Customer{ID: "hand-built"}); err == nil {
		t.Error("an item without raw JSON was written")
	}
	if err := w.Write(hyperline.Customer{Raw: json.RawMessage(`{"id":`)}); err == nil {
		t.Error("invalid raw JSON was written")
	}
	w.Close()
	if err := w.Write(customer(t)); err == nil {
		t.Error("Write after Close succeeded")
	}
}

func TestJSONStopsOnWriteError(t *testing.T) {
	t.Parallel()
	w := NewJSON(failingWriter{}, CustomerRaw)
	big := customer(t)
	big.Raw = json.RawMessage(`"` + strings.Repeat("x", 8<<10) + `"`)
	if err := w.Write(big); err == nil {
		t.Error("a write to a broken pipe reported no error")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errBrokenPipe }

var errBrokenPipe = errors.New("broken pipe")
