package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// handleKey applies the global keys, unless the screen on top is taking
// typed text, and gives every other key to that screen. ctrl+c always quits,
// even while a request is running.
func (a *App) handleKey(msg tea.KeyMsg) tea.Cmd {
	if key.Matches(msg, a.forceQuit) {
		return tea.Quit
	}
	top := a.top()
	if top == nil {
		return nil
	}
	if top.capturing() {
		return a.updateTop(msg)
	}
	switch {
	case key.Matches(msg, a.global.Quit):
		return tea.Quit
	case key.Matches(msg, a.global.Help):
		a.showHelp = !a.showHelp
		return nil
	case a.showHelp && msg.Type == tea.KeyEsc:
		a.showHelp = false
		return nil
	case key.Matches(msg, a.global.Companies):
		return a.openPicker()
	case key.Matches(msg, a.global.Token):
		return a.toggleToken()
	case key.Matches(msg, a.global.Copy):
		if sel, ok := top.selected(); ok {
			return copyCmd(a.c.copyText, sel.id)
		}
	case key.Matches(msg, a.global.Open):
		if sel, ok := top.selected(); ok {
			return openCmd(a.c.openURL, a.c.env.dashboardURL(sel.kind, sel.id))
		}
	}
	return a.updateTop(msg)
}

// toggleToken opens the token panel, or closes it when it is on top.
func (a *App) toggleToken() tea.Cmd {
	if _, open := a.top().(*tokenModel); open {
		a.pop()
		return nil
	}
	for i, s := range a.stack {
		if _, open := s.(*tokenModel); open {
			a.stack = append(a.stack[:i], a.stack[i+1:]...)
			break
		}
	}
	p := newTokenPanel(a.c, a.scope)
	a.push(&p)
	return nil
}
