package ui

import (
	"context"
	"errors"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// accountsModel is `a`: every account of every environment the session
// holds (environment, account, token expiry, last company), and a line to
// log in to another. Choosing an account switches to it as the company
// switch does: the old company's requests are cancelled and its data
// dropped, then the account's last company opens (or the company picker).
type accountsModel struct {
	c        *common
	switcher AccountSwitcher
	keys     pickerKeys

	accounts []SessionAccount
	cursor   int // len(accounts) is the "log in" line
	reqID    uint64
	err      string
	switchTo string // the account being opened, "" when none

	width, height int
}

// Messages of the accounts picker.
type (
	accountsLoadedMsg struct {
		reqID    uint64
		accounts []SessionAccount
		err      error
	}
	// accountSwitchedMsg answers a switch; the app opens the account.
	accountSwitchedMsg struct {
		apiURL  string
		account Account
		err     error
	}
	// loginAnotherMsg starts a browser login in the open environment.
	loginAnotherMsg struct{}
)

func newAccounts(c *common, sw AccountSwitcher) (accountsModel, tea.Cmd) {
	keys := newPickerKeys()
	keys.Reload.SetEnabled(false)
	m := accountsModel{c: c, switcher: sw, keys: keys, reqID: c.nextID()}
	reqID := m.reqID
	return m, request(c.ctx, c.timeout, sw.Accounts, func(as []SessionAccount, err error) tea.Msg {
		return accountsLoadedMsg{reqID: reqID, accounts: as, err: err}
	})
}

func (m accountsModel) update(msg tea.Msg) (accountsModel, tea.Cmd) {
	switch msg := msg.(type) {
	case accountsLoadedMsg:
		if msg.reqID != m.reqID {
			return m, nil
		}
		m.reqID, m.accounts, m.err = 0, msg.accounts, errText(msg.err)
		for i, a := range m.accounts {
			if a.Open {
				m.cursor = i
			}
		}
	case accountSwitchedMsg:
		// A switch that failed: the picker stops waiting for it.
		m.switchTo = ""
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Close):
			return m, m.c.navigate(popScreenMsg{})
		case key.Matches(msg, m.keys.Up), msg.String() == "k":
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, m.keys.Down), msg.String() == "j":
			m.cursor = min(m.cursor+1, len(m.accounts))
		case key.Matches(msg, m.keys.Choose):
			return m.choose()
		}
	}
	return m, nil
}

// choose opens the account under the cursor, or starts a login.
func (m accountsModel) choose() (accountsModel, tea.Cmd) {
	if m.reqID != 0 || m.switchTo != "" {
		return m, nil
	}
	if m.cursor == len(m.accounts) {
		return m, m.c.navigate(loginAnotherMsg{})
	}
	a := m.accounts[m.cursor]
	if a.Open {
		return m, m.c.navigate(popScreenMsg{})
	}
	m.switchTo = a.Email
	sw, ctx, timeout := m.switcher, m.c.ctx, m.c.timeout
	return m, func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		acct, err := sw.SwitchAccount(rctx, a.APIURL, a.Email)
		return accountSwitchedMsg{apiURL: a.APIURL, account: acct, err: err}
	}
}

func (m accountsModel) view() string {
	st := m.c.styles
	info := ""
	switch {
	case m.reqID != 0:
		info = "loading… "
	case m.switchTo != "":
		info = "opening " + termsafe.Line(m.switchTo) + "… "
	case m.err != "":
		info = "✗ " + m.err + " "
	}
	lines := []string{spread(st.Heading.Render(" Accounts and environments"), st.HeaderInfo.Render(info), m.width), ""}
	for i, a := range m.accounts {
		lines = append(lines, fitLine(m.accountLine(i, a), m.width))
	}
	mark := "  "
	if m.cursor == len(m.accounts) {
		mark = st.SelectedMarker
	}
	lines = append(lines, "", fitLine(" "+mark+st.Info.Render("+ log in to another account of "+m.c.env.Name+" (browser)"), m.width),
		"", fitLine(" "+st.Muted.Render("● open now · a switch drops this company's data and opens that account's last company"), m.width))
	return fitBlock(strings.Join(lines, "\n"), m.width, m.height)
}

