package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/lookup"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/deps"
	"github.com/hyperline-tui/hlx/ui/table"
)

// gotoModel is the go-to prompt (: or ctrl+k): it takes what a ticket
// names — an id (cus_, sub_, inv_), a dashboard URL, a billing email, an
// invoice number or an external id — finds it in whichever company holds
// it and opens its detail. Below the prompt are the recent jumps, or the
// candidates when what was typed matches several objects.
type gotoModel struct {
	c        *common
	sc       scope
	keys     gotoKeys
	input    lineInput
	table    table.Model
	recents  []deps.Jump
	choices  []lookup.Match // candidates of an ambiguous lookup, shown instead of recents
	reqID    uint64
	cancel   context.CancelFunc
	status   string
	failed   bool
	lastFind string

	width, height int
}

// gotoKeys drive the go-to prompt.
type gotoKeys struct {
	Go, Up, Down, Close key.Binding
}

func newGotoKeys() gotoKeys {
	return gotoKeys{
		Go:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
		Up:    key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:  key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		Close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

func (k gotoKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Go, k.Up, k.Down, k.Close} }
func (k gotoKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Messages of the go-to prompt.
type (
	recentsLoadedMsg struct {
		jumps []deps.Jump
		err   error
	}
	foundMsg struct {
		resultTag
		result *lookup.Result
		err    error
	}
	// jumpMsg asks the app to open an object, switching company first
	// when it lives in another one.
	jumpMsg struct {
		company hyperline.Company
		kind    objectKind
		id      string
		item    any
	}
)

func newGoto(c *common, sc scope) (gotoModel, tea.Cmd) {
	m := gotoModel{c: c, sc: sc, keys: newGotoKeys(),
		input: newLineInput(&c.styles, ": ", "id, URL, billing email, invoice number or external id")}
	m.input.focus()
	m.table = table.New(recentColumns(), table.WithStyles(c.styles.Table), table.WithEmptyText("No recent jumps yet."))
	m.table.SetFocused(true)
	return m, loadRecents(c.recent, c.account.Email)
}

// loadRecents reads the account's recent jumps.
func loadRecents(store RecentJumps, account string) tea.Cmd {
	if store == nil || account == "" {
		return nil
	}
	return func() tea.Msg {
		jumps, err := store.List(account)
		return recentsLoadedMsg{jumps: jumps, err: err}
	}
}

// find looks query up in every company the account reaches.
func find(ctx context.Context, c *common, current string, companies []hyperline.Company, query string, reqID uint64) tea.Cmd {
	data, timeout := c.data, c.timeout
	return request(ctx, timeout, func(ctx context.Context) (*lookup.Result, error) {
		return data.Find(ctx, current, companies, query)
	}, func(r *lookup.Result, err error) tea.Msg {
		return foundMsg{resultTag: resultTag{reqID: reqID, company: current}, result: r, err: err}
	})
}

func (m gotoModel) update(msg tea.Msg) (gotoModel, tea.Cmd) {
	switch msg := msg.(type) {
	case recentsLoadedMsg:
		m.recents = msg.jumps
		if m.choices == nil {
			m.showRecents()
		}
		var corrupt *deps.CorruptJumpsError
		if errors.As(msg.err, &corrupt) {
			return m, emit(noticeMsg("The recent jumps file was unreadable and was moved aside to " + corrupt.MovedTo))
		}
		return m, nil
	case foundMsg:
		if msg.reqID != m.reqID {
			return m, nil
		}
		m.reqID, m.cancel = 0, nil
		return m.handleFound(msg)
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m gotoModel) handleKey(msg tea.KeyMsg) (gotoModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Close):
		if m.cancel != nil { // the first esc stops a lookup under way
			m.cancel()
			m.reqID, m.cancel, m.status, m.failed = 0, nil, "Stopped.", false
			return m, nil
		}
		return m, m.c.navigate(popScreenMsg{})
	case key.Matches(msg, m.keys.Up), key.Matches(msg, m.keys.Down):
		var cmd tea.Cmd
		m.table, cmd = m.table.Update(msg)
		return m, cmd
	case key.Matches(msg, m.keys.Go):
		return m.goSelected()
	}
	var changed bool
	if m.input, changed = m.input.update(msg); changed && m.choices != nil {
		m.choices = nil // a new query: back to the recent jumps
		m.showRecents()
	}
	return m, nil
}

// goSelected looks up what is typed, or opens the candidate or recent jump
// under the cursor when nothing is typed.
func (m gotoModel) goSelected() (gotoModel, tea.Cmd) {
	q := strings.TrimSpace(m.input.Value())
	row, hasRow := m.table.SelectedRow()
	switch {
	case (q == "" || q == m.lastFind) && hasRow && m.choices != nil:
		for _, ch := range m.choices {
			if ch.ID() == row.ID {
				return m, m.open(ch, m.lastFind)
			}
		}
		return m, nil
	case q == "" && hasRow:
		q = row.ID // a recent jump: look it up again, it may have changed company
	case q == "":
		return m, nil
	}
	if m.cancel != nil {
		m.cancel()
	}
	ctx, cancel := context.WithCancel(m.sc.ctx)
	m.reqID, m.cancel, m.lastFind = m.c.nextID(), cancel, q
	m.status, m.failed = "Looking for “"+termsafe.Line(q)+"” in your companies…", false
	return m, find(ctx, m.c, m.sc.company.ID, m.c.account.Companies, q, m.reqID)
}

// handleFound opens the one match, lists the candidates, or says why
// nothing opened.
func (m gotoModel) handleFound(msg foundMsg) (gotoModel, tea.Cmd) {
	switch {
	case msg.err != nil:
		m.status, m.failed = plainError(msg.err), true
		if errors.Is(msg.err, lookup.ErrNotFound) || errors.Is(msg.err, lookup.ErrInvalidQuery) {
			m.status = termsafe.Line(msg.err.Error())
		}
		return m, nil
	case msg.result.Ambiguous():
		m.choices = msg.result.Candidates
		m.status, m.failed = formatCount(len(m.choices))+" objects match: choose one and press enter.", false
		if msg.result.MoreCandidates {
			m.status = "More than " + formatCount(len(m.choices)) + " objects match: the first are listed; narrow the search."
		}
		m.showChoices() // the query stays, to read and to edit
		return m, nil
	}
	return m, m.open(msg.result.Match, msg.result.Query)
}

// open remembers the jump and asks the app to show the object.
func (m gotoModel) open(match lookup.Match, query string) tea.Cmd {
	kind, _ := kindOfLookup(match.Kind)
	var item any
	switch {
	case match.Customer != nil:
		item = match.Customer
	case match.Subscription != nil:
		item = match.Subscription
	case match.Invoice != nil:
		item = match.Invoice
	}
	save := rememberJump(m.c.recent, m.c.account.Email, deps.Jump{Query: query, Kind: string(match.Kind),
		ObjectID: match.ID(), Label: match.Label(), CompanyID: match.Company.ID, CompanyName: match.Company.Name,
		At: m.c.clock()})
	return tea.Batch(m.c.navigate(popScreenMsg{}), m.c.navigate(jumpMsg{company: match.Company, kind: kind, id: match.ID(), item: item}), save)
}

// rememberJump adds a jump to the account's recent ones; a failure to
// save is reported but changes nothing else.
func rememberJump(store RecentJumps, account string, j deps.Jump) tea.Cmd {
	if store == nil || account == "" {
		return nil
	}
	return func() tea.Msg {
		if err := store.Add(account, j); err != nil {
			return errMsg{what: "remember the jump", err: err}
		}
		return nil
	}
}

// recentColumns are the recent jumps' columns.
func recentColumns() []table.Column {
	return []table.Column{
		{Title: "Kind", Width: 12, Priority: 90},
		{Title: "Name / number", Width: 16, Flex: 2, Priority: 100},
		{Title: "Company", Width: 12, Flex: 1, Priority: 70},
		{Title: "ID", Width: 19, Priority: 60, Spare: true},
	}
}

// matchColumns are the candidates' columns: what tells apart objects that
// share a name or a billing email (five customers of one address, say).
func matchColumns() []table.Column {
	return []table.Column{
		{Title: "Kind", Width: 8, Priority: 90},
		{Title: "Name / number", Width: 14, Ideal: 20, Flex: 2, Priority: 100},
		{Title: "Status", Width: 8, Ideal: 12, Priority: 95},
		{Title: "Created", Width: dateWidth, Priority: 85},
		{Title: "Currency", Width: 8, Priority: 75},
		{Title: "Billing email", Width: 14, Ideal: 24, Flex: 1, Priority: 65, Cut: table.CutEmail},
		{Title: "Company", Width: 10, Ideal: 16, Flex: 1, Priority: 80},
		{Title: "ID", Width: 19, Priority: 60, Spare: true},
	}
}

// showRecents lists the recent jumps.
func (m *gotoModel) showRecents() {
	m.table.SetColumns(recentColumns())
	rows := make([]table.Row, len(m.recents))
	for i, j := range m.recents {
		rows[i] = table.Row{ID: j.ObjectID, Cells: []table.Cell{
			{Text: j.Kind, Tone: table.ToneInfo}, {Text: j.Label}, {Text: j.CompanyName}, {Text: j.ObjectID, Tone: table.ToneMuted},
		}}
	}
	m.table.SetRows(rows)
}

// showChoices lists the candidates of an ambiguous lookup with what tells
// them apart.
func (m *gotoModel) showChoices() {
	m.table.SetColumns(matchColumns())
	rows := make([]table.Row, len(m.choices))
	for i, ch := range m.choices {
		rows[i] = matchRow(m.c.fmt, m.c.now, ch)
	}
	m.table.SetRows(rows)
	m.table.SetCursor(0)
}

// matchRow is one candidate: kind, name, status, creation, currency,
// billing email, company and id.
func matchRow(f formatter, now time.Time, ch lookup.Match) table.Row {
	var status table.Cell
	var created *time.Time
	currency, email := "—", "—"
	switch {
	case ch.Customer != nil:
		c := ch.Customer
		status, created, currency, email = customerStatusCell(c.Status), &c.CreatedAt, c.Currency, orDash(c.BillingEmail)
	case ch.Subscription != nil:
		s := ch.Subscription
		status, created, currency = subscriptionStatusCell(s.Status), &s.CreatedAt, s.Currency
	case ch.Invoice != nil:
		inv := ch.Invoice
		status, created, currency = invoiceStatusCell(inv.Status), inv.IssuedAt, inv.Currency
	}
	return table.Row{ID: ch.ID(), Cells: []table.Cell{
		{Text: string(ch.Kind), Tone: table.ToneInfo}, {Text: ch.Label()}, status,
		{Text: f.relDate(created, now)}, {Text: currency}, {Text: email},
		{Text: ch.Company.Name}, {Text: ch.ID(), Tone: table.ToneMuted},
	}}
}

func (m gotoModel) view() string {
	st := m.c.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(" hlx ") + st.Heading.Render("Go to") +
		st.Muted.Render("  an id, URL, billing email, invoice number or external id") + "\n")
	b.WriteString(" " + m.input.view() + "\n")
	status := m.status
	switch {
	case m.failed:
		status = st.Bad.Render("✗ " + status)
	case status != "":
		status = st.Info.Render(status)
	}
	b.WriteString(" " + status + "\n")
	heading := "Recent jumps"
	if m.choices != nil {
		heading = "Matches"
	}
	b.WriteString(st.Heading.Render(" "+heading) + "\n")
	b.WriteString(m.table.View())
	return b.String()
}

// The screen interface.

func (m *gotoModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *gotoModel) resize(w, h int) screen {
	m.width, m.height = w, h
	m.input.setWidth(w - 4)
	m.table.SetSize(w, max(h-4, 1))
	return m
}

func (m *gotoModel) keyMap() help.KeyMap         { return m.keys }
func (m *gotoModel) capturing() bool             { return true }
func (m *gotoModel) selected() (selection, bool) { return selection{}, false }
func (m *gotoModel) wantsTick() bool             { return false }
func (m *gotoModel) screenKind() screenKind      { return screenGoto }
