package ui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/filter"
)

// The filter of a tab: `/` gives the keyboard to the filter line; every
// keystroke filters the loaded rows at once by the line's text, and when
// the line has key:value terms (status:late, issued:2026-11) or text the
// API searches, a server request goes out once typing pauses, cancelling
// the previous one's requests. A line that cannot be read sends nothing
// and says what is allowed. esc clears it all.

// startServerFilter asks the server for the objects that match f,
// cancelling the requests of the previous filter.
func (m listModel[T]) startServerFilter(f filter.Query) (listModel[T], tea.Cmd) {
	if m.server.cancel != nil {
		m.server.cancel()
	}
	ctx, cancel := context.WithCancel(m.sc.ctx)
	// The previous answer stays on screen until this one arrives.
	prev := m.server
	if !prev.loaded {
		prev.table = m.newTable("No " + strings.ToLower(m.spec.title) + " match.")
	}
	key := m.filterKey(f)
	if prev.key != key {
		prev.customerID = "" // another customer: term resolves again
	}
	m.server = listing[T]{filter: f, key: key, customerID: prev.customerID, reqID: m.c.nextID(), ctx: ctx, cancel: cancel,
		table: prev.table, rows: prev.rows, items: prev.items, index: prev.index, loaded: prev.loaded}
	return m, loadPage(ctx, m.c, m.sc.company.ID, m.spec, m.request(&m.server, hyperline.ListOptions{}), m.server.reqID)
}

// filterKey names what the server is asked for a filter: its terms and
// the text the server searches.
func (m *listModel[T]) filterKey(f filter.Query) string {
	return f.Label() + "\x00" + m.serverText(f)
}

