package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
)

// summaryModel shows the ticket-ready Markdown summary that was just
// copied, so the user sees what the clipboard holds (and can copy it
// again when the terminal ignored OSC 52).
type summaryModel struct {
	c      *common
	keys   summaryKeys
	title  string
	text   string
	pager  viewport.Model
	width  int
	height int
}

// summaryKeys are the summary screen's keys.
type summaryKeys struct {
	Copy, Back, Up, Down key.Binding
}

func newSummaryKeys() summaryKeys {
	return summaryKeys{
		Copy: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy again")),
		Back: key.NewBinding(key.WithKeys("esc", "backspace", "S"), key.WithHelp("esc", "back")),
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
	}
}

// ShortHelp lists the keys for the help line.
func (k summaryKeys) ShortHelp() []key.Binding { return []key.Binding{k.Back, k.Copy, k.Down} }

// FullHelp lists every key.
func (k summaryKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// openSummaryMsg asks the root model to show a summary.
type openSummaryMsg struct{ title, text string }

// showSummary copies a ticket's Markdown and opens it on screen.
func showSummary(c *common, f *ticket.Facts) tea.Cmd {
	text := ticket.Markdown(f, c.links, c.fmt.loc)
	name := "the customer"
	if f.Customer != nil {
		name = termsafe.Line(f.Customer.Name)
	}
	title := "Ticket summary · " + name
	return tea.Batch(copySummaryCmd(c.copyText, name, text), emit(openSummaryMsg{title: title, text: text}))
}

// copySummaryCmd copies a summary and says what was copied.
func copySummaryCmd(copyText func(string) error, name, text string) tea.Cmd {
	return func() tea.Msg {
		if err := copyText(text); err != nil {
			return errMsg{what: "copy to the clipboard", err: err}
		}
		return noticeMsg("Copied the ticket summary of " + name + " (Markdown, " +
			formatCount(strings.Count(text, "\n")) + " lines) to the clipboard.")
	}
}

func newSummaryScreen(c *common, title, text string) summaryModel {
	return summaryModel{c: c, keys: newSummaryKeys(), title: title, text: text, pager: viewport.New(0, 0)}
}

func (m *summaryModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Back):
		return m, emit(popScreenMsg{})
	case key.Matches(k, m.keys.Copy):
		return m, copySummaryCmd(m.c.copyText, strings.TrimPrefix(m.title, "Ticket summary · "), m.text)
	}
	var cmd tea.Cmd
	m.pager, cmd = m.pager.Update(msg)
	return m, cmd
}

func (m *summaryModel) resize(w, h int) screen {
	m.width, m.height = w, h
	m.pager.Width, m.pager.Height = max(w-2, 1), max(h-2, 1)
	m.pager.SetContent(ansi.Wrap(m.text, m.pager.Width, ""))
	return m
}

func (m *summaryModel) view() string {
	st := m.c.styles
	head := spread(st.Title.Render(" ‹ ")+st.Heading.Render(m.title), st.HeaderInfo.Render("Markdown, copied "), m.width)
	return head + "\n\n" + indent(m.pager.View(), " ")
}

func (m *summaryModel) keyMap() help.KeyMap         { return m.keys }
func (m *summaryModel) capturing() bool             { return false }
func (m *summaryModel) selected() (selection, bool) { return selection{}, false }
func (m *summaryModel) wantsTick() bool             { return false }
func (m *summaryModel) screenKind() screenKind      { return screenSummary }