// accountLine is one account: environment, email and name, token, company.
func (m accountsModel) accountLine(i int, a SessionAccount) string {
	st := m.c.styles
	mark := "  "
	if i == m.cursor {
		mark = st.SelectedMarker
	}
	open := " "
	if a.Open {
		open = st.Good.Render(st.CurrentMarker)
	}
	env := EnvironmentFor(a.APIURL, m.c.demo && a.APIURL == m.c.env.APIURL)
	envStyle := st.Info
	if env.Kind == EnvProduction {
		envStyle = st.Warn
	}
	who := termsafe.Line(a.Email)
	if a.Name != "" {
		who += " (" + termsafe.Line(a.Name) + ")"
	}
	var token string
	switch left := a.ExpiresAt.Sub(m.c.now); {
	case !a.LoggedIn:
		token = st.Bad.Render("logged out")
	case a.ExpiresAt.IsZero():
		token = st.Muted.Render("token held")
	case left > 0:
		token = st.Good.Render("token " + countdown(left))
	case a.HasRefreshToken:
		token = st.Muted.Render("token expired · refreshes")
	default:
		token = st.Bad.Render("token expired")
	}
	line := " " + mark + open + " " + envStyle.Render(fitLine(env.Name, 11)) + " " + st.Value.Render(who) + "  " + token
	if a.Company != "" {
		line += st.Muted.Render(" · " + termsafe.Line(a.Company))
	}
	return line
}

// The screen interface.

func (m *accountsModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *accountsModel) resize(w, h int) screen {
	m.width, m.height = w, h
	return m
}

func (m *accountsModel) keyMap() help.KeyMap         { return m.keys }
func (m *accountsModel) capturing() bool             { return false }
func (m *accountsModel) selected() (selection, bool) { return selection{}, false }
func (m *accountsModel) wantsTick() bool             { return true }
func (m *accountsModel) screenKind() screenKind      { return screenAccounts }

// openAccounts shows the accounts picker (once).
func (a *App) openAccounts() tea.Cmd {
	sw, ok := a.c.session.(AccountSwitcher)
	if !ok || !a.c.signedIn {
		return nil
	}
	if a.topIs(screenAccounts) {
		return nil
	}
	m, cmd := newAccounts(a.c, sw)
	a.push(&m)
	return cmd
}

// handleAccountSwitched opens the account a switch opened, dropping the
// company the app showed: the account's last company opens next, or the
// company picker.
func (a *App) handleAccountSwitched(msg accountSwitchedMsg) tea.Cmd {
	if msg.err != nil {
		if a.topIs(screenAccounts) {
			a.updateTop(msg)
		}
		if errors.Is(msg.err, ErrLoginRequired) && msg.apiURL == a.c.env.APIURL {
			return a.handleLoginAnother()
		}
		a.showError("switch account", msg.err)
		return nil
	}
	if a.cancelScope != nil {
		a.cancelScope()
	}
	a.scope, a.cancelScope = scope{}, nil
	if msg.apiURL != a.c.env.APIURL {
		a.c.env = EnvironmentFor(msg.apiURL, false)
	}
	msg.account.Notice = "Switched to " + termsafe.Line(msg.account.Email) + " (" + a.c.env.Name + ")."
	return a.handleLoggedIn(loggedInMsg{account: msg.account, resumed: true})
}

// handleLoginAnother shows the login screen, running, for another account
// of the open environment; the company shown is dropped.
func (a *App) handleLoginAnother() tea.Cmd {
	if a.cancelScope != nil {
		a.cancelScope()
	}
	a.scope, a.cancelScope = scope{}, nil
	l, cmd := newLogin(a.c, loginRunning, "").start()
	a.replace(&l)
	return cmd
}

// handleAccountsMsg handles the accounts picker's messages: the accounts
// listed, an account switched to, a login to another account.
func (a *App) handleAccountsMsg(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case accountsLoadedMsg:
		return a.updateTop(msg), true
	case accountSwitchedMsg:
		return a.handleAccountSwitched(msg), true
	case loginAnotherMsg:
		return a.handleLoginAnother(), true
	}
	return nil, false
}
