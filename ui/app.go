// Package ui is hlx's terminal interface: a Bubble Tea root model holding a
// stack of screens (login, company picker, the customers, subscriptions and
// invoices browser, object details, the token panel), a status bar and an
// error banner. All I/O runs in tea.Cmds against the Session and Data
// interfaces of package deps; the explorer's command hands in their real
// implementation (ui/cli/explorer/backend), so this package imports
// neither auth nor config.
package ui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
)

// App is the root model. Its Update routes window sizes and clock ticks to
// whoever needs them, data results to the screens (after dropping results
// for a company that is no longer current) and keys to the screen on top.
type App struct {
	c             *common
	width, height int
	stack         []screen

	scope       scope // the current company; scope.company.ID is "" before one is chosen
	cancelScope context.CancelFunc

	help      help.Model
	showHelp  bool
	global    globalKeys
	forceQuit key.Binding
	banner    banner
	job       *runningJob // the download or export running, nil if none
	ahead     typeAhead   // keys typed while the top screen loads

	// refreshAfter holds automatic refreshes back after one failed.
	refreshAfter time.Time

	// frames caches the short help and the status bar.
	frames frameCache

	// body caches the top screen's view: a clock tick changes the status bar
	// only, so it must not re-render a large table.
	body      string
	bodyValid bool
}

// New builds the app. Nothing runs until the program calls Init.
func New(deps Deps) *App {
	c := &common{
		ctx:        deps.Context,
		session:    deps.Session,
		data:       deps.Data,
		clock:      deps.Now,
		env:        deps.Env,
		demo:       deps.Demo,
		version:    deps.Version,
		styles:     DefaultStyles(),
		timeout:    deps.RequestTimeout,
		debounce:   deps.FilterDebounce,
		copyText:   deps.Clipboard,
		openURL:    deps.OpenURL,
		debug:      deps.Debug,
		saveDir:    deps.SaveDir,
		recent:     deps.Recent,
		links:      ticket.DefaultTemplates().With(deps.LinkTemplates),
		worklists:  deps.Worklists,
		aggregates: deps.Aggregates,
	}
	if c.ctx == nil {
		c.ctx = context.Background()
	}
	if c.clock == nil {
		c.clock = time.Now
	}
	if c.timeout <= 0 {
		c.timeout = 30 * time.Second
	}
	if c.debounce <= 0 {
		c.debounce = 300 * time.Millisecond
	}
	if c.copyText == nil {
		c.copyText = copyOSC52
	}
	c.fmt = formatter{loc: deps.Location}
	if c.fmt.loc == nil {
		c.fmt.loc = time.Local
	}
	c.sched, c.animate = tea.Tick, true
	c.now = c.clock()
	h := help.New()
	h.Styles.ShortKey, h.Styles.FullKey = c.styles.HelpKey, c.styles.HelpKey
	h.Styles.ShortDesc, h.Styles.FullDesc = c.styles.HelpDesc, c.styles.HelpDesc
	h.Styles.ShortSeparator, h.Styles.FullSeparator = c.styles.HelpSep, c.styles.HelpSep
	h.Styles.Ellipsis = c.styles.HelpSep
	a := &App{c: c, help: h, global: newGlobalKeys(), forceQuit: newForceQuitKey()}
	l := newLogin(c, loginResuming, "")
	a.stack = []screen{&l}
	return a
}

// Init resumes the saved session and starts the clock.
func (a *App) Init() tea.Cmd {
	return tea.Batch(resumeSession(a.c.ctx, a.c.session), a.tick(), listenSession(a.c.ctx, a.c.session.Events()))
}

// Update handles one message; see App.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, isTick := msg.(tickMsg); !isTick {
		a.bodyValid = false
	}
	cmd := a.update(msg)
	a.syncGlobalKeys()
	if _, isKey := msg.(tea.KeyMsg); !isKey && len(a.ahead.keys) > 0 {
		cmd = tea.Batch(cmd, a.replayKeys())
	}
	return a, cmd
}