// clearServerFilter drops the server's answer and shows the loaded rows
// again, filtered by what is typed now, on the same object when they hold
// it. The loaded rows kept their own table: nothing is rebuilt. A tab
// that opened on a filter loads its full list now.
func (m *listModel[T]) clearServerFilter() tea.Cmd {
	if m.server.cancel != nil {
		m.server.cancel()
	}
	wasOn, sel := m.serverOn, m.selectedIDOrEmpty()
	m.server, m.serverOn = listing[T]{}, false
	if wasOn {
		m.base.table.SetFilter(m.parsed.Text)
		if sel != "" {
			m.base.table.SelectID(sel)
		}
	}
	if m.started && !m.base.loaded && m.base.reqID == 0 {
		return m.loadBase()
	}
	return nil
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
	m.query, m.debounceID, m.parsed, m.filterErr = "", 0, filter.Query{}, ""
	base := m.clearServerFilter()
	m.base.table.SetFilter("")
	m = m.setSize(m.width, m.height)
	return m, tea.Batch(base, m.loadMoreIfNear(false))
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

// queryChanged reads the filter line, filters the loaded rows by its text
// at once and, when the server answers it, schedules a server request once
// typing pauses. A line that cannot be read changes nothing on screen and
// sends nothing; the line under it says why.
func (m listModel[T]) queryChanged() (listModel[T], tea.Cmd) {
	q := strings.TrimSpace(m.input.Value())
	if q == m.query {
		return m, nil
	}
	m.query = q
	m.debounceID = m.c.nextID() // a debounce still pending is for an older line
	pf, err := filter.Parse(q, m.spec.terms, m.c.now, m.c.fmt.loc)
	hadErr := m.filterErr != ""
	m.filterErr = ""
	if err != nil {
		m.filterErr = err.Error()
	}
	if hadErr != (m.filterErr != "") {
		m = m.setSize(m.width, m.height) // the error line comes or goes
	}
	if err != nil {
		// The rows stay filtered by the plain words only: not by "status"
		// from a moment ago, before the colon came.
		m.parsed.Text = plainWords(q)
		m.shownTable().SetFilter(m.parsed.Text)
		return m, nil
	}
	m.parsed = pf
	m.shownTable().SetFilter(pf.Text)
	if !m.wantsServer() {
		if m.typingKey(pf.Text) {
			return m, m.clearServerFilter() // status:… is coming: no pages for "stat"
		}
		return m, tea.Batch(m.clearServerFilter(), m.loadMoreIfNear(true))
	}
	if m.server.key == m.filterKey(pf) {
		return m, nil // the same question, another spelling: its answer stands
	}
	tag := resultTag{reqID: m.debounceID, company: m.sc.company.ID}
	settle := m.c.sched(m.c.debounce, func(time.Time) tea.Msg { return filterSettledMsg{resultTag: tag, query: q} })
	return m, settle
}

// plainWords is the words of a filter line that are not key:value terms.
func plainWords(line string) string {
	var words []string
	for _, w := range filter.Words(line) {
		if _, _, term := filter.CutTerm(w); !term {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// typingKey reports whether the text's last word is the start of one of
// the tab's filter keys, so a term is probably being typed.
func (m *listModel[T]) typingKey(text string) bool {
	last := text[strings.LastIndexByte(text, ' ')+1:]
	for _, t := range m.spec.terms {
		if last != "" && strings.HasPrefix(t.Name, strings.ToLower(last)) {
			return true
		}
	}
	return false
}

// setFilterLine puts line in the filter line and sends it at once, without
// the typing pause (a term chosen in the picker, a jump from the
// overview). The keyboard stays with the table.
func (m listModel[T]) setFilterLine(line string) (listModel[T], tea.Cmd) {
	m.input.reset()
	m.input.focus()
	m.input, _ = m.input.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(line)})
	m.input.blur()
	m.setFocused(true)
	m, cmd := m.queryChanged()
	if m.filterErr != "" || !m.wantsServer() || m.server.key == m.filterKey(m.parsed) {
		return m.setSize(m.width, m.height), cmd
	}
	// cmd is only the typing pause's timer: the request goes now instead.
	m.debounceID = m.c.nextID()
	m, start := m.startServerFilter(m.parsed)
	return m.setSize(m.width, m.height), start
}

// addTerm writes a term into the filter line, in place of a term of the
// same key, and sends the line.
func (m listModel[T]) addTerm(term string) (listModel[T], tea.Cmd) {
	k, _, _ := strings.Cut(term, ":")
	var words []string
	for _, w := range filter.Words(m.input.Value()) {
		if wk, _, ok := filter.CutTerm(w); ok && strings.EqualFold(wk, k) {
			continue
		}
		words = append(words, quoteWord(w))
	}
	return m.setFilterLine(strings.Join(append(words, quoteWord(term)), " "))
}

// quoteWord quotes the value of a word holding a space, so that the filter
// line reads it back as one word.
func quoteWord(w string) string {
	if !strings.ContainsAny(w, " \t") {
		return w
	}
	if k, v, ok := filter.CutTerm(w); ok {
		return k + ":\"" + v + "\""
	}
	return "\"" + w + "\""
}

// filterShown says whether the filter line takes a line above the table.
func (m *listModel[T]) filterShown() bool { return m.filtering || m.query != "" }

// filterErrLines is how many lines the reason the filter line cannot be
// sent takes under it (0 when it can be).
func (m *listModel[T]) filterErrLines() int {
	if m.filterErr == "" || !m.filterShown() {
		return 0
	}
	return len(m.filterErrText())
}

// filterErrText is the reason, wrapped to the width, three lines at most.
func (m *listModel[T]) filterErrText() []string {
	lines := strings.Split(ansi.Wordwrap("✗ "+m.filterErr+" — nothing sent", max(m.width-2, 20), " ,"), "\n")
	if len(lines) > 3 {
		lines = lines[:3]
		lines[2] = ansi.Truncate(lines[2], max(m.width-3, 19), "") + "…"
	}
	return lines
}

// filterHint says where the filter's matches come from.
func (m *listModel[T]) filterHint() string {
	terms := len(m.parsed.Terms) > 0
	switch {
	case m.query == "" && len(m.spec.terms) == 0:
		return "type to filter the loaded rows · esc clear "
	case m.query == "":
		return "text or key:value · esc clear "
	case m.filterErr != "":
		return "cannot send this "
	case !m.wantsServer() && m.shown().more:
		return "filtering the loaded rows · scroll to load more "
	case !m.wantsServer():
		return "filtering the loaded rows "
	case m.server.reqID != 0 && m.server.key == m.filterKey(m.parsed):
		return "asking the server… "
	case m.serverOn && terms && m.parsed.Text != "" && m.serverText(m.parsed) == "":
		return "server: " + m.serverCount() + " · text filters those loaded "
	case m.serverOn && terms:
		return "server filter: " + m.serverCount() + " "
	case m.serverOn && m.server.hasTotal:
		return "server search: " + formatCount(m.server.total) + " " + m.spec.searchSays + " “" + m.serverText(m.server.filter) + "” "
	case m.serverOn:
		return "server search: “" + m.serverText(m.server.filter) + "” "
	}
	return "filtering the loaded rows "
}

// serverCount is how many objects the server's answer holds.
func (m *listModel[T]) serverCount() string {
	if m.server.hasTotal {
		return formatCount(m.server.total) + " match"
	}
	return formatCount(len(m.server.items)) + "+ match"
}
