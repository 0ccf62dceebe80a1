package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline/filter"
)

// padRight pads s with spaces to w cells.
func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}

// filterPickerModel is `f` on a list: the list's filter keys, then the
// values of the one chosen (space marks several where the API takes
// several), for people who do not remember them. It writes the same
// key:value term into the list's filter line that typing would.
type filterPickerModel struct {
	c     *common
	kind  objectKind
	title string
	specs []filter.Key
	keys  filterPickerKeys

	applied []filter.Term // the list's terms now, ticked

	spec    *filter.Key // the key chosen; nil while choosing a key
	choices []pickChoice
	cursor  int
	marked  map[int]bool
	input   lineInput // a customer's name or id

	width, height int
}

// pickChoice is one line of the picker: what it writes, what it says
// and, where the value is not what people read, how it shows ("payment
// failed (error)" for error).
type pickChoice struct {
	value, about string
	shown        string
}

// label is what the line shows: the word people read, else the value.
func (ch pickChoice) label() string {
	if ch.shown != "" {
		return ch.shown
	}
	return ch.value
}

// filterPickerKeys drive the filter picker.
type filterPickerKeys struct {
	Up, Down, Mark, Choose, Back key.Binding
}

func newFilterPickerKeys() filterPickerKeys {
	return filterPickerKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "down")),
		Mark:   key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "mark several"), key.WithDisabled()),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

func (k filterPickerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Choose, k.Mark, k.Up, k.Down, k.Back}
}
func (k filterPickerKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// openFilterPickerMsg asks the app to open the filter picker of a list.
type openFilterPickerMsg struct {
	kind  objectKind
	title string
	specs []filter.Key
	// applied is what the list's filter line holds now, ticked in the
	// picker.
	applied []filter.Term
}

// appliedTerm is the term the filter line holds for key, if any.
func (m *filterPickerModel) appliedTerm(key string) (filter.Term, bool) {
	return filter.Query{Terms: m.applied}.Term(key)
}

func newFilterPicker(c *common, msg openFilterPickerMsg) filterPickerModel {
	m := filterPickerModel{c: c, kind: msg.kind, title: msg.title, specs: msg.specs, applied: msg.applied, keys: newFilterPickerKeys(),
		input: newLineInput(&c.styles, "customer: ", "a name or cus_… id")}
	m.showKeys()
	return m
}

// showKeys lists the keys (the first step).
func (m *filterPickerModel) showKeys() {
	m.spec, m.cursor, m.marked = nil, 0, nil
	m.choices = m.choices[:0]
	for _, s := range m.specs {
		about := s.About
		if t, ok := m.appliedTerm(s.Name); ok {
			about = "now " + t.Typed + " · " + about
		}
		m.choices = append(m.choices, pickChoice{value: s.Name + ":", about: about})
	}
	m.keys.Mark.SetEnabled(false)
	m.input.blur()
}

// showValues lists the values of spec (the second step).
func (m *filterPickerModel) showValues(spec filter.Key) {
	m.spec, m.cursor, m.marked, m.choices = &spec, 0, map[int]bool{}, nil
	switch spec.Kind {
	case filter.Enum:
		for _, v := range spec.Values {
			m.choices = append(m.choices, pickChoice{value: v, shown: spec.Text(v)})
		}
	case filter.Date:
		m.choices = datePresets(m.c.now.In(m.c.fmt.loc))
	case filter.Customer:
		m.input.reset()
		m.input.focus()
	}
	m.keys.Mark.SetEnabled(spec.Kind == filter.Enum && spec.Multi)
	m.tickApplied(spec)
}

// tickApplied ticks what the filter line holds now for spec (and puts the
// cursor on it), so enter keeps it and space unticks it.
func (m *filterPickerModel) tickApplied(spec filter.Key) {
	t, ok := m.appliedTerm(spec.Name)
	if !ok {
		return
	}
	if spec.Kind == filter.Customer {
		m.input, _ = m.input.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(t.Ref)})
		return
	}
	_, typed, _ := filter.CutTerm(t.Typed)
	now := map[string]bool{strings.ToLower(typed): true}
	for _, v := range t.Values {
		now[strings.ToLower(v)] = true
	}
	first := -1
	for i, ch := range m.choices {
		if now[strings.ToLower(ch.value)] {
			m.marked[i] = true
			if first < 0 {
				first = i
			}
		}
	}
	if first >= 0 {
		m.cursor = first
	}
}

// datePresets are the windows most asked for, as the filter line writes
// them.
func datePresets(now time.Time) []pickChoice {
	var out []pickChoice
	for _, p := range filter.DatePresets(now) {
		out = append(out, pickChoice{value: p.Value, about: p.About})
	}
	return out
}