// update routes one message. The order of its checks is the app's contract:
// stale company results go first, then screen changes, then each family of
// messages in the file that owns it, and what no family claims goes to every
// screen of the stack.
func (a *App) update(msg tea.Msg) tea.Cmd {
	// First, before any case can act on it: a result for a company the
	// user has left is never shown nor acted on (a found object would
	// otherwise open under the new company).
	if r, ok := msg.(companyResult); ok && r.resultCompany() != a.scope.company.ID {
		return nil
	}
	if nav, ok := msg.(navMsg); ok {
		// A screen change has landed (keys typed ahead wait for it); what
		// it carries goes through these same checks.
		a.c.navPending = max(a.c.navPending-1, 0)
		return a.update(nav.msg)
	}
	for _, family := range [...]func(tea.Msg) (tea.Cmd, bool){
		a.handleTerminal, a.handleSessionMsg, a.handleAccountsMsg,
		a.handleNavigation, a.handleJobMsg, a.handleBannerMsg,
	} {
		if cmd, handled := family(msg); handled {
			return cmd
		}
	}
	return a.updateAll(msg)
}

// handleTerminal handles what the terminal sends: its size, the clock's
// tick, keys and the mouse.
func (a *App) handleTerminal(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
		return nil, true
	case tickMsg:
		return a.handleTick(), true
	case tea.KeyMsg:
		a.dismissBanner()
		return a.handleKey(msg), true
	case tea.MouseMsg:
		return a.updateTop(msg), true
	}
	return nil, false
}

func (a *App) resize(width, height int) {
	a.width, a.height = width, height
	a.help.Width = width
	for i := range a.stack {
		a.stack[i] = a.stack[i].resize(width, a.bodyHeight())
	}
}

// bodyHeight is the screens' height: everything but the help line and the
// status bar.
func (a *App) bodyHeight() int { return max(a.height-2, 0) }

// tick schedules the next clock tick.
func (a *App) tick() tea.Cmd {
	return a.c.sched(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

func (a *App) handleTick() tea.Cmd {
	a.c.now = a.c.clock()
	if a.c.signedIn {
		a.c.token = a.c.session.Token()
	}
	var cmds []tea.Cmd
	if top := a.top(); top != nil && top.wantsTick() {
		a.bodyValid = false
		cmds = append(cmds, a.updateTop(tickMsg(a.c.now)))
	}
	cmds = append(cmds, a.tick(), a.autoRefresh(), a.releaseStuckNav())
	return tea.Batch(cmds...)
}

// syncGlobalKeys enables the global keys that apply right now, so help shows
// only those.
func (a *App) syncGlobalKeys() {
	// The login screen is always alone at the bottom of the stack; while it
	// shows (the session ended), only a login leads back to the data.
	loggingIn := a.stack[0].screenKind() == screenLogin
	a.global.Companies.SetEnabled(a.c.signedIn && !loggingIn)
	_, switches := a.c.session.(AccountSwitcher)
	a.global.Accounts.SetEnabled(switches && a.c.signedIn && !loggingIn)
	a.global.Token.SetEnabled(a.c.signedIn)
	a.global.Requests.SetEnabled(a.c.debug != nil)
	a.global.GoTo.SetEnabled(a.c.signedIn && !loggingIn && a.scope.company.ID != "")
	a.global.Worklists.SetEnabled(a.c.signedIn && !loggingIn && a.scope.company.ID != "")
	a.global.Cancel.SetEnabled(a.job != nil)
	sel, ok := selection{}, false
	if top := a.top(); top != nil {
		sel, ok = top.selected()
	}
	a.global.Copy.SetEnabled(ok)
	target, hasTarget := selection{}, false
	if top := a.top(); top != nil {
		target, hasTarget = summaryTarget(top)
	}
	a.global.Summary.SetEnabled(hasTarget && summarizable(target) && a.scope.company.ID != "")
	a.global.Open.SetEnabled(ok && a.c.openURL != nil && sel.openURL(a.c.env) != "")
}

// Company is the company the user is browsing, if any. main saves it once
// more after the program ends, so a choice made just before quitting is not
// lost with the command that was saving it.
func (a *App) Company() (hyperline.Company, bool) {
	return a.scope.company, a.scope.company.ID != ""
}
