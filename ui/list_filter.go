package ui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The filter of a tab: `/` gives the keyboard to the filter line; every
// keystroke filters the loaded rows at once, and for lists the API can
// filter by name (customers), a server request goes out once typing pauses,
// cancelling the previous query's requests. esc clears it all.

// startServerFilter asks the server for the objects whose name contains
// query, cancelling the requests of the previous query.
func (m listModel[T]) startServerFilter(query string) (listModel[T], tea.Cmd) {
	if m.server.cancel != nil {
		m.server.cancel()
	}
	ctx, cancel := context.WithCancel(m.sc.ctx)
	rows, items, index, loaded := m.server.rows, m.server.items, m.server.index, m.server.loaded
	m.server = listing[T]{query: query, reqID: m.c.nextID(), ctx: ctx, cancel: cancel,
		rows: rows, items: items, index: index, loaded: loaded}
	return m, loadPage(ctx, m.c, m.sc.company.ID, m.spec, query, 0, m.server.reqID)
}

// clearServerFilter drops the server's answer and shows the full list again.
func (m *listModel[T]) clearServerFilter() {
	if m.server.cancel != nil {
		m.server.cancel()
	}
	m.server = listing[T]{}
	if m.serverOn {
		m.serverOn = false
		m.table.SetRows(m.base.rows)
	}
}

// startFilter gives the keyboard to the filter line.
func (m listModel[T]) startFilter() (listModel[T], tea.Cmd) {
	m.filtering = true
	m.table.SetFocused(false)
	m.input.focus()
	return m.setSize(m.width, m.height), nil
}

// clearFilter empties the filter and shows every loaded row.
func (m listModel[T]) clearFilter() (listModel[T], tea.Cmd) {
	m.filtering = false
	m.input.blur()
	m.input.reset()
	m.table.SetFocused(true)
	m.query, m.debounceID = "", 0
	m.table.SetFilter("")
	m.clearServerFilter()
	m = m.setSize(m.width, m.height)
	return m, m.loadMoreIfNear(false)
}

func (m listModel[T]) handleFilterKey(msg tea.KeyMsg) (listModel[T], tea.Cmd) {
	switch {
	case key.Matches(msg, m.fkeys.Cancel):
		return m.clearFilter()
	case key.Matches(msg, m.fkeys.Apply):
		m.filtering = false
		m.input.blur()
		m.table.SetFocused(true)
		m = m.setSize(m.width, m.height)
		if msg.Type == tea.KeyEnter {
			return m, nil
		}
		var cmd tea.Cmd
		m.table, cmd = m.table.Update(msg)
		return m, tea.Batch(cmd, m.loadMoreIfNear(false))
	}
	var changed bool
	if m.input, changed = m.input.update(msg); !changed {
		return m, nil
	}
	return m.queryChanged()
}

// queryChanged filters the loaded rows at once and, for lists the server
// can filter, schedules a server request once typing pauses.
func (m listModel[T]) queryChanged() (listModel[T], tea.Cmd) {
	q := strings.TrimSpace(m.input.Value())
	if q == m.query {
		return m, nil
	}
	m.query = q
	m.table.SetFilter(q)
	if !m.spec.serverFilter {
		return m, m.loadMoreIfNear(true)
	}
	m.debounceID = m.c.nextID()
	if q == "" {
		m.clearServerFilter()
		return m, nil
	}
	tag := resultTag{reqID: m.debounceID, company: m.sc.company.ID}
	settle := m.c.sched(m.c.debounce, func(time.Time) tea.Msg { return filterSettledMsg{resultTag: tag, query: q} })
	return m, settle
}

// filterShown says whether the filter line takes a line above the table.
func (m *listModel[T]) filterShown() bool { return m.filtering || m.query != "" }

// filterHint says where the filter's matches come from.
func (m *listModel[T]) filterHint() string {
	switch {
	case m.query == "":
		return "type to filter · enter keep · esc clear "
	case !m.spec.serverFilter && m.shown().more:
		return "filtering the loaded rows · scroll to load more "
	case !m.spec.serverFilter:
		return "filtering the loaded rows "
	case m.server.reqID != 0 && m.server.query == m.query:
		return "asking the server… "
	case m.serverOn:
		return "server: " + formatCount(m.server.total) + " names contain “" + m.server.query + "” "
	}
	return "filtering the loaded rows "
}
