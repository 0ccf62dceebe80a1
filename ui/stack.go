package ui

import tea "github.com/charmbracelet/bubbletea"

// screenKind names a screen of the stack, so the root model asks "is the
// token panel open?" of the stack instead of testing concrete types.
type screenKind int

// The screens, one per file.
const (
	screenLogin screenKind = iota
	screenPicker
	screenAccounts
	screenBrowser
	screenOverview
	screenFilterPicker
	screenDetail
	screenGoto
	screenToken
	screenRequests
	screenSummary
	screenWorklists
	screenWorklistRows
)

// topIs reports whether the screen on top is of kind k.
func (a *App) topIs(k screenKind) bool {
	top := a.top()
	return top != nil && top.screenKind() == k
}

// indexOf is the position in the stack of the first screen of kind k, -1
// for none.
func (a *App) indexOf(k screenKind) int {
	for i, s := range a.stack {
		if s.screenKind() == k {
			return i
		}
	}
	return -1
}

// updateAll gives msg to every screen of the stack; each keeps only the
// results it is waiting for.
func (a *App) updateAll(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(a.stack))
	for i := range a.stack {
		var cmd tea.Cmd
		a.stack[i], cmd = a.stack[i].updateScreen(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// updateTop gives msg to the screen on top only.
func (a *App) updateTop(msg tea.Msg) tea.Cmd {
	if len(a.stack) == 0 {
		return nil
	}
	var cmd tea.Cmd
	top := len(a.stack) - 1
	a.stack[top], cmd = a.stack[top].updateScreen(msg)
	return cmd
}

func (a *App) top() screen {
	if len(a.stack) == 0 {
		return nil
	}
	return a.stack[len(a.stack)-1]
}

// push puts s on top, sized to the body.
func (a *App) push(s screen) {
	a.stack = append(a.stack, s.resize(a.width, a.bodyHeight()))
}

// closer is a screen with requests of its own, cancelled when it goes.
type closer interface{ close() }

func closeScreen(s screen) {
	if c, ok := s.(closer); ok {
		c.close()
	}
}

// pop closes the top screen, never the last one.
func (a *App) pop() {
	if len(a.stack) > 1 {
		closeScreen(a.stack[len(a.stack)-1])
		a.stack = a.stack[:len(a.stack)-1]
	}
}

// replace makes s the only screen, closing the others.
func (a *App) replace(s screen) {
	for _, old := range a.stack {
		if old != s {
			closeScreen(old)
		}
	}
	a.stack = []screen{s.resize(a.width, a.bodyHeight())}
}
