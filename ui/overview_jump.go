package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// The overview's counts open their lists: the cursor moves over the
// counts ("late 5,165"), enter closes the overview and shows that list in
// the same company with the count's filter in its filter line
// (status:late), answered by the server.

// openListMsg asks the browser to show the list of kind filtered by the
// filter line line.
type openListMsg struct {
	kind objectKind
	line string
}

// countNav is one line of selectable counts: a kind's statuses, or its
// views across statuses, which have a line of their own.
type countNav struct {
	kind  objectKind
	cells []statusCount
}

// countRows are the overview's selectable lines, in display order.
func (m *overviewModel) countRows() []countNav {
	if m.counts == nil {
		return nil
	}
	var out []countNav
	for i, r := range []countRow{m.counts.customers, m.counts.subscriptions, m.counts.invoices} {
		kind := [...]objectKind{kindCustomer, kindSubscription, kindInvoice}[i]
		out = append(out, countNav{kind, r.parts})
		if len(r.views) > 0 {
			out = append(out, countNav{kind, r.views})
		}
	}
	return out
}

// moveSel moves the cursor over the counts for an arrow key.
func (m *overviewModel) moveSel(msg tea.KeyMsg) {
	rows := m.countRows()
	if len(rows) == 0 {
		return
	}
	switch {
	case key.Matches(msg, m.keys.Left):
		m.sel.col--
	case key.Matches(msg, m.keys.Right):
		m.sel.col++
	case key.Matches(msg, m.keys.Up):
		m.sel.row--
	case key.Matches(msg, m.keys.Down):
		m.sel.row++
	default:
		return
	}
	m.sel.row = min(max(m.sel.row, 0), len(rows)-1)
	m.sel.col = min(max(m.sel.col, 0), len(rows[m.sel.row].cells)-1)
}

// openCount closes the overview and opens the list of the count under the
// cursor.
func (m overviewModel) openCount() (overviewModel, tea.Cmd) {
	rows := m.countRows()
	if m.sel.row >= len(rows) || m.sel.col >= len(rows[m.sel.row].cells) {
		return m, nil
	}
	m.cancel()
	return m, m.c.navigate(openListMsg{kind: rows[m.sel.row].kind, line: "status:" + rows[m.sel.row].cells[m.sel.col].status})
}

// openList closes the screens above the browser and shows its list of
// msg.kind filtered by msg.line.
func (a *App) openList(msg openListMsg) tea.Cmd {
	for len(a.stack) > 1 && !a.topIs(screenBrowser) {
		a.pop()
	}
	if !a.topIs(screenBrowser) {
		return nil
	}
	return a.updateTop(msg)
}

// openList shows the tab of kind with its filter line set to line. A tab
// not shown yet loads the filter's answer only; its full list loads when
// the filter is cleared.
func (m browserModel) openList(msg openListMsg) (browserModel, tea.Cmd) {
	tab := m.tabOf(msg.kind)
	if tab < 0 {
		return m, nil
	}
	if tab != m.active {
		m, _ = m.onActive(opLeave, nil)
		m.active = tab
	}
	return m.onActive(opOpenFiltered, msg)
}

// openFiltered sets the filter line of a list to line and sends it.
func (l listModel[T]) openFiltered(line string) (listModel[T], tea.Cmd) {
	l.started, l.autoPages = true, autoPageBudget
	l.filtering = false
	return l.setFilterLine(line)
}
