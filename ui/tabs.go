package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
)

// browserTab is one tab of the browser, whatever it lists (soft-serve's
// TabComponent): the browser routes to the active one through it and never
// asks which list it is. *listModel[T] is the only implementation; a tab
// changes in place, so the browser holds pointers.
type browserTab interface {
	// do applies op to the tab (opUpdate: gives it msg).
	do(op tabOp, msg tea.Msg) tea.Cmd
	resizeTab(width, height int)
	capturingText() bool
	filterShown() bool
	selectedIDOrEmpty() string
	sortable() bool
	counts(compact bool) string
	view() string
	// listKind is what the tab lists; title and short name its header.
	listKind() objectKind
	title() string
	short() string
	// filterable says whether the API filters the tab by key:value terms.
	filterable() bool
	// selectedURL is the page of the object under the cursor, "" if none.
	selectedURL() string
	// selectedLabel is how people name the object under the cursor
	// ("INV-1001"), "" if only its id does.
	selectedLabel() string
	// awaitingFirstPage is true while the rows shown are not there yet.
	awaitingFirstPage() bool
	// downloads says whether the tab's objects have a file to save;
	// download saves the one under the cursor (nil: none is).
	downloads() bool
	download() tea.Cmd
	// openHelp is what enter says in the help ("" for "open").
	openHelp() string
	filterKeyMap() help.KeyMap
}

// newTabs builds the browser's tabs, in key order: a kind the browser
// lists is one line here and one listSpec.
func newTabs(c *common, sc scope) [tabCount]browserTab {
	return [tabCount]browserTab{
		newTab(c, sc, customersSpec()),
		newTab(c, sc, subscriptionsSpec()),
		newTab(c, sc, invoicesSpec()),
		newTab(c, sc, transactionsSpec()),
	}
}

func newTab[T any](c *common, sc scope, spec listSpec[T]) *listModel[T] {
	l := newList(c, sc, spec)
	return &l
}

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
			applied: l.parsed.Terms})
	case opClearFilter:
		return l.clearFilter()
	case opSort:
		return l.cycleSort()
	case opExportCSV:
		return l.requestExport(exportCSV)
	case opExportJSON:
		return l.requestExport(exportJSON)
	case opExportServer:
		return l.requestServerExport()
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

// The browserTab interface.

func (m *listModel[T]) do(op tabOp, msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*m, cmd = apply(*m, op, msg)
	return cmd
}

func (m *listModel[T]) resizeTab(width, height int) { *m = m.setSize(width, height) }
func (m *listModel[T]) listKind() objectKind        { return m.spec.kind }
func (m *listModel[T]) title() string               { return m.spec.title }
func (m *listModel[T]) short() string               { return m.spec.short }
func (m *listModel[T]) filterable() bool            { return len(m.spec.terms) > 0 }
func (m *listModel[T]) openHelp() string            { return m.spec.openHelp }
func (m *listModel[T]) filterKeyMap() help.KeyMap   { return m.fkeys }

func (m *listModel[T]) selectedURL() string {
	if item, ok := m.selectedItem(); ok && m.spec.url != nil {
		return m.spec.url(item)
	}
	return ""
}

func (m *listModel[T]) selectedLabel() string {
	if item, ok := m.selectedItem(); ok && m.spec.label != nil {
		return m.spec.label(item)
	}
	return ""
}

func (m *listModel[T]) downloads() bool { return m.spec.download != nil }

func (m *listModel[T]) download() tea.Cmd {
	if m.spec.download == nil {
		return nil
	}
	if item, ok := m.selectedItem(); ok {
		return m.spec.download(m.c, m.sc.company.ID, item)
	}
	return nil
}

// invoicePage is an invoice's public page, which o opens.
func invoicePage(inv hyperline.Invoice) string { return inv.PublicURL }

// tabKey is the tab a key selects, -1 for none.
func (k browserKeys) tabKey(msg spelt) int {
	for i, b := range [tabCount]key.Binding{k.Customers, k.Subscriptions, k.Invoices, k.Transactions} {
		if key.Matches(msg, b) {
			return i
		}
	}
	return -1
}
