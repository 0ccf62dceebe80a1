package ui

import (
	"context"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
	"github.com/hyperline-tui/hlx/hyperline/filter"
	"github.com/hyperline-tui/hlx/ui/table"
)

// pageSize is how many objects one page request asks for (the API's maximum).
const pageSize = hyperline.MaxTake

// listSpec describes one tab of the browser: what it lists, its columns, how
// an object becomes a row and how a page loads. customers.go,
// subscriptions.go and invoices.go each define one.
type listSpec[T any] struct {
	kind    objectKind
	title   string // "Customers"
	columns []table.Column
	id      func(T) string
	// row builds the table row; names maps customer ids to names where the
	// object carries only the id.
	row func(f formatter, now time.Time, item T, names map[string]string) table.Row
	// load fetches one page.
	load func(ctx context.Context, data Data, companyID string, req pageRequest) (*hyperline.Page[T], error)
	// serverSearch says whether the API can search this list for a query
	// (req.query is then sent); nil: it never can. searchSays is how the
	// filter line names the server's answer ("match", "numbers contain").
	serverSearch func(query string) bool
	searchSays   string
	// terms are the key:value filters the tab sends to the API (see
	// filter_terms.go); none: the filter line takes text only.
	terms []filter.Key
	// open is what enter does on an object; nil: open the object's detail.
	open func(ctx context.Context, c *common, companyID string, item T) tea.Cmd
	// sorts are the orders the API can list the tab in, the API's default
	// first; none means the API's one order.
	sorts []sortChoice
	// customerIDs lists the customers an object refers to by id only, whose
	// names the tab looks up (nil: the object carries what it shows).
	customerIDs func(T) []string
	// invoiceIDs lists the invoices an object refers to by id only, whose
	// numbers (and customers' names) the tab looks up.
	invoiceIDs func(T) []string
	// order says how the list is ordered when the API has one order only
	// and it is not by date ("in API order"); shown top right.
	order string
	// exportWriter writes the tab's objects to an export file; now is
	// the clock the columns count from (days overdue).
	exportWriter func(w io.Writer, format exportFormat, now time.Time) export.Writer[T]
	// short is the tab's name when the header is narrow ("Cust").
	short string
	// url is an object's own page, which o opens (nil: the dashboard's).
	url func(T) string
	// label is how people name an object (a name, a number) for the copy
	// notice; nil: its id names it.
	label func(T) string
	// download saves an object's file (nil: the tab has none).
	download func(c *common, companyID string, item T) tea.Cmd
	// openHelp is what enter says in the help when it does not open the
	// object's detail ("open invoice").
	openHelp string
}

// pageRequest is what one page request of a tab asks for.
type pageRequest struct {
	query  string       // the server-side search ("" for none)
	filter filter.Query // the key:value terms, sent as the API's parameters
	// customerID is the customer: term's customer once resolved ("" until
	// then: loadPage resolves a name through the customer search).
	customerID string
	sort       hyperline.Sort
	page       hyperline.ListOptions
}

// sortChoice is one order a tab can be listed in.
type sortChoice struct {
	label string // as the header shows it: "created ↓"
	sort  hyperline.Sort
}

// listing is one sequence of pages: the full list, or the server's answer to
// a search. Each has its own table, so going back from the server's answer
// to the loaded rows swaps tables instead of rebuilding one (at 100,000 rows
// a rebuild of the filter index takes tens of milliseconds).
type listing[T any] struct {
	table  table.Model
	filter filter.Query // what the server was asked for (none: the full list)
	key    string       // filter's identity, to tell a new one from the same
	// customerID is the filter's customer: term, resolved by the first page.
	customerID string
	items      []T
	rows       []table.Row
	index      map[string]int // id → position in items
	total      int
	hasTotal   bool
	next       hyperline.ListOptions // the next page: a skip or a cursor
	more       bool
	loaded     bool   // the first page arrived
	reqID      uint64 // the page request in flight, 0 if none
	// ctx and cancel scope a server filter's requests, so a newer query
	// cancels them; nil for the full list (the company scope's context).
	ctx    context.Context
	cancel context.CancelFunc
	err    string
}

// pageLoadedMsg answers one page request of a list.
type pageLoadedMsg[T any] struct {
	resultTag
	first      bool
	page       *hyperline.Page[T]
	customerID string // the customer: term's customer, resolved
	err        error
}

