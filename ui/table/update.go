package table

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// wheelStep is how many rows one mouse wheel notch moves.
const wheelStep = 3

// Update moves the cursor for the KeyMap's keys and the mouse wheel while
// the table is focused. It never returns a command.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if !m.focused || m.keys == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyMsg:
		m.handleKey(msg)
	case tea.MouseMsg:
		m.handleMouse(msg)
	}
	return m, nil
}

func (m *Model) handleKey(msg tea.KeyMsg) {
	page := max(m.bodyHeight(), 1)
	half := max(page/2, 1)
	switch {
	case key.Matches(msg, m.keys.Up):
		m.MoveUp(1)
	case key.Matches(msg, m.keys.Down):
		m.MoveDown(1)
	case key.Matches(msg, m.keys.PageUp):
		m.scroll(-page)
	case key.Matches(msg, m.keys.PageDown):
		m.scroll(page)
	case key.Matches(msg, m.keys.HalfPageUp):
		m.scroll(-half)
	case key.Matches(msg, m.keys.HalfPageDown):
		m.scroll(half)
	case key.Matches(msg, m.keys.Top):
		m.GotoTop()
	case key.Matches(msg, m.keys.Bottom):
		m.GotoBottom()
	}
}

func (m *Model) handleMouse(msg tea.MouseMsg) {
	if msg.Action != tea.MouseActionPress {
		return
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.MoveUp(wheelStep)
	case tea.MouseButtonWheelDown:
		m.MoveDown(wheelStep)
	}
}

// MoveUp moves the cursor n rows up; the viewport follows only when the
// cursor would leave it.
func (m *Model) MoveUp(n int) { m.SetCursor(m.cursor - n) }

// MoveDown moves the cursor n rows down; the viewport follows only when the
// cursor would leave it.
func (m *Model) MoveDown(n int) { m.SetCursor(m.cursor + n) }

// GotoTop selects the first row.
func (m *Model) GotoTop() { m.SetCursor(0) }

// GotoBottom selects the last row.
func (m *Model) GotoBottom() { m.SetCursor(m.count() - 1) }

// scroll moves the cursor and the viewport together by delta rows, so the
// cursor keeps its screen line as pages go by (as in less and k9s).
func (m *Model) scroll(delta int) {
	m.offset += delta
	m.cursor += delta
	m.clampCursor()
}

// clampCursor keeps the cursor on a shown row and the viewport on the
// cursor.
func (m *Model) clampCursor() {
	m.cursor = min(max(m.cursor, 0), max(m.count()-1, 0))
	m.follow()
}

// follow keeps the viewport within the rows (no empty lines at the bottom
// while rows above are hidden) and moves it as little as possible to show
// the cursor.
func (m *Model) follow() {
	h := max(m.bodyHeight(), 1)
	m.offset = max(min(m.offset, m.count()-h), 0)
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
}
