package table

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func wheel(b tea.MouseButton) tea.MouseMsg {
	return tea.MouseMsg{Button: b, Action: tea.MouseActionPress}
}

// press feeds msgs to m in order, as the program would.
func press(t *testing.T, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		if cmd != nil {
			t.Fatalf("Update(%v) returned a command", msg)
		}
	}
	return m
}

// state is what a movement test checks: the cursor and the first row shown.
type state struct{ cursor, offset int }

func stateOf(m Model) state { return state{m.Cursor(), m.offset} }

func TestUpdateKeys(t *testing.T) {
	t.Parallel()
	// 100 rows at height 11: 10 rows under the header.
	tests := []struct {
		name string
		msgs []tea.Msg
		want state
	}{
		{"up at the top stays", []tea.Msg{tea.KeyMsg{Type: tea.KeyUp}, runes("k")}, state{0, 0}},
		{"down moves without scrolling", []tea.Msg{runes("j"), tea.KeyMsg{Type: tea.KeyDown}}, state{2, 0}},
		{"down to the last shown line", repeat(runes("j"), 9), state{9, 0}},
		{"down past the viewport scrolls by one", repeat(runes("j"), 11), state{11, 2}},
		{"back up inside the viewport does not scroll", append(repeat(runes("j"), 11), repeat(runes("k"), 9)...), state{2, 2}},
		{"up past the top scrolls by one", append(repeat(runes("j"), 11), repeat(runes("k"), 10)...), state{1, 1}},
		{"page down keeps the screen line", []tea.Msg{runes("j"), runes("j"), tea.KeyMsg{Type: tea.KeyPgDown}}, state{12, 10}},
		{"ctrl+f pages too", []tea.Msg{tea.KeyMsg{Type: tea.KeyCtrlF}}, state{10, 10}},
		{"page up at the top", []tea.Msg{runes("j"), tea.KeyMsg{Type: tea.KeyPgUp}}, state{0, 0}},
		{"half page down", []tea.Msg{tea.KeyMsg{Type: tea.KeyCtrlD}}, state{5, 5}},
		{"half page down then up", []tea.Msg{tea.KeyMsg{Type: tea.KeyCtrlD}, tea.KeyMsg{Type: tea.KeyCtrlD}, tea.KeyMsg{Type: tea.KeyCtrlU}}, state{5, 5}},
		{"bottom", []tea.Msg{runes("G")}, state{99, 90}},
		{"end", []tea.Msg{tea.KeyMsg{Type: tea.KeyEnd}}, state{99, 90}},
		{"page down at the bottom clamps", []tea.Msg{runes("G"), tea.KeyMsg{Type: tea.KeyPgDown}}, state{99, 90}},
		{"page up from the bottom", []tea.Msg{runes("G"), tea.KeyMsg{Type: tea.KeyPgUp}}, state{89, 80}},
		{"top", []tea.Msg{runes("G"), runes("g")}, state{0, 0}},
		{"home", []tea.Msg{runes("G"), tea.KeyMsg{Type: tea.KeyHome}}, state{0, 0}},
		{"other keys do nothing", []tea.Msg{runes("x"), tea.KeyMsg{Type: tea.KeyEnter}}, state{0, 0}},
		{"wheel down moves three rows", []tea.Msg{wheel(tea.MouseButtonWheelDown)}, state{3, 0}},
		{"wheel down past the viewport follows", repeat(wheel(tea.MouseButtonWheelDown), 4), state{12, 3}},
		{"wheel up", []tea.Msg{runes("G"), wheel(tea.MouseButtonWheelUp)}, state{96, 90}},
		{"wheel release is ignored", []tea.Msg{tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionRelease}}, state{0, 0}},
		{"clicks are ignored", []tea.Msg{tea.MouseMsg{Button: tea.MouseButtonLeft, Action: tea.MouseActionPress}}, state{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := press(t, newCustomers(100, 80, 11), tt.msgs...)
			if got := stateOf(m); got != tt.want {
				t.Errorf("cursor, offset = %v, want %v", got, tt.want)
			}
			checkFrame(t, m.View(), 80, 11)
			if !m.cursorShown() {
				t.Errorf("cursor %d is outside the viewport at %d", m.Cursor(), m.offset)
			}
		})
	}
}

