package hyperline

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"net/http"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestExportRoundTrip drives the spec's asynchronous export over real HTTP
// against the simulator: create (pending), poll to done, list, download
// through the 302, and the file holds every customer the API lists.
func TestExportRoundTrip(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 5, Scale: 0.1})
	c, _ := simClient(t, sim, false)
	co := sim.Companies()[1]
	cc := c.Company(co.ID)
	ctx := context.Background()

	e, err := cc.CreateExport(ctx, ExportAllCustomers, ExportCSV)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	if e.Status != ExportPending || e.ID == "" || e.CreatedAt.IsZero() || e.Finished() {
		t.Fatalf("created %+v", e)
	}
	if _, err := cc.DownloadExport(ctx, e.ID, &bytes.Buffer{}); err == nil {
		t.Fatal("a pending export downloaded")
	}
	polls := 0
	for !e.Finished() {
		if e, err = cc.GetExport(ctx, e.ID); err != nil {
			t.Fatalf("poll: %v", err)
		}
		polls++
	}
	if e.Status != ExportDone || polls != 2 {
		t.Fatalf("after %d polls: %s", polls, e.Status)
	}
	page, err := cc.ListExports(ctx, ListOptions{Take: 10, WithTotal: true})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != e.ID {
		t.Fatalf("list: %+v, %v", page, err)
	}
	var file bytes.Buffer
	n, err := cc.DownloadExport(ctx, e.ID, &file)
	if err != nil || n != int64(file.Len()) {
		t.Fatalf("download: %d bytes, %v", n, err)
	}
	rows, err := csv.NewReader(&file).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	all, err := cc.AllCustomers(ctx, CustomerListOptions{Status: []string{"all"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != co.Customers {
		t.Fatalf("file has %d customers, the company %d (the list gives %d)", len(rows)-1, co.Customers, len(all))
	}
	ids := map[string]bool{}
	for _, r := range rows[1:] {
		ids[r[0]] = true
	}
	for _, cu := range all {
		if !ids[cu.ID] {
			t.Fatalf("customer %s is in the list but not in the file", cu.ID)
		}
	}
}

// TestExportErrors: an unknown export is ErrNotFound; a name outside the
// spec's enum is refused by the server (400), not sent twice.
func TestExportErrors(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 5, Scale: 0.05})
	c, _ := simClient(t, sim, false)
	cc := c.Company(sim.Companies()[0].ID)
	ctx := context.Background()
	if _, err := cc.GetExport(ctx, "exp_nothing"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown export: %v", err)
	}
	sim.ResetRequests()
	_, err := cc.CreateExport(ctx, "every_customer", ExportCSV)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad name: %v", err)
	}
	if n := len(sim.Requests()); n != 1 {
		t.Fatalf("a refused create was sent %d times", n)
	}
	if _, err := cc.CreateExport(ctx, "", ExportCSV); err == nil {
		t.Fatal("an empty name was accepted")
	}
}
