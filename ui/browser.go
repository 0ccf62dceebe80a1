package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
)

// The browser's tabs, in key order.
const (
	tabCustomers = iota
	tabSubscriptions
	tabInvoices
	tabCount
)

// browserModel is the company's main screen: three tabs, each a list.
type browserModel struct {
	c      *common
	sc     scope
	keys   browserKeys
	active int

	customers     listModel[hyperline.Customer]
	subscriptions listModel[hyperline.Subscription]
	invoices      listModel[hyperline.Invoice]

	width, height int
}

// newBrowser opens the company on the customers tab and loads its first page.
func newBrowser(c *common, sc scope) (browserModel, tea.Cmd) {
	m := browserModel{
		c:             c,
		sc:            sc,
		keys:          newBrowserKeys(),
		customers:     newList(c, sc, customersSpec()),
		subscriptions: newList(c, sc, subscriptionsSpec()),
		invoices:      newList(c, sc, invoicesSpec()),
	}
	return m.onActive(opActivate, nil)
}

// tabOp is something done to the active tab.
type tabOp int

const (
	opUpdate tabOp = iota
	opActivate
	opReload
	opFilter
	opClearFilter
	opOpen
)

// apply does op to one list.
func apply[T any](l listModel[T], op tabOp, msg tea.Msg) (listModel[T], tea.Cmd) {
	switch op {
	case opActivate:
		return l.activate()
	case opReload:
		return l.reload()
	case opFilter:
		return l.startFilter()
	case opClearFilter:
		return l.clearFilter()
	case opOpen:
		item, ok := l.selectedItem()
		if !ok {
			return l, nil
		}
		return l, emit(openDetailMsg{kind: l.spec.kind, id: l.spec.id(item), item: item})
	}
	return l.update(msg)
}

// onActive does op to the active tab.
func (m browserModel) onActive(op tabOp, msg tea.Msg) (browserModel, tea.Cmd) {
	var cmd tea.Cmd
	switch m.active {
	case tabCustomers:
		m.customers, cmd = apply(m.customers, op, msg)
	case tabSubscriptions:
		m.subscriptions, cmd = apply(m.subscriptions, op, msg)
	default:
		m.invoices, cmd = apply(m.invoices, op, msg)
	}
	return m, cmd
}

// tabPane is what the browser reads from a tab without changing it.
type tabPane interface {
	view() string
	counts() string
	selectedID() (string, bool)
	filterShown() bool
}

func (m browserModel) pane() (tabPane, objectKind, bool) {
	switch m.active {
	case tabCustomers:
		return m.customers, kindCustomer, m.customers.filtering
	case tabSubscriptions:
		return m.subscriptions, kindSubscription, m.subscriptions.filtering
	default:
		return m.invoices, kindInvoice, m.invoices.filtering
	}
}

func (m browserModel) update(msg tea.Msg) (browserModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.onActive(opUpdate, msg)
	}
	// Results go to every tab; each keeps only what it asked for.
	var c1, c2, c3 tea.Cmd
	m.customers, c1 = m.customers.update(msg)
	m.subscriptions, c2 = m.subscriptions.update(msg)
	m.invoices, c3 = m.invoices.update(msg)
	return m, tea.Batch(c1, c2, c3)
}

func (m browserModel) handleKey(msg tea.KeyMsg) (browserModel, tea.Cmd) {
	if _, _, filtering := m.pane(); filtering {
		return m.onActive(opUpdate, msg)
	}
	switch {
	case key.Matches(msg, m.keys.Customers):
		return m.switchTab(tabCustomers)
	case key.Matches(msg, m.keys.Subscriptions):
		return m.switchTab(tabSubscriptions)
	case key.Matches(msg, m.keys.Invoices):
		return m.switchTab(tabInvoices)
	case key.Matches(msg, m.keys.NextTab):
		return m.switchTab((m.active + 1) % tabCount)
	case key.Matches(msg, m.keys.PrevTab):
		return m.switchTab((m.active + tabCount - 1) % tabCount)
	case key.Matches(msg, m.keys.Filter):
		return m.onActive(opFilter, nil)
	case key.Matches(msg, m.keys.ClearFilter):
		return m.onActive(opClearFilter, nil)
	case key.Matches(msg, m.keys.Reload):
		return m.onActive(opReload, nil)
	case key.Matches(msg, m.keys.Select):
		return m.onActive(opOpen, nil)
	}
	return m.onActive(opUpdate, msg)
}

func (m browserModel) switchTab(tab int) (browserModel, tea.Cmd) {
	m.active = tab
	return m.onActive(opActivate, nil)
}

func (m browserModel) view() string {
	st := m.c.styles
	names := [tabCount]string{"1 Customers", "2 Subscriptions", "3 Invoices"}
	var tabs strings.Builder
	tabs.WriteString(st.Title.Render(" hlx "))
	for i, name := range names {
		if i == m.active {
			// Brackets keep the active tab visible without colour.
			tabs.WriteString(st.TabActive.Render("[" + name + "]"))
		} else {
			tabs.WriteString(st.TabInactive.Render(" " + name + " "))
		}
	}
	pane, _, _ := m.pane()
	header := spread(tabs.String(), st.HeaderInfo.Render(pane.counts()+" "), m.width)
	return header + "\n" + pane.view()
}

// The screen interface.

func (m browserModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) { return m.update(msg) }

func (m browserModel) resize(w, h int) screen {
	m.width, m.height = w, h
	m.customers = m.customers.setSize(w, max(h-1, 1))
	m.subscriptions = m.subscriptions.setSize(w, max(h-1, 1))
	m.invoices = m.invoices.setSize(w, max(h-1, 1))
	return m
}

func (m browserModel) keyMap() help.KeyMap {
	pane, _, filtering := m.pane()
	if filtering {
		return m.customers.fkeys
	}
	k := m.keys
	k.ClearFilter.SetEnabled(pane.filterShown())
	_, ok := pane.selectedID()
	k.Select.SetEnabled(ok)
	return k
}

func (m browserModel) capturing() bool {
	_, _, filtering := m.pane()
	return filtering
}

func (m browserModel) selected() (selection, bool) {
	pane, kind, _ := m.pane()
	id, ok := pane.selectedID()
	return selection{kind: kind, id: id}, ok
}

func (m browserModel) wantsTick() bool { return false }
