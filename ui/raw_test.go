package ui

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// The explorer's rows keep no raw JSON (it would double what a tab holds);
// the detail shows the object's JSON from its own GET, and the JSON export
// still writes the API's objects byte for byte.
func TestRowsKeepNoJSONDetailAndExportDo(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.05})
	company := env.loginAndChoose(t, ctx, 1)
	b := env.backend(ctx)
	dir := t.TempDir()
	deps := env.deps(ctx, withoutEvents{b}, b)
	deps.SaveDir = dir
	h := newHarnessWithDeps(t, deps, 120, 30).start()

	items := h.browser().customers().base.items
	if len(items) == 0 {
		t.Fatal("no customers loaded")
	}
	for _, c := range items {
		if c.Raw != nil {
			t.Fatalf("customer %s keeps %d bytes of JSON in the list", c.ID, len(c.Raw))
		}
	}

	// Opened from the list, the detail waits for its GET for the JSON.
	br := h.browser()
	d, _ := newDetail(h.app.c, br.sc, kindCustomer, items[0].ID, &items[0])
	if d.pretty != jsonLoading {
		t.Fatalf("the detail shows %q before its object arrives", d.pretty)
	}
	h.key("enter")
	h.key("J") // past the account's sections to the raw JSON
	h.requireView(`"id": "`+items[0].ID+`"`, `"currency": "`)
	h.key("esc")

	// The export walks the list with JSON kept: the API's objects as sent.
	h.key("E")
	h.requireView("Saved " + dir)
	want, err := b.Customers(ctx, company.ID, hyperline.CustomerListOptions{
		ListOptions: hyperline.ListOptions{Take: hyperline.MaxTake},
		Sort:        hyperline.Sort{Field: hyperline.SortCreatedAt, Order: hyperline.Descending}})
	if err != nil {
		t.Fatal(err)
	}
	files := savedFiles(t, dir)
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	data, err := os.ReadFile(filepath.Join(dir, files[0]))
	if err != nil {
		t.Fatal(err)
	}
	var got []json.RawMessage
	if err := json.Unmarshal(data, &got); err != nil || len(got) < len(want.Items) {
		t.Fatalf("export: %v, %d objects", err, len(got))
	}
	for i, c := range want.Items {
		if len(c.Raw) == 0 || !strings.Contains(string(data), string(c.Raw)) || string(got[i]) != string(c.Raw) {
			t.Fatalf("object %d of the export is not the API's:\n%s\nwant\n%s", i, got[i], c.Raw)
		}
	}
}