// filterSettledMsg fires when typing in the filter has paused long enough
// for a server-side request.
type filterSettledMsg struct {
	resultTag
	query string
}

// loadPage fetches one page of a list for the scope's company. Its context
// is the scope's (cancelled by a company switch) or a narrower one (cancelled
// when a newer filter replaces this one). A first page also asks for the
// list's total, which cursor lists only send when asked. The rows keep no
// raw JSON: at 100,000 customers it would double what the tab holds, and the
// detail fetches its object, JSON included.
func loadPage[T any](ctx context.Context, c *common, companyID string, spec listSpec[T], req pageRequest, reqID uint64) tea.Cmd {
	data, timeout, load := c.data, c.timeout, spec.load
	req.page.Take, req.page.OmitRaw = pageSize, true
	first := req.page.IsFirst()
	req.page.WithTotal = first
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		tag := resultTag{reqID: reqID, company: companyID}
		if err := req.resolve(rctx, data, companyID); err != nil {
			return pageLoadedMsg[T]{resultTag: tag, first: first, err: err}
		}
		page, err := load(rctx, data, companyID, req)
		return pageLoadedMsg[T]{resultTag: tag, first: first, page: page, customerID: req.customerID, err: err}
	}
}

// listModel is one tab: a table of objects loaded page by page as the user
// scrolls, with a local filter over what is loaded and, where the API has
// one, a debounced server-side name filter.
type listModel[T any] struct {
	c     *common
	sc    scope
	spec  listSpec[T]
	input lineInput
	fkeys filterKeys

	base       listing[T]
	server     listing[T]
	serverOn   bool // the table shows server rows
	names      map[string]string
	filtering  bool         // the filter line has the keyboard
	query      string       // the filter line as typed, trimmed
	parsed     filter.Query // the filter line read: text and terms
	filterErr  string       // why the filter line cannot be sent ("" when it can)
	debounceID uint64
	started    bool
	autoPages  int // pages that may still load without a user move
	// followEnd is set by the bottom key (G, end): while the cursor stays
	// on the last row, each page that arrives moves it to the new last row
	// and asks for the next, until the list ends or the user moves.
	followEnd bool

	sortIdx int // the order the tab is listed in (spec.sorts)

	// exportArmed is the export format (plus one) whose cost was shown,
	// at exportArmedAt: the same key again starts it (requestExport).
	exportArmed   exportFormat
	exportArmedAt time.Time

	countsDrawn struct {
		in   countsInputs
		text string
	}

	width, height int
}

func newList[T any](c *common, sc scope, spec listSpec[T]) listModel[T] {
	m := listModel[T]{
		c:     c,
		sc:    sc,
		spec:  spec,
		input: newLineInput(&c.styles, "/", ""),
		fkeys: newFilterKeys(),
		names: map[string]string{},
	}
	m.base.table = m.newTable("No " + strings.ToLower(spec.title) + ".")
	return m
}

// newTable builds a table for one listing, sized and focused like the tab.
func (m *listModel[T]) newTable(empty string) table.Model {
	t := table.New(m.spec.columns, table.WithStyles(m.c.styles.Table), table.WithEmptyText(empty))
	t.SetSize(m.width, m.tableHeight())
	t.SetFocused(!m.filtering)
	return t
}

// shownTable is the table on screen: the loaded rows or the server's answer.
func (m *listModel[T]) shownTable() *table.Model { return &m.shown().table }

// activate loads the first page the first time the tab is shown.
func (m listModel[T]) activate() (listModel[T], tea.Cmd) {
	if m.started {
		return m, nil
	}
	m.started = true
	return m.reload()
}

