package ui

import (
	"context"
	"encoding/json"
	"io"
	"maps"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
	"github.com/hyperline-tui/hlx/ui/table"
)

// exportFormat is a file format of the list export.
type exportFormat int

const (
	exportCSV exportFormat = iota
	exportJSON
)

// ext is the format's file name extension.
func (f exportFormat) ext() string {
	if f == exportJSON {
		return ".json"
	}
	return ".csv"
}

// exportWriters makes the export writer of a tab's objects for a format:
// CSV with the columns support reads, or the API's JSON of each object.
func exportWriters[T any](cols func() []export.Column[T], raw func(T) json.RawMessage) func(io.Writer, exportFormat, time.Time) export.Writer[T] {
	return exportWritersAt(func(time.Time) []export.Column[T] { return cols() }, raw)
}

// exportWritersAt is exportWriters for columns that depend on the clock.
func exportWritersAt[T any](cols func(now time.Time) []export.Column[T], raw func(T) json.RawMessage) func(io.Writer, exportFormat, time.Time) export.Writer[T] {
	return func(w io.Writer, f exportFormat, now time.Time) export.Writer[T] {
		if f == exportJSON {
			return export.NewJSON(w, raw)
		}
		return export.NewCSV(w, cols(now))
	}
}

// exportCheapPages is how many pages an export reads without first
// saying what it costs.
const exportCheapPages = 20

// exportConfirmWindow is how long the second press that starts a large
// export may come after the first.
const exportConfirmWindow = 15 * time.Second

// requestExport starts an export, or, when the list is longer than
// exportCheapPages pages, says what it will cost first ("≈10,000
// requests, ≈8 min at Hyperline's rate limit") and starts when the same
// key comes again.
func (m listModel[T]) requestExport(format exportFormat) (listModel[T], tea.Cmd) {
	l := m.shown()
	pages := (l.total + pageSize - 1) / pageSize
	armed := m.exportArmed == format+1 && m.c.now.Sub(m.exportArmedAt) < exportConfirmWindow
	if l.hasTotal && pages > exportCheapPages && !armed {
		m.exportArmed, m.exportArmedAt = format+1, m.c.now
		return m, emit(noticeMsg("Exporting " + formatCount(l.total) + " " + strings.ToLower(m.spec.title) + " reads " +
			requestEstimate(pages) + ". Press the key again to start (x cancels)" + m.serverExportOffer()))
	}
	m.exportArmed = 0
	return m, m.exportList(format)
}

// exportList writes the whole list as the tab shows it — the server's
// search answer when there is one, the local filter on top, in the tab's
// order — walking every page (paced by the client's rate limiter), to a
// file in the save directory. It runs as a job: progress on the footer, x
// cancels and leaves no file.
func (m listModel[T]) exportList(format exportFormat) tea.Cmd {
	spec, data, company, dir := m.spec, m.c.data, m.sc.company, m.c.saveDir
	l := m.shown()
	req := m.request(l, hyperline.ListOptions{})
	filter := strings.ToLower(m.parsed.Text)
	f, now, names := m.c.fmt, m.c.now, maps.Clone(m.names)
	unit := strings.ToLower(spec.title)
	base := m.exportBase()
	run := func(ctx context.Context, progress func(jobProgress)) (string, error) {
		return export.WriteFile(freeName(dir, base, format.ext()), func(w io.Writer) error {
			ew := spec.exportWriter(w, format, now)
			var written, total int64
			if err := req.resolve(ctx, data, company.ID); err != nil {
				return err
			}
			req.page = hyperline.ListOptions{Take: pageSize, WithTotal: true}
			for pages := 0; pages < hyperline.MaxPages; pages++ {
				page, err := spec.load(ctx, data, company.ID, req)
				if err != nil {
					return err
				}
				if page.HasTotal() && filter == "" && pages == 0 {
					total = int64(page.Meta.Total)
				}
				for _, it := range page.Items {
					if filter != "" && !rowMatches(spec.row(f, now, it, names).Cells, filter) {
						continue
					}
					if err := ew.Write(it); err != nil {
						return err
					}
					written++
				}
				progress(jobProgress{done: written, total: total, unit: unit})
				if !page.HasMore() {
					break
				}
				req.page = page.NextOptions()
			}
			return ew.Close()
		})
	}
	what := "export " + unit
	return emit(startJobMsg{what: what, run: run})
}

// exportBase is an export's file name without its extension, the same
// for the file hlx writes and the one Hyperline builds.
func (m listModel[T]) exportBase() string {
	return "hlx-" + fileSafe(m.sc.company.Name) + "-" + strings.ToLower(m.spec.title) + "-" + m.c.now.Format("20060102-1504")
}

// rowMatches is the local filter's test: some cell contains q, which is
// in lower case, ignoring case.
func rowMatches(cells []table.Cell, q string) bool {
	for _, c := range cells {
		if strings.Contains(strings.ToLower(c.Text), q) {
			return true
		}
	}
	return false
}
