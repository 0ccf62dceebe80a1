package ui

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// loginState is what the login screen is doing.
type loginState int

const (
	// loginResuming: looking at the saved session at start-up.
	loginResuming loginState = iota
	// loginRunning: the browser flow is under way.
	loginRunning
	// loginFailed: the flow ended in an error; enter retries.
	loginFailed
	// loginIdle: waiting for the user to start (after a logout, or when the
	// session ended mid-way).
	loginIdle
)

// loginModel is the login screen. It drives Session.Login in a command and
// shows its progress: the URL (with keys to copy and open it), a spinner
// while the browser is out, then the exchange and the company list.
type loginModel struct {
	c       *common
	keys    loginKeys
	spinner spinner.Model

	state   loginState
	stage   LoginStage
	url     string
	note    string // a sentence from the flow, or why the screen is shown
	failure string // the error in plain words, in loginFailed
	attempt uint64 // the running flow; progress from older ones is dropped
	cancel  context.CancelFunc

	width, height int
}

// loginProgressMsg is a step of the running flow; next waits for the one after.
type loginProgressMsg struct {
	attempt  uint64
	progress LoginProgress
	next     tea.Cmd
}

// loginDoneMsg ends a flow.
type loginDoneMsg struct {
	attempt uint64
	account Account
	err     error
}

func newLogin(c *common, state loginState, note string) loginModel {
	m := loginModel{
		c:       c,
		keys:    newLoginKeys(),
		spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(c.styles.Spinner)),
		state:   state,
		note:    termsafe.Block(note),
	}
	m.syncKeys()
	return m
}

// start begins a new browser flow, abandoning any running one.
func (m loginModel) start() (loginModel, tea.Cmd) {
	if m.cancel != nil {
		m.cancel()
	}
	ctx, cancel := context.WithCancel(m.c.ctx)
	m.cancel = cancel
	m.attempt = m.c.nextID()
	m.state, m.stage, m.url, m.failure, m.note = loginRunning, LoginStarting, "", "", ""
	m.syncKeys()
	return m, tea.Batch(runLogin(ctx, m.c.session, m.attempt), m.spin())
}

// runLogin runs Session.Login in its own goroutine and turns its progress
// reports into messages, one command per message.
func runLogin(ctx context.Context, s Session, attempt uint64) tea.Cmd {
	return func() tea.Msg {
		events := make(chan tea.Msg)
		go func() {
			defer close(events)
			acct, err := s.Login(ctx, func(p LoginProgress) {
				select {
				case events <- loginProgressMsg{attempt: attempt, progress: p}:
				case <-ctx.Done():
				}
			})
			select {
			case events <- loginDoneMsg{attempt: attempt, account: acct, err: err}:
			case <-ctx.Done():
			}
		}()
		return waitLogin(events)()
	}
}

// waitLogin delivers the flow's next message.
func waitLogin(events <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-events
		if !ok {
			return nil
		}
		if p, isProgress := msg.(loginProgressMsg); isProgress {
			p.next = waitLogin(events)
			return p
		}
		return msg
	}
}

func (m loginModel) update(msg tea.Msg) (loginModel, tea.Cmd) {
	switch msg := msg.(type) {
	case loginProgressMsg:
		if msg.attempt != m.attempt || m.state != loginRunning {
			return m, nil
		}
		m.stage = msg.progress.Stage
		if msg.progress.URL != "" {
			m.url = termsafe.Line(msg.progress.URL)
		}
		if msg.progress.Note != "" {
			m.note = termsafe.Block(msg.progress.Note)
		}
		m.syncKeys()
		return m, msg.next
	case loginDoneMsg:
		if msg.attempt != m.attempt || m.state != loginRunning {
			return m, nil
		}
		m.cancel()
		if msg.err != nil {
			m.state, m.failure = loginFailed, termsafe.Block(plainError(msg.err))
			m.syncKeys()
			return m, nil
		}
		return m, emit(loggedInMsg{account: msg.account})
	case spinner.TickMsg:
		if m.state != loginRunning && m.state != loginResuming {
			return m, nil // let the spinner stop
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		if !m.c.animate {
			cmd = nil
		}
		return m, cmd
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m loginModel) handleKey(msg tea.KeyMsg) (loginModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Retry):
		return m.start()
	case key.Matches(msg, m.keys.CopyURL):
		return m, copyCmd(m.c.copyText, m.url)
	case key.Matches(msg, m.keys.OpenBrowser):
		return m, openCmd(m.c.openURL, m.url)
	}
	return m, nil
}