// reload asks for the first page again; the rows stay until it arrives.
// A tab opened on a server filter (a jump from the overview) loads only
// the filter's answer; the full list loads when the filter goes.
func (m listModel[T]) reload() (listModel[T], tea.Cmd) {
	m.started, m.autoPages = true, autoPageBudget
	var cmds []tea.Cmd
	if m.server.key == "" || m.base.loaded {
		cmds = append(cmds, m.loadBase())
	}
	if m.server.key != "" {
		var cmd tea.Cmd
		m, cmd = m.startServerFilter(m.server.filter)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// loadBase asks for the full list's first page.
func (m *listModel[T]) loadBase() tea.Cmd {
	m.base.reqID, m.base.more, m.base.err = m.c.nextID(), false, ""
	return loadPage(m.sc.ctx, m.c, m.sc.company.ID, m.spec, m.request(&m.base, hyperline.ListOptions{}), m.base.reqID)
}

func (m listModel[T]) update(msg tea.Msg) (listModel[T], tea.Cmd) {
	switch msg := msg.(type) {
	case pageLoadedMsg[T]:
		return m.handlePage(msg)
	case namesLoadedMsg:
		return m.handleNames(msg), nil
	case filterSettledMsg:
		if msg.reqID != m.debounceID || msg.query != m.query || m.query == "" || m.filterErr != "" {
			return m, nil
		}
		return m.startServerFilter(m.parsed)
	case filterTermChosenMsg:
		if msg.kind != m.spec.kind {
			return m, nil
		}
		return m.addTerm(msg.term)
	case tea.KeyMsg:
		if m.filtering {
			m, cmd := m.handleFilterKey(msg)
			if m.spec.invoiceIDs != nil {
				cmd = tea.Batch(cmd, m.lookUpShown()) // other rows may show now
			}
			return m, cmd
		}
		return m.updateTable(msg)
	case tea.MouseMsg:
		return m.updateTable(msg)
	}
	return m, nil
}

func (m listModel[T]) handlePage(msg pageLoadedMsg[T]) (listModel[T], tea.Cmd) {
	var l *listing[T]
	switch {
	case msg.reqID == m.base.reqID:
		l = &m.base
	case msg.reqID == m.server.reqID:
		l = &m.server
	default:
		return m, nil // superseded by a reload, a newer filter or a newer page
	}
	l.reqID = 0
	if msg.err != nil {
		l.err = plainError(msg.err)
		return m, emit(errMsg{what: m.loadWhat(), err: msg.err})
	}
	resolved := emit(resolvedMsg{what: m.loadWhat()})
	if m.spec.invoiceIDs == nil {
		resolved = tea.Batch(resolved, m.lookUpNames(msg.page.Items))
	}
	rows := make([]table.Row, len(msg.page.Items))
	for i, item := range msg.page.Items {
		rows[i] = m.spec.row(m.c.fmt, m.c.now, item, m.names)
	}
	first := msg.first
	if first {
		l.items, l.rows, l.index = nil, nil, make(map[string]int, len(rows))
	}
	for _, item := range msg.page.Items {
		l.index[m.spec.id(item)] = len(l.items)
		l.items = append(l.items, item)
	}
	l.rows = append(l.rows, rows...)
	if msg.page.HasTotal() {
		l.total, l.hasTotal = msg.page.Meta.Total, true
	}
	l.more, l.next, l.loaded, l.err = msg.page.HasMore(), msg.page.NextOptions(), true, ""

	follow := m.followEnd && !first && l == m.shown() && l.table.Cursor() >= l.table.VisibleLen()-1
	if first {
		l.table.SetRows(l.rows)
	} else {
		l.table.AppendRows(rows)
	}
	if msg.customerID != "" {
		l.customerID = msg.customerID
	}
	if l == &m.server && !m.serverOn {
		m.serverOn = true
		l.table.SetFilter(m.parsed.Text) // the local filter applies on top, as on the loaded rows
	}
	if follow {
		l.table.GotoBottom()
	}
	if m.spec.invoiceIDs != nil {
		resolved = tea.Batch(resolved, m.lookUpShown())
	}
	if follow {
		return m, tea.Batch(resolved, m.loadMoreIfNear(false)) // still the user's G: no budget spent
	}
	return m, tea.Batch(resolved, m.loadMoreIfNear(true))
}

// loadWhat names loading this list in the banner ("load customers").
func (m listModel[T]) loadWhat() string { return "load " + strings.ToLower(m.spec.title) }

// updateTable moves the shown table's cursor (a key or the wheel) and loads
// the next page when it nears the end. The bottom key starts following the
// end of the list; any other move stops it.
func (m listModel[T]) updateTable(msg tea.Msg) (listModel[T], tea.Cmd) {
	t := m.shownTable()
	kmsg, isKey := msg.(tea.KeyMsg)
	m.followEnd = isKey && key.Matches(kmsg, t.KeyMap().Bottom)
	var cmd tea.Cmd
	*t, cmd = t.Update(msg)
	if m.spec.invoiceIDs != nil {
		cmd = tea.Batch(cmd, m.lookUpShown())
	}
	return m, tea.Batch(cmd, m.loadMoreIfNear(false))
}

// shown is the listing on screen: the loaded rows or the server's answer.
func (m *listModel[T]) shown() *listing[T] {
	if m.serverOn {
		return &m.server
	}
	return &m.base
}

// autoPageBudget is how many pages load one after the other without the
// user moving: enough to fill the screen when a local filter keeps few rows,
// not so many that a filter matching nothing walks a 50,000-invoice list.
const autoPageBudget = 10

// loadMoreIfNear asks for the next page when the cursor nears the last
// loaded row (or the rows do not fill the screen). auto marks the calls the
// user did not cause directly (a page arrived, the filter changed); they
// spend the budget that each user move refills.
func (m *listModel[T]) loadMoreIfNear(auto bool) tea.Cmd {
	l := m.shown()
	if !l.loaded || !l.more || l.reqID != 0 {
		return nil
	}
	if m.wantsServer() && !m.serverOn {
		return nil // the server's answer is coming; no point paging the full list
	}
	if t := m.shownTable(); !t.NearEnd(max(t.Height()*2, 20)) {
		return nil
	}
	if !auto {
		m.autoPages = autoPageBudget
	} else if m.autoPages--; m.autoPages < 0 {
		return nil
	}
	l.reqID = m.c.nextID()
	ctx := m.sc.ctx
	if l.ctx != nil {
		ctx = l.ctx
	}
	return loadPage(ctx, m.c, m.sc.company.ID, m.spec, m.request(l, l.next), l.reqID)
}

// searchesServer reports whether the server searches for the text query.
func (m *listModel[T]) searchesServer(query string) bool {
	return query != "" && m.spec.serverSearch != nil && m.spec.serverSearch(query)
}

// serverText is the part of a filter the server searches ("" for none).
func (m *listModel[T]) serverText(f filter.Query) string {
	if m.searchesServer(f.Text) {
		return f.Text
	}
	return ""
}

// wantsServer reports whether the filter line, as typed now, is answered
// by the server: it has terms, or text the API searches.
func (m *listModel[T]) wantsServer() bool {
	return m.filterErr == "" && m.query != "" && (len(m.parsed.Terms) > 0 || m.searchesServer(m.parsed.Text))
}

// request is a page request of listing l in the tab's current order.
func (m *listModel[T]) request(l *listing[T], page hyperline.ListOptions) pageRequest {
	req := pageRequest{query: m.serverText(l.filter), filter: l.filter, customerID: l.customerID, page: page}
	if len(m.spec.sorts) > 0 {
		req.sort = m.spec.sorts[m.sortIdx].sort
	}
	return req
}

// cycleSort lists the tab in its next order, reloading from the first page.
func (m listModel[T]) cycleSort() (listModel[T], tea.Cmd) {
	if len(m.spec.sorts) < 2 {
		return m, nil
	}
	m.sortIdx = (m.sortIdx + 1) % len(m.spec.sorts)
	return m.reload()
}

// sortLabel is the tab's order as the header shows it ("" for a list with
// only the API's order).
func (m *listModel[T]) sortLabel() string {
	if len(m.spec.sorts) == 0 {
		return m.spec.order
	}
	return m.spec.sorts[m.sortIdx].label
}

// selectedItem is the object under the cursor.
func (m listModel[T]) selectedItem() (T, bool) {
	var zero T
	l := m.shown()
	row, ok := l.table.SelectedRow()
	if !ok {
		return zero, false
	}
	i, ok := l.index[row.ID]
	if !ok {
		return zero, false
	}
	return l.items[i], true
}

// capturingText reports whether the filter line has the keyboard.
func (m *listModel[T]) capturingText() bool { return m.filtering }

// sortable reports whether the tab can be listed in more than one order.
func (m *listModel[T]) sortable() bool { return len(m.spec.sorts) > 1 }

// selectedIDOrEmpty is the id under the cursor, "" when no row is shown.
func (m *listModel[T]) selectedIDOrEmpty() string {
	row, _ := m.shownTable().SelectedRow()
	return row.ID
}
