package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// Screen changes. A screen asks for one with c.navigate (the root counts
// it, so keys typed meanwhile wait for the screen it leads to); the root
// makes it here: switching company, opening a screen on the stack or
// closing the top one.

// handleNavigation makes the screen changes screens ask for.
func (a *App) handleNavigation(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case companyChosenMsg:
		return a.switchCompany(msg.company), true
	case jumpMsg:
		return a.jump(msg), true
	case openOverviewMsg:
		return a.openOverview(), true
	case openPickerMsg:
		return a.openPicker(), true
	case openListMsg:
		return a.openList(msg), true
	case openFilterPickerMsg:
		p := newFilterPicker(a.c, msg)
		a.push(&p)
		return nil, true
	case openDetailMsg:
		return a.openDetail(msg), true
	case openWorklistMsg:
		return a.openWorklistRows(msg), true
	case worklistSwitchedMsg:
		return a.openInAccount(msg), true
	case openFoundMsg:
		return a.openDetail(msg.openDetailMsg), true
	case popScreenMsg:
		a.pop()
		return nil, true
	case openSummaryMsg:
		sm := newSummaryScreen(a.c, msg.title, msg.text)
		a.push(&sm)
		return nil, true
	case ticketLoadedMsg:
		return a.handleTicketLoaded(msg), true
	}
	return nil, false
}

// openOverview opens the company's overview.
func (a *App) openOverview() tea.Cmd {
	if a.scope.company.ID == "" {
		return nil
	}
	o, cmd := newOverview(a.c, a.scope)
	a.push(&o)
	return cmd
}

// switchCompany points every view at co. Requests still running for the old
// company are cancelled and their results dropped.
func (a *App) switchCompany(co hyperline.Company) tea.Cmd {
	if a.cancelScope != nil {
		a.cancelScope()
	}
	ctx, cancel := context.WithCancel(a.c.ctx)
	a.scope, a.cancelScope = scope{company: co, ctx: ctx}, cancel
	a.c.account.CompanyID = co.ID
	b, cmd := newBrowser(a.c, a.scope)
	a.replace(&b)
	return tea.Batch(cmd, chooseCompany(a.c.ctx, a.c.session, a.c.timeout, co))
}

// openGoto opens the go-to prompt (once).
func (a *App) openGoto() tea.Cmd {
	if a.topIs(screenGoto) {
		return nil
	}
	g, cmd := newGoto(a.c, a.scope)
	a.push(&g)
	return cmd
}

// jump opens an object the go-to prompt found, in its company: switching
// company first when it is another one, as the picker would.
func (a *App) jump(msg jumpMsg) tea.Cmd {
	var cmds []tea.Cmd
	if msg.company.ID != "" && msg.company.ID != a.scope.company.ID {
		co := msg.company
		for _, known := range a.c.account.Companies {
			if known.ID == co.ID {
				co = known
			}
		}
		cmds = append(cmds, a.switchCompany(co), a.showNotice("Switched to "+termsafe.Line(co.Name)+", where "+msg.id+" is."))
	}
	cmds = append(cmds, a.openDetail(openDetailMsg{kind: msg.kind, id: msg.id, item: msg.item}))
	return tea.Batch(cmds...)
}

func (a *App) openPicker() tea.Cmd {
	if a.indexOf(screenPicker) >= 0 {
		return nil
	}
	p, cmd := newPicker(a.c, a.scope.company.ID, len(a.stack) > 0 && a.scope.company.ID != "")
	if a.scope.company.ID == "" {
		a.replace(&p)
	} else {
		a.push(&p)
	}
	return cmd
}

func (a *App) openDetail(msg openDetailMsg) tea.Cmd {
	if a.scope.company.ID == "" {
		return nil
	}
	if open := msg.kind.spec().open; open != nil {
		s, cmd := open(a.c, a.scope, msg.id, msg.item)
		a.push(s)
		return cmd
	}
	d, cmd := newDetail(a.c, a.scope, msg.kind, msg.id, msg.item)
	a.push(&d)
	return cmd
}