func (m filterPickerModel) update(msg tea.Msg) (filterPickerModel, tea.Cmd) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	if m.spec != nil && m.spec.Kind == filter.Customer {
		return m.handleCustomerKey(kmsg)
	}
	switch {
	case key.Matches(kmsg, m.keys.Back):
		if m.spec != nil {
			m.showKeys()
			return m, nil
		}
		return m, m.c.navigate(popScreenMsg{})
	case key.Matches(kmsg, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(kmsg, m.keys.Down):
		m.cursor = min(m.cursor+1, len(m.choices)-1)
	case key.Matches(kmsg, m.keys.Mark):
		m.marked[m.cursor] = !m.marked[m.cursor]
		m.cursor = min(m.cursor+1, len(m.choices)-1)
	case key.Matches(kmsg, m.keys.Choose):
		return m.choose()
	}
	return m, nil
}

// choose takes the key under the cursor, or writes the term.
func (m filterPickerModel) choose() (filterPickerModel, tea.Cmd) {
	if len(m.choices) == 0 {
		return m, nil
	}
	if m.spec == nil {
		m.showValues(m.specs[m.cursor])
		return m, nil
	}
	var values []string
	for i, ch := range m.choices {
		if m.marked[i] {
			values = append(values, ch.value)
		}
	}
	if len(values) == 0 {
		values = []string{m.choices[m.cursor].value}
	}
	return m, m.write(strings.Join(values, ","))
}

// write sends the term to the list and closes the picker.
func (m filterPickerModel) write(value string) tea.Cmd {
	return tea.Batch(m.c.navigate(popScreenMsg{}), emit(filterTermChosenMsg{kind: m.kind, term: m.spec.Name + ":" + value}))
}

func (m filterPickerModel) handleCustomerKey(msg tea.KeyMsg) (filterPickerModel, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		m.showKeys()
		return m, nil
	case tea.KeyEnter:
		if v := strings.TrimSpace(m.input.Value()); v != "" {
			return m, m.write(v)
		}
		return m, nil
	}
	m.input, _ = m.input.update(msg)
	return m, nil
}

func (m filterPickerModel) view() string {
	st := m.c.styles
	title := " Filter " + strings.ToLower(m.title) + " on the server"
	step := "choose a key"
	if m.spec != nil {
		title += " · " + m.spec.Name + ":"
		step = m.spec.About
	}
	lines := []string{fitLine(st.Heading.Render(title), m.width),
		fitLine(" "+st.Muted.Render(step), m.width), ""}
	if m.spec != nil && m.spec.Kind == filter.Customer {
		lines = append(lines, fitLine(" "+m.input.view(), m.width), "",
			fitLine(" "+st.Muted.Render("A name is looked up with the customer search; it must find one customer."), m.width))
		return fitBlock(strings.Join(lines, "\n"), m.width, m.height)
	}
	room := max(m.height-len(lines), 1)
	valueWidth := 0 // the descriptions start in one column
	for _, ch := range m.choices {
		valueWidth = max(valueWidth, ansi.StringWidth(ch.label()))
	}
	first := max(0, min(m.cursor-room/2, len(m.choices)-room))
	for i := first; i < len(m.choices) && i < first+room; i++ {
		ch := m.choices[i]
		mark := "  "
		if i == m.cursor {
			mark = st.SelectedMarker
		}
		box := ""
		switch {
		case m.keys.Mark.Enabled() && m.marked[i]:
			box = "[x] "
		case m.keys.Mark.Enabled():
			box = "[ ] "
		case m.marked[i]:
			box = "✓ " // the one value the line holds now
		case m.spec != nil:
			box = "  "
		}
		line := " " + mark + box + st.Value.Render(padRight(ch.label(), valueWidth))
		if ch.about != "" {
			line += "  " + st.Muted.Render(ch.about)
		}
		lines = append(lines, fitLine(line, m.width))
	}
	return fitBlock(strings.Join(lines, "\n"), m.width, m.height)
}

// The screen interface.

func (m *filterPickerModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *filterPickerModel) resize(w, h int) screen {
	m.width, m.height = w, h
	m.input.setWidth(w - 14)
	return m
}

func (m *filterPickerModel) keyMap() help.KeyMap { return m.keys }
func (m *filterPickerModel) capturing() bool {
	return m.spec != nil && m.spec.Kind == filter.Customer
}
func (m *filterPickerModel) selected() (selection, bool) { return selection{}, false }
func (m *filterPickerModel) wantsTick() bool             { return false }
func (m *filterPickerModel) screenKind() screenKind      { return screenFilterPicker }