func repeat(msg tea.Msg, n int) []tea.Msg {
	out := make([]tea.Msg, n)
	for i := range out {
		out[i] = msg
	}
	return out
}

// cursorShown reports whether the cursor's row is in the viewport.
func (m Model) cursorShown() bool {
	return m.count() == 0 || (m.cursor >= m.offset && m.cursor < m.offset+max(m.bodyHeight(), 1))
}

func TestUpdateUnfocusedIgnoresInput(t *testing.T) {
	t.Parallel()
	m := newCustomers(100, 80, 11)
	m.SetFocused(false)
	m = press(t, m, runes("j"), wheel(tea.MouseButtonWheelDown), runes("G"))
	if m.Cursor() != 0 {
		t.Errorf("cursor = %d, want 0 while unfocused", m.Cursor())
	}
	m.SetFocused(true)
	if m = press(t, m, runes("j")); m.Cursor() != 1 {
		t.Errorf("cursor = %d, want 1 once focused", m.Cursor())
	}
}

func TestUpdateCustomKeyMap(t *testing.T) {
	t.Parallel()
	keys := DefaultKeyMap()
	keys.Down.SetEnabled(false) // a screen that uses j itself
	m := New(customerColumns(), WithKeyMap(keys))
	m.SetSize(80, 11)
	m.SetRows(customerRows(0, 20))
	if m = press(t, m, runes("j")); m.Cursor() != 0 {
		t.Errorf("disabled down key moved the cursor to %d", m.Cursor())
	}
	if len(m.KeyMap().FullHelp()) == 0 || len(m.KeyMap().ShortHelp()) == 0 {
		t.Error("key map has no help")
	}
}

func TestResize(t *testing.T) {
	t.Parallel()
	m := newCustomers(100, 200, 50)
	m = press(t, m, repeat(runes("j"), 40)...)
	if got := stateOf(m); got != (state{40, 0}) {
		t.Fatalf("before resize: %v", got)
	}
	// Shrinking brings the viewport to the cursor.
	m.SetSize(80, 24)
	if got := stateOf(m); got != (state{40, 18}) {
		t.Errorf("after shrinking to 80x24: %v, want {40 18}", got)
	}
	checkFrame(t, m.View(), 80, 24)
	// Growing past the rows left does not leave blank lines under them.
	m = press(t, m, runes("G"))
	m.SetSize(200, 50)
	if got := stateOf(m); got != (state{99, 51}) {
		t.Errorf("after growing at the bottom: %v, want {99 51}", got)
	}
	checkFrame(t, m.View(), 200, 50)
	// Degenerate sizes still keep their promise.
	for _, s := range [][2]int{{0, 0}, {1, 1}, {3, 2}, {10, 1}, {0, 5}} {
		m.SetSize(s[0], s[1])
		if s[1] == 0 {
			if v := m.View(); v != "" {
				t.Errorf("%dx%d: View = %q, want empty", s[0], s[1], v)
			}
			continue
		}
		checkFrame(t, m.View(), s[0], s[1])
	}
}

func TestAppendWhileScrolled(t *testing.T) {
	t.Parallel()
	m := newCustomers(50, 80, 11)
	m = press(t, m, repeat(runes("j"), 45)...)
	before, beforeView := stateOf(m), m.View()
	sel, _ := m.SelectedRow()
	if !m.NearEnd(5) {
		t.Error("NearEnd(5) = false five rows from the end")
	}

	m.AppendRows(customerRows(50, 50))
	if got := stateOf(m); got != before {
		t.Errorf("append moved the cursor: %v, want %v", got, before)
	}
	if got, _ := m.SelectedRow(); got.ID != sel.ID {
		t.Errorf("selected %s, want %s", got.ID, sel.ID)
	}
	if m.View() != beforeView {
		t.Error("append changed the rows on screen")
	}
	if m.Len() != 100 || m.VisibleLen() != 100 {
		t.Errorf("Len, VisibleLen = %d, %d, want 100, 100", m.Len(), m.VisibleLen())
	}
	if m.NearEnd(5) {
		t.Error("NearEnd(5) = true with 55 rows below")
	}
	m = press(t, m, runes("G"))
	if sel, _ := m.SelectedRow(); sel.ID != "cus_00000099" {
		t.Errorf("bottom is %s, want cus_00000099", sel.ID)
	}
}
