package ui

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/export"
)

func withSaveDir(dir string) harnessOption {
	return func(d *Deps, _ *harness) { d.SaveDir = dir }
}

// savedFiles lists the files in dir, temporary ones included.
func savedFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestExportWritesTheListAsShown: e writes every page of the list with
// the local filter applied, as CSV, and says where; E writes the API's
// JSON of the same objects.
func TestExportWritesTheListAsShown(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	h := newHarness(t, 100, 30, withSaveDir(dir)).start()
	h.key("/")
	h.typeText("cobalt")
	h.fire(0)
	h.key("enter")
	h.key("e")
	h.requireView("Saved " + dir)
	files := savedFiles(t, dir)
	if len(files) != 1 || !strings.HasSuffix(files[0], ".csv") || !strings.Contains(files[0], "customers") {
		t.Fatalf("files %v", files)
	}
	f, err := os.Open(filepath.Join(dir, files[0]))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// 800 customers, every tenth a Cobalt Labs, over every page (not only
	// the loaded ones).
	if len(rows) != 1+80 || rows[0][0] != "id" || !strings.HasPrefix(rows[1][1], "Cobalt Labs") {
		t.Fatalf("%d rows, header %v, first %v", len(rows), rows[0], rows[min(1, len(rows)-1)])
	}
	if info, _ := os.Stat(filepath.Join(dir, files[0])); info.Mode().Perm() != export.FileMode {
		t.Errorf("mode %v", info.Mode().Perm())
	}

	h.key("E")
	files = savedFiles(t, dir)
	if len(files) != 2 {
		t.Fatalf("files %v", files)
	}
	for _, name := range files {
		if !strings.HasSuffix(name, ".json") {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(dir, name))
		var items []map[string]any
		if err := json.Unmarshal(b, &items); err != nil || len(items) != 80 || items[0]["id"] != "cus_acme00002" {
			t.Fatalf("JSON export: %v, %d items", err, len(items))
		}
	}
}

// TestDownloadSavesThePDF: d on an invoice saves its PDF under its number,
// never over an existing file.
func TestDownloadSavesThePDF(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	h := newHarness(t, 100, 30, withSaveDir(dir)).start()
	h.key("3")
	h.key("d")
	h.requireView("Saved " + filepath.Join(dir, "INV-1000.pdf"))
	h.key("enter")
	h.key("d") // from the detail, again: a second file
	h.requireView("Saved " + filepath.Join(dir, "INV-1000-2.pdf"))
	b, err := os.ReadFile(filepath.Join(dir, "INV-1000.pdf"))
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("PDF: %v %q", err, b)
	}
	if got := savedFiles(t, dir); len(got) != 2 {
		t.Fatalf("files %v", got)
	}
}

// TestCancelledJobLeavesNoFile: x stops a job; its file is not written.
func TestCancelledJobLeavesNoFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	h := newHarness(t, 100, 30, withSaveDir(dir)).start()
	started := make(chan struct{})
	_, wait := h.app.Update(startJobMsg{what: "export customers", run: func(ctx context.Context, progress func(jobProgress)) (string, error) {
		return export.WriteFile(filepath.Join(dir, "slow.csv"), func(w io.Writer) error {
			io.WriteString(w, "id\n")
			progress(jobProgress{done: 1, unit: "customers"})
			close(started)
			<-ctx.Done()
			return ctx.Err()
		})
	}})
	<-started
	h.requireView("export customers…", "x cancel")
	h.key("x")
	h.run(wait)
	h.requireView("cancelled, nothing was written")
	if got := savedFiles(t, dir); len(got) != 0 {
		t.Fatalf("files after cancel: %v", got)
	}
	// The key is gone with the job.
	if h.app.global.Cancel.Enabled() {
		t.Error("x still enabled")
	}
}

// TestOverviewCountsAndChart: 0 opens the overview, which counts by status
// with one request per status and, the company being small, reads every
// month's invoices to the end;
// esc closes it and stops its requests.
func TestOverviewCountsAndChart(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 30).start()
	h.key("0")
	o, ok := h.app.top().(*overviewModel)
	if !ok {
		t.Fatalf("top %T", h.app.top())
	}
	h.requireView("Overview · Acme Corp", "MRR 12,345.67", "active 600", "archived 200", "Invoiced per month")
	if read, total := o.readTotals(); o.revenueReq != 0 || read == 0 || read != total {
		t.Fatalf("revenue: %d of %d read, request %d in flight", read, total, o.revenueReq)
	}
	counts := 0
	for _, c := range h.data.Calls() {
		if strings.HasPrefix(c, "cmp_acme:customers:@0") || strings.HasPrefix(c, "cmp_acme:subscriptions:@0") {
			counts++
		}
	}
	// A total and one per status for each kind, +1: the customers tab's first page.
	if want := 1 + len(customerCountStatuses) + 1 + len(subscriptionCountStatuses) + 1; counts != want {
		t.Errorf("%d count requests, want %d", counts, want)
	}
	ctx := o.sc.ctx
	h.key("esc")
	if ctx.Err() == nil {
		t.Error("leaving the overview did not stop its requests")
	}
	if _, still := h.app.top().(*overviewModel); still {
		t.Error("esc did not close the overview")
	}
}
