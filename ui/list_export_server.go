package ui

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
)

// Hyperline's own export (the spec's POST /v1/exports): Hyperline builds
// the file and hlx downloads it, one request and a few status checks
// instead of a page per hundred rows. The spec's CreateExport takes a name
// and a file type and nothing else, so it covers a list only as a whole.

// serverExportFor says which of the spec's exports is the list as the tab
// shows it, or why none is. Of the spec's export names, all_customers is
// the customer list unfiltered. Not documented: the file's columns, which
// are Hyperline's, not the ones hlx writes; and whether draft_invoices,
// open_invoices, all_subscriptions and live_subscriptions select what the
// list's status filters select (all_subscriptions is "active, pending or
// cancelled", which no filter of the list is), so hlx offers none of them.
func (m listModel[T]) serverExportFor() (hyperline.ExportName, string) {
	if _, ok := m.c.data.(Exporter); !ok {
		return "", "this connection cannot ask Hyperline for exports"
	}
	if m.spec.kind != kindCustomer {
		return "", "Hyperline's export covers the whole customer list only"
	}
	if len(m.parsed.Terms) > 0 || strings.TrimSpace(m.parsed.Text) != "" || m.serverOn {
		return "", "Hyperline's export takes no filter or search"
	}
	return hyperline.ExportAllCustomers, ""
}

// serverExportOffer is the estimate's last words: the key that lets
// Hyperline build the file, or why it cannot.
func (m listModel[T]) serverExportOffer() string {
	if _, why := m.serverExportFor(); why != "" {
		return ". " + why + "."
	}
	return ", or H to let Hyperline build the file."
}

// requestServerExport starts Hyperline's export of the list in the format
// of the estimate shown last (CSV unless it was JSON), or says why the
// list has none.
func (m listModel[T]) requestServerExport() (listModel[T], tea.Cmd) {
	name, why := m.serverExportFor()
	if why != "" {
		return m, emit(noticeMsg(why + ": e or E exports it here."))
	}
	format := exportCSV
	if m.exportArmed == exportJSON+1 {
		format = exportJSON
	}
	m.exportArmed = 0
	return m, m.serverExport(name, format)
}

// serverExportBackoff is the wait before the next status check: 1 s,
// doubling, at most 30 s. Not documented: how long Hyperline takes.
func serverExportBackoff(check int) time.Duration {
	d := time.Second << min(check, 5)
	return min(d, 30*time.Second)
}

// serverExport is the job: create the export, check its status with
// backoff (the progress line shows the checks and Hyperline's status),
// then download the file to the path the local export would use. x
// cancels at any step and leaves no file; the export itself stays on
// Hyperline's side, which has no call to cancel one.
func (m listModel[T]) serverExport(name hyperline.ExportName, format exportFormat) tea.Cmd {
	ex := m.c.data.(Exporter)
	companyID, dir, base, sched := m.sc.company.ID, m.c.saveDir, m.exportBase(), m.c.sched
	fileType := hyperline.ExportCSV
	if format == exportJSON {
		fileType = hyperline.ExportJSON
	}
	run := func(ctx context.Context, progress func(jobProgress)) (string, error) {
		progress(jobProgress{unit: "checks, asking Hyperline"})
		e, err := ex.CreateExport(ctx, companyID, name, fileType)
		if err != nil {
			return "", err
		}
		for check := 0; !e.Finished(); check++ {
			progress(jobProgress{done: int64(check), unit: "checks, Hyperline: " + e.Status})
			if err := waitOn(ctx, sched, serverExportBackoff(check)); err != nil {
				return "", err
			}
			if e, err = ex.Export(ctx, companyID, e.ID); err != nil {
				return "", err
			}
		}
		if e.Status != hyperline.ExportDone {
			return "", fmt.Errorf("the %s export ended on Hyperline's side with status %s", name, e.Status)
		}
		return export.WriteFile(freeName(dir, base, format.ext()), func(w io.Writer) error {
			cw := &countingWriter{w: w, report: func(n int64) { progress(jobProgress{done: n}) }}
			_, err := ex.DownloadExport(ctx, companyID, e.ID, cw)
			return err
		})
	}
	return emit(startJobMsg{what: "Hyperline's export of " + strings.ToLower(m.spec.title), run: run})
}

// waitOn waits d on the app's timer (sched, which tests replace to fire at
// once) or until ctx ends. A wait cut short leaves the timer to run out
// on its own.
func waitOn(ctx context.Context, sched func(time.Duration, func(time.Time) tea.Msg) tea.Cmd, d time.Duration) error {
	fired := make(chan struct{})
	go func() {
		sched(d, func(time.Time) tea.Msg { return nil })()
		close(fired)
	}()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-fired:
		return nil
	}
}
