package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
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
	if a.holdKey(top, msg) {
		return nil
	}
	if a.showHelp && msg.Type == tea.KeyEsc {
		a.showHelp = false // esc closes the help first, on every screen
		return nil
	}
	if top.capturing() {
		if h, ok := top.(helpKeyFree); ok && h.helpKeyFree() && key.Matches(msg, a.global.Help) {
			a.showHelp = !a.showHelp
			return nil
		}
		return a.updateTop(msg)
	}
	if coalesced(msg) {
		return a.handleRunes(msg.Runes)
	}
	k := spelt(msg.String())
	switch {
	case key.Matches(k, a.global.Quit):
		return tea.Quit
	case key.Matches(k, a.global.Help):
		a.showHelp = !a.showHelp
		return nil
	case key.Matches(k, a.global.Companies):
		return a.openPicker()
	case key.Matches(k, a.global.Accounts):
		return a.openAccounts()
	case key.Matches(k, a.global.GoTo):
		return a.openGoto()
	case key.Matches(k, a.global.Worklists):
		return a.openWorklists()
	case key.Matches(k, a.global.Token):
		return a.toggleToken()
	case key.Matches(k, a.global.Requests):
		return a.toggleRequests()
	case key.Matches(k, a.global.Cancel):
		return a.cancelJob()
	case key.Matches(k, a.global.Copy):
		if sel, ok := top.selected(); ok {
			return copyIDCmd(a.c.copyText, sel.id, sel.what())
		}
	case key.Matches(k, a.global.Summary):
		return a.summarize(top)
	case key.Matches(k, a.global.Open):
		if sel, ok := top.selected(); ok {
			return openCmd(a.c.openURL, sel.openURL(a.c.env))
		}
	case k == "o":
		return a.cannotOpen(top, msg)
	}
	return a.updateTop(msg)
}

// cannotOpen answers `o` when it has no page to open: it says why, rather
// than doing nothing. The login screen keeps its own `o` (open the
// browser on the authorize page).
func (a *App) cannotOpen(top screen, msg tea.KeyMsg) tea.Cmd {
	if _, login := top.(*loginModel); login {
		return a.updateTop(msg)
	}
	sel, ok := top.selected()
	switch {
	case !ok:
		return a.showNotice("Nothing here has a page to open: o opens the selected customer or invoice.")
	case a.c.openURL == nil && sel.openURL(a.c.env) != "":
		return a.showNotice("hlx cannot open a browser here; the page is " + termsafe.Line(sel.openURL(a.c.env)))
	}
	return a.showNotice(sel.whyNoPage(a.c.env))
}

// helpKeyFree is a capturing screen on which `?` still opens the help.
//
// The rule: `?` opens the help on every screen, except in a text field the
// user opened to type in (the `/` filter line, the go-to prompt, a
// customer's name in the filter picker), where `?` may be part of what they
// search for. A filter that is always there to narrow a list (the company
// picker's) is not such a field: company names do not hold a `?`.
type helpKeyFree interface{ helpKeyFree() bool }

// coalesced reports several printable keys that arrived in one read (fast
// typing, a slow SSH link, tmux send-keys): Bubble Tea v1 delivers them as one
// KeyRunes message whose String() is e.g. "1/", which matches no binding. A
// paste is text, not keys, and stays whole.
func coalesced(msg tea.KeyMsg) bool {
	return msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && !msg.Alt
}

// handleRunes handles coalesced runes as the key presses they were, in
// order. Once one of them gives the keyboard to a text field ("/" opens the
// filter), the rest is typed into it as one message, so the filter runs once.
func (a *App) handleRunes(runes []rune) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(runes))
	for i, r := range runes {
		if top := a.top(); top != nil && top.capturing() {
			cmds = append(cmds, a.updateTop(tea.KeyMsg{Type: tea.KeyRunes, Runes: runes[i:]}))
			break
		}
		cmds = append(cmds, a.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}))
		a.syncGlobalKeys() // the next rune sees the keys this one enabled
	}
	return tea.Batch(cmds...)
}

// toggleRequests opens the requests screen, or closes it when it is on top.
func (a *App) toggleRequests() tea.Cmd {
	if a.topIs(screenRequests) {
		a.pop()
		return nil
	}
	r := newRequests(a.c, a.c.debug)
	a.push(&r)
	return nil
}

// toggleToken opens the token panel, or closes it when it is on top.
func (a *App) toggleToken() tea.Cmd {
	if a.topIs(screenToken) {
		a.pop()
		return nil
	}
	if i := a.indexOf(screenToken); i >= 0 {
		a.stack = append(a.stack[:i], a.stack[i+1:]...)
	}
	p := newTokenPanel(a.c, a.scope)
	a.push(&p)
	return nil
}
