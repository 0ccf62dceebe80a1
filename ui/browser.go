package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// The browser's tabs, in key order.
const (
	tabCustomers = iota
	tabSubscriptions
	tabInvoices
	tabTransactions
	tabCount
)

// browserModel is the company's main screen: four tabs, each a list.
type browserModel struct {
	c      *common
	sc     scope
	keys   browserKeys
	active int
	tabs   [tabCount]browserTab // see newTabs

	width, height int

	headerDrawn struct {
		active, width int
		counts, line  string
	}
}

// newBrowser opens the company on the customers tab and loads its first page.
func newBrowser(c *common, sc scope) (browserModel, tea.Cmd) {
	m := browserModel{c: c, sc: sc, keys: newBrowserKeys(), tabs: newTabs(c, sc)}
	return m.onActive(opActivate, nil)
}

// tabOp is something done to the active tab.
type tabOp int

const (
	opUpdate tabOp = iota
	opActivate
	opReload
	opFilter
	opFilterKeys   // the filter picker
	opOpenFiltered // show the list filtered (msg is an openListMsg)
	opClearFilter
	opOpen
	opSort
	opExportCSV
	opExportJSON
	opExportServer // Hyperline builds the file
	opLeave        // the tab is no longer shown
)

// onActive does op to the active tab.
func (m browserModel) onActive(op tabOp, msg tea.Msg) (browserModel, tea.Cmd) {
	return m, m.tab().do(op, msg)
}

// tab is the active tab.
func (m *browserModel) tab() browserTab { return m.tabs[m.active] }

// filtering reports whether the active tab's filter line has the keyboard.
func (m *browserModel) filtering() bool { return m.tab().capturingText() }

// filterShown reports whether the active tab shows its filter line.
func (m *browserModel) filterShown() bool { return m.tab().filterShown() }

// selectedID is the id under the active tab's cursor.
func (m *browserModel) selectedID() (string, bool) {
	id := m.tab().selectedIDOrEmpty()
	return id, id != ""
}

// tabOf is the tab listing kind, -1 for none.
func (m *browserModel) tabOf(kind objectKind) int {
	for i, t := range m.tabs {
		if t.listKind() == kind {
			return i
		}
	}
	return -1
}

// kind is what the active tab lists.
func (m *browserModel) kind() objectKind { return m.tab().listKind() }

func (m browserModel) update(msg tea.Msg) (browserModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.onActive(opUpdate, msg)
	case openListMsg:
		return m.openList(msg)
	}
	// Results go to every tab; each keeps only what it asked for.
	cmds := make([]tea.Cmd, 0, len(m.tabs))
	for _, t := range m.tabs {
		cmds = append(cmds, t.do(opUpdate, msg))
	}
	return m, tea.Batch(cmds...)
}

func (m browserModel) handleKey(msg tea.KeyMsg) (browserModel, tea.Cmd) {
	if m.filtering() {
		return m.onActive(opUpdate, msg)
	}
	k := spelt(msg.String())
	switch {
	case key.Matches(k, m.keys.Overview):
		return m, m.c.navigate(openOverviewMsg{})
	case m.keys.tabKey(k) >= 0:
		return m.switchTab(m.keys.tabKey(k))
	case key.Matches(k, m.keys.NextTab):
		return m.switchTab((m.active + 1) % tabCount)
	case key.Matches(k, m.keys.PrevTab):
		return m.switchTab((m.active + tabCount - 1) % tabCount)
	case key.Matches(k, m.keys.Filter):
		return m.onActive(opFilter, nil)
	case key.Matches(k, m.keys.FilterKeys):
		return m.onActive(opFilterKeys, nil)
	case key.Matches(k, m.keys.ClearFilter):
		return m.onActive(opClearFilter, nil)
	case key.Matches(k, m.keys.Reload):
		return m.onActive(opReload, nil)
	case key.Matches(k, m.keys.Sort):
		return m.onActive(opSort, nil)
	case key.Matches(k, m.keys.ExportCSV):
		return m.onActive(opExportCSV, nil)
	case key.Matches(k, m.keys.ExportJSON):
		return m.onActive(opExportJSON, nil)
	case key.Matches(k, m.keys.ServerExport):
		return m.onActive(opExportServer, nil)
	case key.Matches(k, m.keys.Download) && m.tab().downloads():
		if cmd := m.tab().download(); cmd != nil {
			return m, cmd
		}
	case key.Matches(k, m.keys.Select):
		return m.onActive(opOpen, nil)
	}
	return m.onActive(opUpdate, msg)
}

