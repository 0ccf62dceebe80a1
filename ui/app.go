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
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
	"github.com/hyperline-tui/hlx/ui/deps"
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

func (a *App) update(msg tea.Msg) tea.Cmd {
	// First, before any case can act on it: a result for a company the
	// user has left is never shown nor acted on (a found object would
	// otherwise open under the new company).
	if r, ok := msg.(companyResult); ok && r.resultCompany() != a.scope.company.ID {
		return nil
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
		return nil
	case tickMsg:
		return a.handleTick()
	case tea.KeyMsg:
		a.dismissBanner()
		return a.handleKey(msg)
	case tea.MouseMsg:
		return a.updateTop(msg)
	case navMsg:
		a.c.navPending = max(a.c.navPending-1, 0)
		return a.update(msg.msg)
	case sessionEventMsg:
		return a.handleSessionEvent(SessionEvent(msg))
	case resumedMsg:
		return a.handleResumed(msg)
	case loggedInMsg:
		return a.handleLoggedIn(msg)
	case loggedOutMsg:
		return a.handleLoggedOut(msg)
	case tokenRefreshedMsg:
		return a.handleRefreshed(msg)
	case refreshNowMsg:
		if a.c.refreshing {
			return nil
		}
		a.c.refreshing = true
		return refreshToken(a.c.ctx, a.c.session, a.c.timeout, a.c.sessionID, false)
	case companyChosenMsg:
		return a.switchCompany(msg.company)
	case startJobMsg:
		return a.startJob(msg)
	case jumpMsg:
		return a.jump(msg)
	case openOverviewMsg:
		if a.scope.company.ID == "" {
			return nil
		}
		o, cmd := newOverview(a.c, a.scope)
		a.push(&o)
		return cmd
	case jobUpdateMsg:
		return a.handleJobUpdate(msg)
	case openPickerMsg:
		return a.openPicker()
	case accountsLoadedMsg:
		return a.updateTop(msg)
	case accountSwitchedMsg:
		return a.handleAccountSwitched(msg)
	case loginAnotherMsg:
		return a.handleLoginAnother()
	case openListMsg:
		return a.openList(msg)
	case openFilterPickerMsg:
		p := newFilterPicker(a.c, msg)
		a.push(&p)
		return nil
	case openDetailMsg:
		return a.openDetail(msg)
	case openWorklistMsg:
		return a.openWorklistRows(msg)
	case openFoundMsg:
		return a.openDetail(msg.openDetailMsg)
	case popScreenMsg:
		a.pop()
		return nil
	case openSummaryMsg:
		sm := newSummaryScreen(a.c, msg.title, msg.text)
		a.push(&sm)
		return nil
	case ticketLoadedMsg:
		return a.handleTicketLoaded(msg)
	case errMsg:
		return a.handleError(msg)
	case resolvedMsg:
		a.resolveBanner(msg)
		return nil
	case noticeMsg:
		return a.showNotice(string(msg))
	case bannerExpiredMsg:
		a.expireBanner(msg)
		return nil
	}
	return a.updateAll(msg)
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

// autoRefresh refreshes the access token shortly before it expires, so the
// countdown never runs out while the app sits idle.
func (a *App) autoRefresh() tea.Cmd {
	t := a.c.token
	if !a.c.signedIn || !t.HasRefreshToken || a.c.refreshing || t.ExpiresAt.IsZero() {
		return nil
	}
	if a.c.now.Before(a.refreshAfter) || t.ExpiresAt.Sub(a.c.now) > refreshLead(t) {
		return nil
	}
	a.c.refreshing = true
	return refreshToken(a.c.ctx, a.c.session, a.c.timeout, a.c.sessionID, true)
}

func (a *App) handleSessionEvent(ev SessionEvent) tea.Cmd {
	next := listenSession(a.c.ctx, a.c.session.Events())
	if !a.c.signedIn {
		return next // the token source of a login that has ended
	}
	switch ev.Kind {
	case RefreshStarted:
		a.c.refreshing = true
	case Refreshed:
		a.c.refreshing = false
		a.c.token = ev.Token
	case RefreshFailed:
		a.c.refreshing = false
		a.showError("refresh the access token", ev.Err)
	case LoginRequiredEvent:
		a.c.refreshing = false
		return tea.Batch(next, a.requireLogin(ev.Err))
	}
	return next
}

func (a *App) handleRefreshed(msg tokenRefreshedMsg) tea.Cmd {
	if msg.session != a.c.sessionID {
		return nil // asked before a logout or a new login
	}
	a.c.refreshing = false
	if msg.err != nil {
		if errors.Is(msg.err, ErrLoginRequired) {
			return a.requireLogin(msg.err)
		}
		a.refreshAfter = a.c.now.Add(30 * time.Second)
		if errors.Is(msg.err, deps.ErrSessionNotSaved) {
			a.c.token = msg.token // in use now, though it could not be saved
			a.showError("save the refreshed token", msg.err)
			return nil
		}
		a.showError("refresh the access token", msg.err)
		return nil
	}
	a.c.token = msg.token
	if !msg.auto {
		return a.showNotice("Access token refreshed.")
	}
	return nil
}

func (a *App) handleError(msg errMsg) tea.Cmd {
	if errors.Is(msg.err, ErrLoginRequired) {
		return a.requireLogin(msg.err)
	}
	if errors.Is(msg.err, context.Canceled) {
		return nil // a request the user left behind
	}
	a.showError(msg.what, msg.err)
	return nil
}

// requireLogin shows the login screen, keeping the account's company so the
// next login lands where the user was.
func (a *App) requireLogin(err error) tea.Cmd {
	if a.topIs(screenLogin) {
		return nil
	}
	note := "Your session has ended. Log in again to continue where you were."
	if err != nil && !errors.Is(err, ErrLoginRequired) {
		note = plainError(err)
	}
	// Every request of the company would fail now; the company itself is
	// kept for the next login.
	if a.cancelScope != nil {
		a.cancelScope()
	}
	l := newLogin(a.c, loginIdle, note)
	a.replace(&l)
	return nil
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
