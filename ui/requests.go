package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline/debuglog"
	"github.com/hyperline-tui/hlx/ui/table"
)

// DebugLog is what --debug gives the UI: the log file's path and the ring
// of recent exchanges the requests screen shows (the command line's type).
type DebugLog = debuglog.File

// requestsModel is the requests screen (! with --debug): the recent HTTP
// exchanges newest first, failures toned bad, with the log file's path.
// Every value in it was redacted by the debug log before it got here.
type requestsModel struct {
	c          *common
	log        *DebugLog
	keys       requestsKeys
	table      table.Model
	errorsOnly bool
	shown      int // records in the table, to skip a redraw when none came

	width, height int
}

// requestsKeys drive the requests screen.
type requestsKeys struct {
	table         table.KeyMap
	Errors, Close key.Binding
}

func newRequestsKeys() requestsKeys {
	return requestsKeys{
		table:  table.DefaultKeyMap(),
		Errors: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "errors only / all")),
		Close:  key.NewBinding(key.WithKeys("esc", "!"), key.WithHelp("esc", "close")),
	}
}

func (k requestsKeys) ShortHelp() []key.Binding { return []key.Binding{k.Errors, k.Close} }
func (k requestsKeys) FullHelp() [][]key.Binding {
	return append(k.table.FullHelp(), []key.Binding{k.Errors, k.Close})
}

func newRequests(c *common, log *DebugLog) requestsModel {
	m := requestsModel{c: c, log: log, keys: newRequestsKeys(), shown: -1}
	m.table = table.New([]table.Column{
		{Title: "Time", Width: 8, Priority: 90},
		{Title: "Request", Width: 20, Flex: 2, Priority: 100},
		{Title: "Status", Width: 6, Priority: 95},
		{Title: "Took", Width: 7, Align: table.AlignRight, Priority: 70},
		{Title: "Try", Width: 3, Align: table.AlignRight, Priority: 40},
		{Title: "Left", Width: 5, Align: table.AlignRight, Priority: 50},
		{Title: "Message", Width: 12, Flex: 2, Priority: 80},
	}, table.WithStyles(c.styles.Table), table.WithEmptyText("No requests yet."))
	m.table.SetFocused(true)
	m.refresh()
	return m
}

// refresh reloads the rows from the ring when it changed.
func (m *requestsModel) refresh() {
	recs := m.log.Recent.Snapshot()
	if len(recs) == m.shown {
		return
	}
	m.shown = len(recs)
	rows := make([]table.Row, 0, len(recs))
	for i := len(recs) - 1; i >= 0; i-- {
		r := recs[i]
		if m.errorsOnly && !r.Failed() {
			continue
		}
		rows = append(rows, m.row(i, r))
	}
	m.table.SetRows(rows)
}

// row is one exchange: when, what, how it ended, how long, which try and
// how many requests the rate limit had left.
func (m *requestsModel) row(i int, r debuglog.Record) table.Row {
	what := r.Method + " " + r.Path
	if r.Query != "" {
		what += "?" + r.Query
	}
	status := table.Cell{Text: strconv.Itoa(r.Status), Tone: table.ToneGood}
	switch {
	case r.Status == 0:
		status = table.Cell{Text: "—", Tone: table.ToneBad}
	case r.Status >= 400:
		status.Tone = table.ToneBad
	case r.Status >= 300:
		status.Tone = table.ToneInfo
	}
	try := ""
	if r.Attempt > 1 {
		try = strconv.Itoa(r.Attempt)
	}
	msg := r.Message
	if r.Error != "" {
		msg = r.Error
	}
	return table.Row{ID: strconv.Itoa(i), Cells: []table.Cell{
		{Text: r.Time.In(m.c.fmt.loc).Format("15:04:05"), Tone: table.ToneMuted},
		{Text: what},
		status,
		{Text: tookText(r.Duration)},
		{Text: try, Tone: table.ToneWarn},
		{Text: rateLimitLeft(r.RateLimit)},
		{Text: msg, Tone: table.ToneMuted},
	}}
}

// tookText is a duration to the millisecond, "<1ms" under one.
func tookText(d time.Duration) string {
	if d < time.Millisecond {
		return "<1ms"
	}
	return d.Round(time.Millisecond).String()
}

// rateLimitLeft is the remaining-requests header, whatever its spelling.
func rateLimitLeft(h map[string]string) string {
	for name, v := range h {
		if strings.HasSuffix(strings.ToLower(name), "remaining") {
			return v
		}
	}
	return ""
}

func (m requestsModel) update(msg tea.Msg) (requestsModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tickMsg:
		m.refresh()
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Close):
			return m, m.c.navigate(popScreenMsg{})
		case key.Matches(msg, m.keys.Errors):
			m.errorsOnly, m.shown = !m.errorsOnly, -1
			m.refresh()
			return m, nil
		}
		var cmd tea.Cmd
		m.table, cmd = m.table.Update(msg)
		return m, cmd
	case tea.MouseMsg:
		var cmd tea.Cmd
		m.table, cmd = m.table.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m requestsModel) view() string {
	st := m.c.styles
	title := "Requests"
	if m.errorsOnly {
		title = "Failed requests"
	}
	left := st.Title.Render(" hlx ") + st.Heading.Render(title)
	// The path keeps its end (the file's name) when the width is short.
	room := max(m.width-lipgloss.Width(left)-len("debug log: ")-4, 8)
	path := ansi.TruncateLeft(m.log.Path, max(ansi.StringWidth(m.log.Path)-room, 0), "…")
	head := spread(left, st.Muted.Render("debug log: "+path+" "), m.width)
	return head + "\n" + m.table.View()
}

// The screen interface.

func (m *requestsModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *requestsModel) resize(w, h int) screen {
	m.width, m.height = w, h
	m.table.SetSize(w, max(h-1, 1))
	return m
}

func (m *requestsModel) keyMap() help.KeyMap         { return m.keys }
func (m *requestsModel) capturing() bool             { return false }
func (m *requestsModel) selected() (selection, bool) { return selection{}, false }
func (m *requestsModel) wantsTick() bool             { return true }
func (m *requestsModel) screenKind() screenKind      { return screenRequests }
