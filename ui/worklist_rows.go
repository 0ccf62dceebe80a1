package ui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/filter"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
	"github.com/hyperline-tui/hlx/ui/table"
)

// worklistRowsTake is how many objects a worklist's rows fetch per
// company and page: opening a worklist costs one request per company,
// and each further page one more (see worklist_rows_more.go).
const worklistRowsTake = 50

// worklistRowsModel is a worklist opened: the first page of it in every
// company, merged into one table, each row labelled with its company and
// sortable by amount, due date or company; further pages come as the
// cursor nears the end. enter switches to the row's company (and account)
// and opens the object, as go-to does.
type worklistRowsModel struct {
	c     *common
	keys  worklistKeys
	table table.Model

	list      worklist.Worklist
	query     filter.Query
	companies []wlCompany
	states    []rowsState // per company
	rows      []worklist.Row
	byID      map[string]int          // table row id → index in rows
	cells     map[string][]table.Cell // table row id → its cells, made once
	accountOf map[string]string       // company id → its account, "" for the open one
	sort      worklist.SortKey
	// moved says the user moved the cursor: until then it stays on the
	// first row as rows arrive, after that it follows its row.
	moved bool
	// switching is the account a row's enter is opening, "" when none.
	switching string

	gen    uint64
	ctx    context.Context
	cancel context.CancelFunc

	width, height int
}

// rowsState is one company's part of the rows: loading until its first
// page comes, then how many it holds of how many, and how to ask for
// the next page.
type rowsState struct {
	done     bool // the first page came
	total    int
	hasTotal bool
	shown    int
	err      error // the first page failed
	more     bool
	next     hyperline.ListOptions
	loading  bool  // a next page is on its way
	moreErr  error // the last next page failed; the rows held stay
}

// worklistRowsMsg answers one company's page of round gen.
type worklistRowsMsg struct {
	gen     uint64
	company int
	first   bool
	page    worklist.RowsPage
	err     error
}

func newWorklistRows(c *common, list worklist.Worklist, q filter.Query, companies []wlCompany) (worklistRowsModel, tea.Cmd) {
	m := worklistRowsModel{c: c, keys: newWorklistRowsKeys(), list: list, query: q, companies: companies}
	m.table = table.New(worklistColumns(list.List), table.WithStyles(c.styles.Table), table.WithEmptyText("Nothing here yet."))
	m.table.SetFocused(true)
	if list.List == filter.Customers {
		// A customer has no amount or due date: its rows go by company.
		m.sort = worklist.ByCompany
		m.keys.Sort.SetEnabled(false)
	}
	return m.reload()
}

// reload asks every company for its first page, all at once.
func (m worklistRowsModel) reload() (worklistRowsModel, tea.Cmd) {
	m.close()
	m.gen = m.c.nextID()
	m.ctx, m.cancel = context.WithCancel(m.c.ctx)
	m.states = make([]rowsState, len(m.companies))
	m.rows, m.byID, m.moved, m.accountOf = nil, map[string]int{}, false, map[string]string{}
	m.cells = map[string][]table.Cell{}
	m.table.SetRows(nil)
	cmds := make([]tea.Cmd, len(m.companies))
	first := hyperline.ListOptions{Take: worklistRowsTake, WithTotal: true, OmitRaw: true}
	for ci := range m.companies {
		// Past a window's worth of companies the limiter spaces the
		// pages: each waits its turn (see countWorklist).
		cmds[ci] = m.fetchRows(ci, first, time.Duration(ci/worklist.CountsPerWindow)*worklist.RateWindow)
	}
	return m, tea.Batch(cmds...)
}

// fetchRows asks company ci for the page of the rows that page names;
// wait is how long the rate limiter may hold it back.
func (m worklistRowsModel) fetchRows(ci int, page hyperline.ListOptions, wait time.Duration) tea.Cmd {
	gen, list, q, co, parent := m.gen, m.list, m.query, m.companies[ci], m.ctx
	deadline, first := 2*m.c.timeout+wait, page.IsFirst()
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(parent, deadline)
		defer cancel()
		p, err := worklist.Rows(ctx, co.src, co.Company, list, q, page)
		return worklistRowsMsg{gen: gen, company: ci, first: first, page: p, err: err}
	}
}

func (m worklistRowsModel) update(msg tea.Msg) (worklistRowsModel, tea.Cmd) {
	switch msg := msg.(type) {
	case worklistRowsMsg:
		if msg.gen != m.gen || msg.company >= len(m.states) {
			return m, nil
		}
		m.addPage(msg)
	case worklistSwitchedMsg:
		m.switching = "" // a switch that failed: enter works again
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Close):
			return m, m.c.navigate(popScreenMsg{})
		case key.Matches(msg, m.keys.Reload):
			return m.reload()
		case key.Matches(msg, m.keys.Sort) && m.keys.Sort.Enabled():
			m.sort = m.sort.Next()
			m.show()
		case key.Matches(msg, m.keys.Open):
			return m.open()
		default:
			return m.move(msg)
		}
	case tea.MouseMsg:
		return m.move(msg)
	}
	return m, nil
}

// move moves the cursor (a key or the wheel) and asks for more rows when
// it nears the end of those held.
func (m worklistRowsModel) move(msg tea.Msg) (worklistRowsModel, tea.Cmd) {
	var cmd tea.Cmd
	m.table, cmd = m.table.Update(msg)
	m.moved = true
	return m, tea.Batch(cmd, m.loadMore())
}

