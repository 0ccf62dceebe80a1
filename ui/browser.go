package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline"
)

// The browser's tabs, in key order.
const (
	tabCustomers = iota
	tabSubscriptions
	tabInvoices
	tabTransactions
	tabCount
)

// tabKinds are what the tabs list, in tab order.
var tabKinds = [tabCount]objectKind{kindCustomer, kindSubscription, kindInvoice, kindTransaction}

// browserModel is the company's main screen: four tabs, each a list.
type browserModel struct {
	c      *common
	sc     scope
	keys   browserKeys
	active int

	customers     listModel[hyperline.Customer]
	subscriptions listModel[hyperline.Subscription]
	invoices      listModel[hyperline.Invoice]
	transactions  listModel[hyperline.ListedTransaction]

	width, height int

	headerDrawn struct {
		active, width int
		counts, line  string
	}
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
		transactions:  newList(c, sc, transactionsSpec()),
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
	opFilterKeys   // the filter picker
	opOpenFiltered // show the list filtered (msg is an openListMsg)
	opClearFilter
	opOpen
	opSort
	opExportCSV
	opExportJSON
	opLeave // the tab is no longer shown
)

// apply does op to one list. Anything but a key or the wheel stops the list
// following its end (a tab switch, a reload, a filter, opening a row).
func apply[T any](l listModel[T], op tabOp, msg tea.Msg) (listModel[T], tea.Cmd) {
	if op != opUpdate {
		l.followEnd = false
	}
	switch op {
	case opActivate:
		return l.activate()
	case opReload:
		return l.reload()
	case opFilter:
		return l.startFilter()
	case opOpenFiltered:
		return l.openFiltered(msg.(openListMsg).line)
	case opFilterKeys:
		if len(l.spec.terms) == 0 {
			return l, emit(noticeMsg("The API filters " + strings.ToLower(l.spec.title) + " by nothing: / filters the loaded rows."))
		}
		return l, l.c.navigate(openFilterPickerMsg{kind: l.spec.kind, title: l.spec.title, specs: l.spec.terms,
			applied: l.appliedTerms()})
	case opClearFilter:
		return l.clearFilter()
	case opSort:
		return l.cycleSort()
	case opExportCSV:
		return l, l.exportList(exportCSV)
	case opExportJSON:
		return l, l.exportList(exportJSON)
	case opOpen:
		item, ok := l.selectedItem()
		if !ok {
			return l, nil
		}
		if l.spec.open != nil {
			return l, l.spec.open(l.sc.ctx, l.c, l.sc.company.ID, item)
		}
		return l, l.c.navigate(openDetailMsg{kind: l.spec.kind, id: l.spec.id(item), item: item})
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
	case tabInvoices:
		m.invoices, cmd = apply(m.invoices, op, msg)
	default:
		m.transactions, cmd = apply(m.transactions, op, msg)
	}
	return m, cmd
}

// shownTab is what the browser asks of a tab, whatever it lists.
type shownTab interface {
	capturingText() bool
	filterShown() bool
	selectedIDOrEmpty() string
	sortable() bool
	counts(compact bool) string
	view() string
}

// tab is the active tab, to ask it questions without copying it.
func (m *browserModel) tab() shownTab {
	switch m.active {
	case tabCustomers:
		return &m.customers
	case tabSubscriptions:
		return &m.subscriptions
	case tabInvoices:
		return &m.invoices
	}
	return &m.transactions
}

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
func tabOf(kind objectKind) int {
	for tab, k := range tabKinds {
		if k == kind {
			return tab
		}
	}
	return -1
}

// kind is what the active tab lists.
func (m *browserModel) kind() objectKind {
	return tabKinds[m.active]
}

func (m browserModel) update(msg tea.Msg) (browserModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.onActive(opUpdate, msg)
	}
	// Results go to every tab; each keeps only what it asked for.
	var c1, c2, c3, c4 tea.Cmd
	m.customers, c1 = m.customers.update(msg)
	m.subscriptions, c2 = m.subscriptions.update(msg)
	m.invoices, c3 = m.invoices.update(msg)
	m.transactions, c4 = m.transactions.update(msg)
	return m, tea.Batch(c1, c2, c3, c4)
}

func (m browserModel) handleKey(msg tea.KeyMsg) (browserModel, tea.Cmd) {
	if m.filtering() {
		return m.onActive(opUpdate, msg)
	}
	k := spelt(msg.String())
	switch {
	case key.Matches(k, m.keys.Overview):
		return m, m.c.navigate(openOverviewMsg{})
	case key.Matches(k, m.keys.Customers):
		return m.switchTab(tabCustomers)
	case key.Matches(k, m.keys.Subscriptions):
		return m.switchTab(tabSubscriptions)
	case key.Matches(k, m.keys.Invoices):
		return m.switchTab(tabInvoices)
	case key.Matches(k, m.keys.Transactions):
		return m.switchTab(tabTransactions)
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
	case key.Matches(k, m.keys.Download) && m.active == tabInvoices:
		if inv, ok := m.invoices.selectedItem(); ok {
			return m, downloadInvoice(m.c, m.sc.company.ID, inv)
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
	full := [tabCount]string{"1 Customers", "2 Subscriptions", "3 Invoices", "4 Transactions"}
	names := full
	if 5+13+17+12+16+ansi.StringWidth(counts)+2 > m.width {
		names = [tabCount]string{"1 Cust", "2 Subs", "3 Inv", "4 Tx"}
		if 5+ansi.StringWidth(full[m.active])+2+3*8+ansi.StringWidth(counts)+2 > m.width {
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
	m.customers = m.customers.setSize(w, max(h-1, 1))
	m.subscriptions = m.subscriptions.setSize(w, max(h-1, 1))
	m.invoices = m.invoices.setSize(w, max(h-1, 1))
	m.transactions = m.transactions.setSize(w, max(h-1, 1))
	return m
}

func (m *browserModel) keyMap() help.KeyMap {
	if m.filtering() {
		return m.customers.fkeys
	}
	k := m.keys
	k.ClearFilter.SetEnabled(m.filterShown())
	_, ok := m.selectedID()
	k.Select.SetEnabled(ok)
	k.Download.SetEnabled(ok && m.active == tabInvoices)
	k.Sort.SetEnabled(m.tab().sortable())
	k.FilterKeys.SetEnabled(m.active != tabTransactions)
	if m.active == tabTransactions {
		k.Select.SetHelp("enter", "open invoice")
	}
	return k
}

func (m *browserModel) capturing() bool { return m.filtering() }

func (m *browserModel) selected() (selection, bool) {
	id, ok := m.selectedID()
	sel := selection{kind: m.kind(), id: id}
	switch m.active {
	case tabCustomers:
		if c, ok := m.customers.selectedItem(); ok {
			sel.label = c.Name
		}
	case tabSubscriptions:
		if s, ok := m.subscriptions.selectedItem(); ok {
			sel.label = subscriptionLabel(s)
		}
	case tabInvoices:
		if inv, ok := m.invoices.selectedItem(); ok {
			sel.url, sel.label = inv.PublicURL, inv.Number
		}
	}
	return sel, ok
}

func (m *browserModel) view() string    { return m.render() }
func (m *browserModel) wantsTick() bool { return false }

// exactSize: the header, filter line and table are each exactly as wide as
// the screen, and their heights add up to it once there is room for all
// three (a table is at least one line high).
func (m *browserModel) exactSize() bool { return m.width > 0 && m.height > 2 }
