package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// pickerModel is the company picker: the companies the login reaches,
// filtered as the user types, the current one marked.
type pickerModel struct {
	c        *common
	keys     pickerKeys
	input    lineInput
	table    table.Model
	current  string // the company open now, "" before the first choice
	canClose bool

	companies []hyperline.Company
	reqID     uint64 // the company list request in flight, 0 if none
	loadErr   string

	width, height int
}

// companiesLoadedMsg answers a company list request. It is not tied to a
// company, so the root model never drops it.
type companiesLoadedMsg struct {
	reqID     uint64
	companies []hyperline.Company
	err       error
}

// loadCompanies fetches every company the token reaches.
func loadCompanies(ctx context.Context, data Data, timeout time.Duration, reqID uint64) tea.Cmd {
	return request(ctx, timeout, data.Companies, func(cs []hyperline.Company, err error) tea.Msg {
		return companiesLoadedMsg{reqID: reqID, companies: cs, err: err}
	})
}

// newPicker opens on the companies saved with the session and reloads them.
func newPicker(c *common, current string, canClose bool) (pickerModel, tea.Cmd) {
	keys := newPickerKeys()
	keys.Close.SetEnabled(canClose)
	tk := table.KeyMap{
		Up:       keys.Up,
		Down:     keys.Down,
		PageUp:   key.NewBinding(key.WithKeys("pgup")),
		PageDown: key.NewBinding(key.WithKeys("pgdown")),
		Top:      key.NewBinding(key.WithKeys("home")),
		Bottom:   key.NewBinding(key.WithKeys("end")),
	}
	m := pickerModel{
		c:        c,
		keys:     keys,
		input:    newLineInput(&c.styles, "Filter: ", "type to filter"),
		current:  current,
		canClose: canClose,
		table: table.New([]table.Column{
			{Title: " ", Width: 1, Priority: 100},
			{Title: "Company", Width: 16, Ideal: 30, Flex: 1, Priority: 90},
			{Title: "ID", Width: 24, Priority: 40, Spare: true},
		}, table.WithStyles(c.styles.Table), table.WithKeyMap(tk), table.WithEmptyText("No company matches.")),
	}
	m.input.focus()
	m.setCompanies(c.account.Companies)
	m.reqID = c.nextID()
	return m, loadCompanies(c.ctx, c.data, c.timeout, m.reqID)
}

func (m *pickerModel) setCompanies(cs []hyperline.Company) {
	m.companies = cs
	rows := make([]table.Row, len(cs))
	for i, co := range cs {
		mark := ""
		if co.ID == m.current {
			mark = m.c.styles.CurrentMarker
		}
		rows[i] = table.Row{ID: co.ID, Cells: []table.Cell{
			{Text: mark, Tone: table.ToneGood}, {Text: co.Name}, {Text: co.ID, Tone: table.ToneMuted},
		}}
	}
	m.table.SetRows(rows)
	if _, ok := m.table.SelectedRow(); !ok || m.current != "" {
		m.table.SelectID(m.current)
	}
}

func (m pickerModel) update(msg tea.Msg) (pickerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case companiesLoadedMsg:
		if msg.reqID != m.reqID {
			return m, nil
		}
		m.reqID = 0
		if msg.err != nil {
			m.loadErr = plainError(msg.err)
			if errors.Is(msg.err, ErrLoginRequired) {
				// The root model opens the login screen.
				return m, emit(errMsg{what: "list the companies", err: msg.err})
			}
			return m, nil
		}
		m.loadErr = ""
		m.setCompanies(msg.companies)
		if m.current == "" && len(msg.companies) == 1 {
			return m, m.c.navigate(companyChosenMsg{company: msg.companies[0]})
		}
		return m, nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		var cmd tea.Cmd
		m.table, cmd = m.table.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m pickerModel) handleKey(msg tea.KeyMsg) (pickerModel, tea.Cmd) {
	k := m.keysNow()
	switch {
	case key.Matches(msg, k.ClearFilter):
		m.input.reset()
		m.table.SetFilter("")
		return m, nil
	case key.Matches(msg, k.Close):
		return m, m.c.navigate(popScreenMsg{})
	case msg.Type == tea.KeyEsc && m.input.Value() == "":
		// Nothing is under the picker at start: esc does not quit (only q
		// and ctrl+c leave hlx), and says so rather than nothing.
		return m, emit(noticeMsg("Choose a company to start; q quits."))
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Retry):
		m.reqID = m.c.nextID()
		return m, loadCompanies(m.c.ctx, m.c.data, m.c.timeout, m.reqID)
	case key.Matches(msg, m.keys.Choose):
		row, ok := m.table.SelectedRow()
		if !ok {
			return m, nil
		}
		if row.ID == m.current {
			return m, m.c.navigate(popScreenMsg{})
		}
		for _, co := range m.companies {
			if co.ID == row.ID {
				return m, m.c.navigate(companyChosenMsg{company: co})
			}
		}
		return m, nil
	case key.Matches(msg, m.keys.Reload):
		m.reqID = m.c.nextID()
		return m, loadCompanies(m.c.ctx, m.c.data, m.c.timeout, m.reqID)
	case key.Matches(msg, m.keys.Up, m.keys.Down) || isTableNav(msg):
		var cmd tea.Cmd
		m.table, cmd = m.table.Update(msg)
		return m, cmd
	}
	var changed bool
	if m.input, changed = m.input.update(msg); changed {
		m.table.SetFilter(m.input.Value())
	}
	return m, nil
}

