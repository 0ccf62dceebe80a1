package ui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
)

// The filter of a tab: `/` gives the keyboard to the filter line; every
// keystroke filters the loaded rows at once, and for lists the API can
// search (customers), a server request goes out once typing pauses,
// cancelling the previous query's requests. esc clears it all.

// startServerFilter asks the server for the objects that match query,
// cancelling the requests of the previous query.
func (m listModel[T]) startServerFilter(query string) (listModel[T], tea.Cmd) {
	if m.server.cancel != nil {
		m.server.cancel()
	}
	ctx, cancel := context.WithCancel(m.sc.ctx)
	// The previous answer stays on screen until this one arrives.
	prev := m.server
	if !prev.loaded {
		prev.table = m.newTable("No " + strings.ToLower(m.spec.title) + " match.")
	}
	m.server = listing[T]{query: query, reqID: m.c.nextID(), ctx: ctx, cancel: cancel,
		table: prev.table, rows: prev.rows, items: prev.items, index: prev.index, loaded: prev.loaded}
	return m, loadPage(ctx, m.c, m.sc.company.ID, m.spec, m.request(query, hyperline.ListOptions{}), m.server.reqID)
}

// clearServerFilter drops the server's answer and shows the loaded rows
// again, filtered by what is typed now, on the same object when they hold
// it. The loaded rows kept their own table: nothing is rebuilt.
func (m *listModel[T]) clearServerFilter() {
	if m.server.cancel != nil {
		m.server.cancel()
	}
	wasOn, sel := m.serverOn, m.selectedIDOrEmpty()
	m.server, m.serverOn = listing[T]{}, false
	if wasOn {
		m.base.table.SetFilter(m.query)
		if sel != "" {
			m.base.table.SelectID(sel)
		}
	}
}

// setFocused gives the keyboard to the tables (true) or the filter line.
func (m *listModel[T]) setFocused(tables bool) {
	m.filtering = !tables
	m.base.table.SetFocused(tables)
	m.server.table.SetFocused(tables)
}

// startFilter gives the keyboard to the filter line.
func (m listModel[T]) startFilter() (listModel[T], tea.Cmd) {
	m.setFocused(false)
	m.input.focus()
	return m.setSize(m.width, m.height), nil
}

// clearFilter empties the filter and shows every loaded row.
func (m listModel[T]) clearFilter() (listModel[T], tea.Cmd) {
	m.setFocused(true)
	m.input.blur()
	m.input.reset()
	m.query, m.debounceID = "", 0
	m.clearServerFilter()
	m.base.table.SetFilter("")
	m = m.setSize(m.width, m.height)
	return m, m.loadMoreIfNear(false)
}

func (m listModel[T]) handleFilterKey(msg tea.KeyMsg) (listModel[T], tea.Cmd) {
	switch {
	case key.Matches(msg, m.fkeys.Cancel):
		return m.clearFilter()
	case key.Matches(msg, m.fkeys.Apply):
		m.setFocused(true)
		m.input.blur()
		m = m.setSize(m.width, m.height)
		if msg.Type == tea.KeyEnter {
			return m, nil
		}
		return m.updateTable(msg)
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
	m.shownTable().SetFilter(q)
	m.debounceID = m.c.nextID()
	if !m.searchesServer(q) {
		m.clearServerFilter()
		return m, m.loadMoreIfNear(true)
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
	case !m.searchesServer(m.query) && m.shown().more:
		return "filtering the loaded rows · scroll to load more "
	case !m.searchesServer(m.query):
		return "filtering the loaded rows "
	case m.server.reqID != 0 && m.server.query == m.query:
		return "asking the server… "
	case m.serverOn && m.server.hasTotal:
		return "server search: " + formatCount(m.server.total) + " " + m.spec.searchSays + " “" + m.server.query + "” "
	case m.serverOn:
		return "server search: “" + m.server.query + "” "
	}
	return "filtering the loaded rows "
}