// spin starts the spinner (unless animation is off, as in tests).
func (m loginModel) spin() tea.Cmd {
	if !m.c.animate {
		return nil
	}
	return m.spinner.Tick
}

func (m *loginModel) syncKeys() {
	m.keys.Retry.SetEnabled(m.state == loginFailed || m.state == loginIdle)
	if m.state == loginFailed {
		m.keys.Retry.SetHelp("enter", "try again")
	} else {
		m.keys.Retry.SetHelp("enter", "log in")
	}
	hasURL := m.state == loginRunning && m.url != ""
	m.keys.CopyURL.SetEnabled(hasURL)
	m.keys.OpenBrowser.SetEnabled(hasURL && m.c.openURL != nil)
}

func (m loginModel) view() string {
	st := m.c.styles
	width := max(m.width-4, 20)
	var b strings.Builder
	b.WriteString(st.Title.Render("hlx") + st.Muted.Render(" · Hyperline account explorer") + "\n\n")
	target := m.c.env.Name
	if m.c.env.APIURL != "" && m.c.env.APIURL != target {
		target += " (" + m.c.env.APIURL + ")"
	}
	switch m.state {
	case loginResuming:
		b.WriteString("  " + m.spinner.View() + " Opening the saved session…\n")
		return b.String()
	case loginIdle:
		b.WriteString("  " + st.Text.Render("Log in to "+target+" in your browser.") + "\n\n")
		if m.note != "" {
			b.WriteString(indent(ansi.Wordwrap(m.note, width, ""), "  ") + "\n\n")
		}
		b.WriteString("  Press " + st.Key.Render("enter") + " to log in, " + st.Key.Render("q") + " to quit.\n")
		return b.String()
	case loginFailed:
		b.WriteString("  " + st.Bad.Render("✗ Login failed") + "\n\n")
		b.WriteString(indent(ansi.Wordwrap(m.failure, width, ""), "  ") + "\n\n")
		b.WriteString("  Press " + st.Key.Render("enter") + " to try again, " + st.Key.Render("q") + " to quit.\n")
		return b.String()
	}
	b.WriteString("  " + st.Text.Render("Logging in to "+target) + "\n\n")
	b.WriteString(m.stepsView())
	if m.note != "" {
		b.WriteString("\n" + indent(ansi.Wordwrap(st.Info.Render(m.note), width, ""), "  ") + "\n")
	}
	if m.url != "" && m.stage == LoginWaiting {
		b.WriteString("\n  " + st.Muted.Render("Login address (open it in any browser):") + "\n")
		b.WriteString(indent(st.Link.Render(ansi.Hardwrap(m.url, width, false)), "  ") + "\n")
		hint := "  Press " + st.Key.Render("y") + " to copy it"
		if m.c.openURL != nil {
			hint += ", " + st.Key.Render("o") + " to open it in your browser"
		}
		b.WriteString(hint + ".\n")
	}
	return b.String()
}

// stepsView lists the flow's steps: done, running (spinner) or to come.
func (m loginModel) stepsView() string {
	st := m.c.styles
	steps := []struct {
		stage LoginStage
		text  string
	}{
		{LoginStarting, "Start the login"},
		{LoginWaiting, "Approve hlx in the browser"},
		{LoginExchanging, "Exchange the code for tokens"},
		{LoginLoadingCompanies, "Load your account and companies"},
	}
	var b strings.Builder
	for _, s := range steps {
		switch {
		case s.stage < m.stage:
			b.WriteString("  " + st.Good.Render("✓") + " " + st.Muted.Render(s.text) + "\n")
		case s.stage == m.stage:
			b.WriteString("  " + m.spinner.View() + " " + st.Text.Render(s.text+"…") + "\n")
		default:
			b.WriteString("  " + st.Muted.Render("· "+s.text) + "\n")
		}
	}
	return b.String()
}

// indent prefixes every line of s.
func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

// The screen interface.

func (m *loginModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *loginModel) resize(w, h int) screen {
	m.width, m.height = w, h
	return m
}

// close abandons a running flow (its loopback listener stops waiting).
func (m *loginModel) close() {
	if m.cancel != nil {
		m.cancel()
	}
}

func (m loginModel) keyMap() help.KeyMap         { return m.keys }
func (m loginModel) capturing() bool             { return false }
func (m loginModel) selected() (selection, bool) { return selection{}, false }
func (m loginModel) wantsTick() bool             { return false }
func (m loginModel) screenKind() screenKind      { return screenLogin }
