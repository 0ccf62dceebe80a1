package ui

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestServerExportBuildsTheFile: the large export's estimate offers H, and
// H lets Hyperline build the customer file over real HTTP against the
// simulator: one POST /v1/exports, status checks until done, one
// download, no page of the list read, and the file saved where the local
// export would go, one row per customer.
func TestServerExportBuildsTheFile(t *testing.T) {
	t.Parallel()
	h, env := simHarness(t, simulator.Config{LargeCustomers: 2_500}, 2, 200, 40)
	h.app.c.saveDir = t.TempDir()
	env.sim.ResetRequests()
	h.key("e")
	h.requireView("or H to let Hyperline build the file")
	h.key("H")

	var posts, checks, downloads int
	for _, r := range env.sim.Requests() {
		switch {
		case r.Method == "POST" && r.Path == "/v1/exports":
			posts++
		case r.Method == "GET" && strings.HasPrefix(r.Path, "/v1/exports/"):
			checks++
		case strings.HasPrefix(r.Path, "/v2/exports/"):
			downloads++
		}
	}
	if posts != 1 || checks != 2 || downloads != 1 || len(listQueries(env, "/v2/customers")) != 0 {
		t.Fatalf("%d creates, %d checks, %d downloads, %d list pages; want 1, 2, 1, 0",
			posts, checks, downloads, len(listQueries(env, "/v2/customers")))
	}
	files, _ := os.ReadDir(h.app.c.saveDir)
	if len(files) != 1 || !strings.HasPrefix(files[0].Name(), "hlx-") || !strings.HasSuffix(files[0].Name(), "-customers-"+h.app.c.now.Format("20060102-1504")+".csv") {
		t.Fatalf("files %v", files)
	}
	h.requireView("Saved " + filepath.Join(h.app.c.saveDir, files[0].Name()))
	f, _ := os.Open(filepath.Join(h.app.c.saveDir, files[0].Name()))
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 2_501 {
		t.Fatalf("file: %d rows, %v; want 2,500 customers and a header", len(rows), err)
	}
}

// TestServerExportNotOffered: the spec's export takes no filter and has no
// list of invoices as the tab shows them, so the estimate says so and H
// sends nothing.
func TestServerExportNotOffered(t *testing.T) {
	t.Parallel()
	h, env := simHarness(t, simulator.Config{LargeCustomers: 2_500}, 2, 200, 40)
	h.app.c.saveDir = t.TempDir()
	h.key("3")
	env.sim.ResetRequests()
	h.key("e")
	h.requireView("Hyperline's export covers the whole customer list only")
	h.key("H")
	h.requireView("e or E exports it here")
	for _, r := range env.sim.Requests() {
		if strings.Contains(r.Path, "exports") {
			t.Fatalf("sent %s %s", r.Method, r.Path)
		}
	}
}

// exporterStub is an Exporter whose export never finishes, to cancel one.
type exporterStub struct{ created chan struct{} }

func (b exporterStub) CreateExport(context.Context, string, hyperline.ExportName, hyperline.ExportFileType) (*hyperline.Export, error) {
	close(b.created)
	return &hyperline.Export{ID: "exp_1", Status: hyperline.ExportPending}, nil
}
func (exporterStub) Export(context.Context, string, string) (*hyperline.Export, error) {
	return &hyperline.Export{ID: "exp_1", Status: hyperline.ExportProcessing}, nil
}
func (exporterStub) DownloadExport(context.Context, string, string, io.Writer) (int64, error) {
	return 0, errors.New("not ready")
}

// TestServerExportCancels: the job waits on the app's timer between status
// checks; cancelling it (x) ends the wait at once and leaves no file.
func TestServerExportCancels(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40)
	h.app.c.saveDir = t.TempDir()
	created := make(chan struct{})
	c := *h.app.c
	c.data = struct {
		Data
		Exporter
	}{h.data, exporterStub{created}}
	never := make(chan struct{})
	c.sched = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { <-never; return nil }
	}
	l := newList(&c, scope{company: hyperline.Company{ID: "cmp_acme", Name: "Acme"}}, customersSpec())
	msg := l.serverExport(hyperline.ExportAllCustomers, exportCSV)().(startJobMsg)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := msg.run(ctx, func(jobProgress) {})
		done <- err
	}()
	<-created
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled export: %v", err)
	}
	if files, _ := os.ReadDir(c.saveDir); len(files) != 0 {
		t.Fatalf("a cancelled export left %v", files)
	}
}