// keysNow is the key map as it stands: q, esc and r act while the filter
// is empty, and are typed into it otherwise.
func (m pickerModel) keysNow() pickerKeys {
	k := m.keys
	empty := m.input.Value() == ""
	k.Quit.SetEnabled(empty)
	k.Close.SetEnabled(empty && m.canClose)
	k.ClearFilter.SetEnabled(!empty)
	k.Retry.SetEnabled(empty && m.loadErr != "" && m.reqID == 0)
	rows := m.table.VisibleLen() > 0
	k.Choose.SetEnabled(rows)
	k.Up.SetEnabled(rows)
	k.Down.SetEnabled(rows)
	return k
}

// isTableNav reports the paging keys the picker leaves to its table.
func isTableNav(msg tea.KeyMsg) bool {
	switch msg.Type {
	case tea.KeyPgUp, tea.KeyPgDown:
		return true
	}
	return false
}

func (m pickerModel) view() string {
	st := m.c.styles
	title := st.Heading.Render(" Choose a company")
	info := strconv.Itoa(m.table.VisibleLen()) + " of " + strconv.Itoa(len(m.companies))
	switch {
	case m.reqID != 0:
		info = "loading… " + info
	case m.loadErr != "" && len(m.companies) == 0:
		info = "" // the body says what failed
	case m.loadErr != "":
		info = "could not reload: " + m.loadErr
	}
	header := spread(title, st.HeaderInfo.Render(info), m.width)
	body := m.table.View()
	if len(m.companies) == 0 {
		body = m.emptyView()
	}
	return header + "\n" + fitLine(" "+m.input.view(), m.width) + "\n" + body
}

// emptyView is the body while no company is known: loading, or what
// failed and how to retry (an outage at start).
func (m pickerModel) emptyView() string {
	st := m.c.styles
	var text string
	switch {
	case m.reqID != 0:
		text = st.Muted.Render("Loading the companies…")
	case m.loadErr != "":
		msg := "Could not load the companies: " + m.loadErr + ", r to retry, q to quit."
		text = st.Bad.Render(ansi.Wrap(msg, max(m.width-4, 1), ""))
	default:
		text = st.Muted.Render("This login reaches no company. Press ctrl+r to reload, q to quit.")
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return fitBlock("\n"+strings.Join(lines, "\n"), m.width, max(m.height-2, 1))
}

// The screen interface.

func (m *pickerModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *pickerModel) resize(w, h int) screen {
	m.width, m.height = w, h
	m.input.setWidth(w - 12)
	m.table.SetSize(w, max(h-2, 1))
	return m
}
func (m pickerModel) keyMap() help.KeyMap { return m.keysNow() }
func (m pickerModel) quitShown() bool     { return m.input.Value() == "" }
func (m pickerModel) capturing() bool     { return true }

// helpKeyFree: the picker's filter is always there to narrow the list, not
// a field the user opened to type in, so `?` is help on it.
func (m pickerModel) helpKeyFree() bool           { return true }
func (m pickerModel) selected() (selection, bool) { return selection{}, false }
func (m pickerModel) wantsTick() bool             { return false }
func (m pickerModel) screenKind() screenKind      { return screenPicker }
