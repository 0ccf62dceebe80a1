package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// enter on a worklist's row opens its object where it lives, as go-to
// does: in its company, and when the company belongs to another account
// of the session (the every-account toggle), in that account first. The
// account switch is the accounts picker's: the open company's requests
// are cancelled and every screen of the old account closed, so nothing
// it still waits for is shown.

// worklistSwitchedMsg answers the account switch of a row's enter: the
// switch, and the object to open once it is done.
type worklistSwitchedMsg struct {
	gen      uint64
	switched accountSwitchedMsg
	jump     jumpMsg
}

// open shows the selected object in its company: a jump, as go-to's,
// when the company is the open account's; an account switch first when
// it is another's.
func (m worklistRowsModel) open() (worklistRowsModel, tea.Cmd) {
	r, ok := m.selectedRow()
	if !ok || m.switching != "" {
		return m, nil
	}
	jump := jumpMsg{company: r.Company, kind: worklistKind(m.list.List), id: r.ID, item: r.Item}
	email := m.accountOf[r.Company.ID]
	if email == "" {
		return m, m.c.navigate(jump)
	}
	sw, ok := m.c.session.(AccountSwitcher)
	if !ok {
		return m, emit(noticeMsg(termsafe.Line(r.Company.Name) + " is a company of " + termsafe.Line(email) + ", which this session cannot open."))
	}
	apiURL := ""
	for _, co := range m.companies {
		if co.ID == r.Company.ID {
			apiURL = co.apiURL
		}
	}
	m.switching = email
	gen, ctx, timeout := m.gen, m.c.ctx, m.c.timeout
	return m, func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		acct, err := sw.SwitchAccount(rctx, apiURL, email)
		return worklistSwitchedMsg{gen: gen, switched: accountSwitchedMsg{apiURL: apiURL, account: acct, err: err}, jump: jump}
	}
}

// openInAccount opens the account a row's enter switched to, on the
// row's company, then the row's object if the worklist that asked is
// still on top. A switch that failed is reported as the accounts
// picker's is, and the worklist stays.
func (a *App) openInAccount(msg worklistSwitchedMsg) tea.Cmd {
	asked := false
	if m, ok := a.top().(*worklistRowsModel); ok && m.gen == msg.gen {
		asked = true
		a.updateTop(msg)
	}
	if msg.switched.err != nil {
		return a.handleAccountSwitched(msg.switched)
	}
	// The account opens on the row's company rather than its last one:
	// one company load, not two.
	msg.switched.account.CompanyID = msg.jump.company.ID
	cmds := []tea.Cmd{a.handleAccountSwitched(msg.switched)}
	if asked && a.scope.company.ID == msg.jump.company.ID {
		cmds = append(cmds, a.openDetail(openDetailMsg{kind: msg.jump.kind, id: msg.jump.id, item: msg.jump.item}),
			a.showNotice("Switched to "+termsafe.Line(msg.switched.account.Email)+" and "+
				termsafe.Line(a.scope.company.Name)+", where "+msg.jump.id+" is."))
	}
	return tea.Batch(cmds...)
}
