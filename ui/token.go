package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// tokenModel is the token panel: when the access token expires (with a live
// countdown), when it was issued and last refreshed, whether a refresh token
// is held, the environment and the account; r refreshes now and L logs out
// after a confirmation. It never shows a token.
type tokenModel struct {
	c          *common
	sc         scope
	keys       tokenKeys
	confirming bool
	loggingOut bool

	width, height int
}

// refreshNowMsg asks the root model for a refresh (it tracks the one in flight).
type refreshNowMsg struct{}

func newTokenPanel(c *common, sc scope) tokenModel {
	m := tokenModel{c: c, sc: sc, keys: newTokenKeys()}
	m.syncKeys()
	return m
}

func (m tokenModel) update(msg tea.Msg) (tokenModel, tea.Cmd) {
	kmsg, ok := msg.(tea.KeyMsg)
	if !ok || m.loggingOut {
		return m, nil
	}
	if m.confirming {
		switch {
		case key.Matches(kmsg, m.keys.Confirm):
			m.confirming, m.loggingOut = false, true
			m.syncKeys()
			return m, logout(m.c.ctx, m.c.session, m.c.timeout)
		case key.Matches(kmsg, m.keys.Cancel):
			m.confirming = false
			m.syncKeys()
		}
		return m, nil
	}
	switch {
	case key.Matches(kmsg, m.keys.Refresh):
		return m, emit(refreshNowMsg{})
	case key.Matches(kmsg, m.keys.Logout):
		m.confirming = true
		m.syncKeys()
	case key.Matches(kmsg, m.keys.Close):
		return m, m.c.navigate(popScreenMsg{})
	}
	return m, nil
}

func (m *tokenModel) syncKeys() {
	m.keys.Confirm.SetEnabled(m.confirming)
	m.keys.Cancel.SetEnabled(m.confirming)
	m.keys.Refresh.SetEnabled(!m.confirming && !m.loggingOut && m.c.token.HasRefreshToken)
	m.keys.Logout.SetEnabled(!m.confirming && !m.loggingOut)
	m.keys.Close.SetEnabled(!m.confirming)
}

func (m tokenModel) view() string {
	st := m.c.styles
	f, t, now := m.c.fmt, m.c.token, m.c.now
	row := func(label, value string) string {
		return "   " + st.Label.Render(fitLine(label, 16)) + " " + value + "\n"
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(" hlx ") + st.Heading.Render("Access token") + "\n\n")

	left := t.ExpiresAt.Sub(now)
	countdownStyle := st.Good
	switch {
	case t.ExpiresAt.IsZero():
	case left <= 0:
		countdownStyle = st.Bad
	case left < warnBefore(t):
		countdownStyle = st.Warn
	}
	expires := "—"
	if !t.ExpiresAt.IsZero() {
		expires = f.timeOfDay(t.ExpiresAt) + "   " + countdownStyle.Render(countdown(left))
		if m.c.refreshing {
			expires += st.Info.Render("   refreshing…")
		}
	}
	b.WriteString(row("Expires", expires))
	b.WriteString(row("Issued", f.timeOfDay(t.IssuedAt)))
	refreshed := "never"
	if !t.RefreshedAt.IsZero() {
		refreshed = f.timeOfDay(t.RefreshedAt)
	}
	b.WriteString(row("Last refreshed", refreshed))
	held := st.Warn.Render("none — log in again when the access token expires")
	if t.HasRefreshToken {
		held = st.Good.Render("held") + st.Muted.Render(" · refreshed automatically "+countdown(refreshLead(t))+" before expiry")
	}
	b.WriteString(row("Refresh token", held))

	b.WriteString("\n" + st.Heading.Render(" Session") + "\n\n")
	env := m.c.env.Name
	if m.c.env.APIURL != "" && m.c.env.APIURL != env {
		env += "  " + st.Muted.Render(m.c.env.APIURL)
	}
	b.WriteString(row("Environment", env))
	account := termsafe.Line(m.c.account.Email)
	if m.c.account.Name != "" {
		account += st.Muted.Render(" (" + termsafe.Line(m.c.account.Name) + ")")
	}
	b.WriteString(row("Account", account))
	if t.Client != "" {
		b.WriteString(row("Client", termsafe.Line(t.Client)))
	}
	company := "—"
	if m.sc.company.ID != "" {
		company = termsafe.Line(m.sc.company.Name) + st.Muted.Render(" ("+termsafe.Line(m.sc.company.ID)+")")
	}
	b.WriteString(row("Company", company))
	if m.c.version != "" {
		b.WriteString(row("hlx", m.c.version))
	}
	b.WriteString("\n")
	switch {
	case m.loggingOut:
		b.WriteString("   " + st.Info.Render("Logging out…") + "\n")
	case m.confirming:
		b.WriteString(st.Dialog.Render("Log out of "+termsafe.Line(m.c.account.Email)+"?\n"+
			"This asks the server to revoke the refresh token and deletes the local tokens.\n"+
			st.Key.Render("y")+" log out   "+st.Key.Render("n")+" cancel") + "\n")
	default:
		b.WriteString("   " + st.Key.Render("r") + " refresh now   " + st.Key.Render("L") + " log out   " +
			st.Key.Render("esc") + " close\n")
	}
	return b.String()
}

// The screen interface.

func (m *tokenModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *tokenModel) resize(w, h int) screen {
	m.width, m.height = w, h
	return m
}

func (m tokenModel) keyMap() help.KeyMap         { return m.keys }
func (m tokenModel) capturing() bool             { return m.confirming }
func (m tokenModel) selected() (selection, bool) { return selection{}, false }
func (m tokenModel) wantsTick() bool             { return true }
func (m tokenModel) screenKind() screenKind      { return screenToken }