// show sorts the rows and hands them to the table; the selection follows
// its row.
func (m *worklistRowsModel) show() {
	worklist.Sort(m.rows, m.sort)
	out := make([]table.Row, len(m.rows))
	m.byID = make(map[string]int, len(m.rows))
	for i, r := range m.rows {
		id := rowID(r)
		m.byID[id] = i
		cells, ok := m.cells[id]
		if !ok {
			cells = m.rowCells(r)
			m.cells[id] = cells
		}
		out[i] = table.Row{ID: id, Cells: cells}
	}
	m.table.SetRows(out)
	if !m.moved {
		m.table.SetCursor(0)
	}
}

// worklistColumns are the columns of a worklist's rows: the company,
// what names the object, its customer, status, amount and due date; a
// customer has no amount or due date, but a billing email.
func worklistColumns(l filter.List) []table.Column {
	company := table.Column{Title: "Company", Width: 12, Flex: 1, Priority: 80}
	switch l {
	case filter.Customers:
		return []table.Column{company, {Title: "Name", Width: 14, Flex: 2, Priority: 100},
			{Title: "Billing email", Width: 14, Flex: 2, Priority: 40}, {Title: "Payment method", Width: 22, Priority: 90}}
	case filter.Subscriptions:
		return []table.Column{company, {Title: "Name", Width: 14, Flex: 2, Priority: 100},
			{Title: "Customer", Width: 19, Priority: 40}, {Title: "Status", Width: 12, Priority: 60},
			{Title: "Next payment", Width: 13, Align: table.AlignRight, Priority: 90}, {Title: "On", Width: 11, Priority: 70}}
	}
	return []table.Column{company, {Title: "Number", Width: 10, Flex: 1, Priority: 100},
		{Title: "Customer", Width: 12, Flex: 2, Priority: 40}, {Title: "Status", Width: 14, Priority: 60},
		{Title: "Amount due", Width: 13, Align: table.AlignRight, Priority: 90}, {Title: "Due", Width: 11, Priority: 70}}
}

// rowID names a row in the table: its company and its id.
func rowID(r worklist.Row) string { return r.Company.ID + "/" + r.ID }

// rowCells are a row's cells, in the columns of its list.
func (m *worklistRowsModel) rowCells(r worklist.Row) []table.Cell {
	f, now := m.c.fmt, m.c.now
	var status table.Cell
	switch m.list.List {
	case filter.Invoices:
		status = invoiceStatusCell(hyperline.InvoiceStatus(r.Status))
	case filter.Subscriptions:
		status = subscriptionStatusCell(hyperline.SubscriptionStatus(r.Status))
	default:
		return []table.Cell{{Text: r.Company.Name, Tone: table.ToneInfo}, {Text: r.Title}, {Text: r.Customer},
			{Text: statusWord(r.Status), Tone: table.ToneBad}}
	}
	amount, due := "", ""
	if r.Currency != "" && m.list.List != filter.Customers {
		amount = f.money(r.Amount, r.Currency)
	}
	if r.Due != nil {
		due = f.relDate(r.Due, now)
	}
	return []table.Cell{{Text: r.Company.Name, Tone: table.ToneInfo}, {Text: r.Title}, {Text: r.Customer},
		status, {Text: amount}, {Text: due, Tone: table.ToneMuted}}
}

// selectedRow is the row under the cursor.
func (m worklistRowsModel) selectedRow() (worklist.Row, bool) {
	tr, ok := m.table.SelectedRow()
	if !ok {
		return worklist.Row{}, false
	}
	i, ok := m.byID[tr.ID]
	if !ok {
		return worklist.Row{}, false
	}
	return m.rows[i], true
}

// worklistKind is the kind of object a worklist's list holds.
func worklistKind(l filter.List) objectKind {
	switch l {
	case filter.Customers:
		return kindCustomer
	case filter.Subscriptions:
		return kindSubscription
	}
	return kindInvoice
}

func (m worklistRowsModel) close() {
	if m.cancel != nil {
		m.cancel()
	}
}

// The screen interface.

func (m *worklistRowsModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *worklistRowsModel) resize(w, h int) screen {
	m.width, m.height = w, h
	m.table.SetSize(w, max(h-1-rowsHeadLines, 1))
	return m
}

func (m *worklistRowsModel) keyMap() help.KeyMap { return m.keys }
func (m *worklistRowsModel) capturing() bool     { return false }
func (m *worklistRowsModel) selected() (selection, bool) {
	r, ok := m.selectedRow()
	if !ok {
		return selection{}, false
	}
	return selection{kind: worklistKind(m.list.List), id: r.ID}, true
}
func (m *worklistRowsModel) wantsTick() bool        { return false }
func (m *worklistRowsModel) screenKind() screenKind { return screenWorklistRows }

// openWorklistRows opens a worklist's merged rows over the worklists.
func (a *App) openWorklistRows(msg openWorklistMsg) tea.Cmd {
	if !a.topIs(screenWorklists) {
		return nil
	}
	m, cmd := newWorklistRows(a.c, msg.list, msg.query, msg.companies)
	a.push(&m)
	return cmd
}
