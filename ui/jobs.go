package ui

import (
	"context"
	"errors"
	"io"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// Jobs are the long tasks a user starts and waits for while browsing on: a
// PDF download, an export of a whole list. One runs at a time, under the
// app's context (a company switch does not stop it, x or quitting does);
// its progress shows on the footer line and its end in a notice.

// jobProgress is how far a job got: done of total units ("" unit: bytes),
// total 0 when it is not known.
type jobProgress struct {
	done, total int64
	unit        string // "customers", … or "" for bytes
}

// jobRun does the work, reporting progress as it goes, and returns where
// the result was written.
type jobRun func(ctx context.Context, progress func(jobProgress)) (path string, err error)

// startJobMsg asks the app to run a job; what names it ("download
// INV-1001", "export customers").
type startJobMsg struct {
	what string
	run  jobRun
}

// jobUpdateMsg reports a job's progress, or its end (done).
type jobUpdateMsg struct {
	id       uint64
	progress jobProgress
	done     bool
	path     string
	err      error
	updates  <-chan jobUpdateMsg
}

// runningJob is the job the app waits for.
type runningJob struct {
	id       uint64
	what     string
	cancel   context.CancelFunc
	progress jobProgress
}

// startJob runs msg's job unless one is running.
func (a *App) startJob(msg startJobMsg) tea.Cmd {
	if a.job != nil {
		return a.showNotice(a.job.what + " is still running: wait for it, or press x to cancel it")
	}
	ctx, cancel := context.WithCancel(a.c.ctx)
	id := a.c.nextID()
	a.job = &runningJob{id: id, what: msg.what, cancel: cancel}
	// One slot: progress replaces progress the app has not read yet; the
	// end is always delivered.
	updates := make(chan jobUpdateMsg, 1)
	go func() {
		path, err := msg.run(ctx, func(p jobProgress) {
			select {
			case <-updates:
			default:
			}
			select {
			case updates <- jobUpdateMsg{id: id, progress: p, updates: updates}:
			default:
			}
		})
		cancel()
		for {
			select {
			case updates <- jobUpdateMsg{id: id, done: true, path: path, err: err, updates: updates}:
				return
			case <-updates: // an unread progress report: the end replaces it
			}
		}
	}()
	return waitJob(updates)
}

// waitJob waits for a job's next report.
func waitJob(updates <-chan jobUpdateMsg) tea.Cmd {
	return func() tea.Msg { return <-updates }
}

// handleJobUpdate shows a job's progress, or its end.
func (a *App) handleJobUpdate(msg jobUpdateMsg) tea.Cmd {
	if a.job == nil || msg.id != a.job.id {
		return nil
	}
	if !msg.done {
		a.job.progress = msg.progress
		return waitJob(msg.updates)
	}
	what := a.job.what
	a.job = nil
	switch {
	case msg.err != nil && a.c.ctx.Err() == nil && isCancelled(msg.err):
		return a.showNotice(strings.ToUpper(what[:1]) + what[1:] + ": cancelled, nothing was written")
	case msg.err != nil:
		return emit(errMsg{what: what, err: msg.err})
	}
	return a.showNotice("Saved " + msg.path)
}

// cancelJob stops the running job.
func (a *App) cancelJob() tea.Cmd {
	if a.job != nil {
		a.job.cancel()
	}
	return nil
}

// jobLine is the running job on the footer: what, how far, how to stop it.
func (a *App) jobLine() string {
	st := a.c.styles
	j := a.job
	p := j.progress
	var count string
	switch {
	case p.unit == "" && p.done > 0:
		count = formatBytes(p.done)
		if p.total > 0 {
			count += " of " + formatBytes(p.total)
		}
	case p.unit != "":
		count = formatCount(int(p.done)) + " " + p.unit
		if p.total > 0 {
			count = formatCount(int(p.done)) + "/" + formatCount(int(p.total)) + " " + p.unit
		}
	}
	bar := ""
	if p.total > 0 {
		const width = 20
		filled := int(min(p.done, p.total) * width / p.total)
		bar = " [" + strings.Repeat("█", filled) + strings.Repeat("·", width-filled) + "]"
	}
	line := " " + st.Info.Render("⇣ "+j.what+"…") + " " + count + bar + "  " + st.Key.Render("x") + st.Muted.Render(" cancel")
	return fitLine(line, a.width)
}

// isCancelled reports whether a job ended because it was cancelled.
func isCancelled(err error) bool { return errors.Is(err, context.Canceled) }

// countingWriter reports every write's running total.
type countingWriter struct {
	w      io.Writer
	n      int64
	report func(int64)
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.report(c.n)
	return n, err
}

// formatBytes writes a size as people read it: "820 B", "1.2 MB".
func formatBytes(n int64) string {
	const unit = 1000
	if n < unit {
		return formatCount(int(n)) + " B"
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	whole, tenth := n/div, (n%div)*10/div
	return formatCount(int(whole)) + "." + string(rune('0'+tenth)) + " " + string("kMGTPE"[exp]) + "B"
}

// handleJobMsg handles a job's start and its progress.
func (a *App) handleJobMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case startJobMsg:
		return a.startJob(msg), true
	case jobUpdateMsg:
		return a.handleJobUpdate(msg), true
	}
	return nil, false
}