func (m browserModel) switchTab(tab int) (browserModel, tea.Cmd) {
	m, _ = m.onActive(opLeave, nil)
	m.active = tab
	return m.onActive(opActivate, nil)
}

func (m *browserModel) render() string {
	return m.header(m.tab().counts(false)) + "\n" + m.tab().view()
}

// drawHeader is the tabs and the active tab's counts (counts is their full
// form: the compact one has the same parts, fewer of them).
func (m *browserModel) drawHeader(counts string) string {
	st := m.c.styles
	// The inactive tabs take short names when the full ones leave the
	// counts no room, and the counts drop what the filter line says when
	// even that is not enough.
	var full, names [tabCount]string
	fullWidth := 0
	for i, t := range m.tabs {
		full[i] = strconv.Itoa(i+1) + " " + t.title()
		fullWidth += ansi.StringWidth(full[i]) + 2
	}
	names = full
	if 5+fullWidth+ansi.StringWidth(counts)+2 > m.width {
		for i, t := range m.tabs {
			names[i] = strconv.Itoa(i+1) + " " + t.short()
		}
		if 5+ansi.StringWidth(full[m.active])+2+(tabCount-1)*8+ansi.StringWidth(counts)+2 > m.width {
			counts = m.tab().counts(true)
		}
	}
	var tabs strings.Builder
	tabs.WriteString(st.Title.Render(" hlx "))
	for i, name := range names {
		if i == m.active {
			// Brackets keep the active tab visible without colour.
			tabs.WriteString(st.TabActive.Render("[" + full[i] + "]"))
		} else {
			tabs.WriteString(st.TabInactive.Render(" " + name + " "))
		}
	}
	return spread(tabs.String(), st.HeaderInfo.Render(counts+" "), m.width)
}

// The screen interface.

func (m *browserModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *browserModel) resize(w, h int) screen {
	m.width, m.height = w, h
	for _, t := range m.tabs {
		t.resizeTab(w, max(h-1, 1))
	}
	return m
}

func (m *browserModel) keyMap() help.KeyMap {
	if m.filtering() {
		return m.tab().filterKeyMap()
	}
	k := m.keys
	k.ClearFilter.SetEnabled(m.filterShown())
	_, ok := m.selectedID()
	k.Select.SetEnabled(ok)
	k.Download.SetEnabled(ok && m.tab().downloads())
	k.Sort.SetEnabled(m.tab().sortable())
	k.FilterKeys.SetEnabled(m.tab().filterable())
	if h := m.tab().openHelp(); h != "" {
		k.Select.SetHelp("enter", h)
	}
	return k
}

func (m *browserModel) capturing() bool { return m.filtering() }

func (m *browserModel) selected() (selection, bool) {
	id, ok := m.selectedID()
	return selection{kind: m.kind(), id: id, url: m.tab().selectedURL(), label: m.tab().selectedLabel()}, ok
}

func (m *browserModel) view() string           { return m.render() }
func (m *browserModel) wantsTick() bool        { return false }
func (m *browserModel) screenKind() screenKind { return screenBrowser }

// exactSize: the header, filter line and table are each exactly as wide as
// the screen, and their heights add up to it once there is room for all
// three (a table is at least one line high).
func (m *browserModel) exactSize() bool { return m.width > 0 && m.height > 2 }
