package ui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// common is what every screen shares: the dependencies, the styles and the
// session-wide state the root model keeps up to date. Only the root model
// writes to it, and only from Update, so screens may read it in View.
type common struct {
	ctx      context.Context
	session  Session
	data     Data
	clock    func() time.Time
	env      Environment
	demo     bool
	version  string
	styles   Styles
	fmt      formatter
	timeout  time.Duration
	debounce time.Duration
	copyText func(string) error
	openURL  func(string) error
	debug    *DebugLog
	saveDir  string
	recent   RecentJumps
	links    ticket.Templates
	// aggregates caches costly figures for the day (nil: none).
	aggregates AggregateCache
	// worklists are what `w` counts (nil: the built-in ones).
	worklists []worklist.Worklist
	// sched makes the timed commands (the clock, the filter's debounce);
	// animate runs the spinner. Tests replace them to run without waiting.
	sched   func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	animate bool

	// Session-wide state, kept by the root model.
	now      time.Time // the clock at the last tick or event
	signedIn bool
	// sessionID names the login the app is in; a new login or a logout
	// changes it, so a token refresh answered afterwards is dropped.
	sessionID  uint64
	account    Account
	token      TokenState
	refreshing bool

	lastID uint64 // request ids; unique for the app's life

	// navPending counts the screen changes asked for (navigate) and not yet
	// made: keys typed meanwhile wait for the screen they lead to. Screens
	// add to it (the one write to common that is not the root's, made in
	// Update, on the same goroutine); the root subtracts.
	navPending int
}

// navMsg carries a screen change a screen asked for (open, close, switch).
type navMsg struct{ msg tea.Msg }

// navigate asks the root model for a screen change (opening a detail,
// closing the screen, switching company). It arrives as a message, like
// any other, but the keys typed before it arrives wait for it: they were
// typed at the screen it leads to.
func (c *common) navigate(msg tea.Msg) tea.Cmd {
	c.navPending++
	return emit(navMsg{msg})
}

// nextID returns a new request id. Ids are never reused, so a result can
// always be matched to the one request a screen is waiting for.
func (c *common) nextID() uint64 {
	c.lastID++
	return c.lastID
}

// scope is one company's view of the data: its requests share a context that
// is cancelled when the user switches to another company.
type scope struct {
	company hyperline.Company
	ctx     context.Context
}

// resultTag is carried by every data message: which request it answers and
// for which company. The root model drops results for another company; a
// screen drops results for a request it no longer waits for.
type resultTag struct {
	reqID   uint64
	company string
}

func (t resultTag) resultCompany() string { return t.company }

// companyResult is implemented by every message answering a company-scoped
// request.
type companyResult interface{ resultCompany() string }

// request runs fn with a timeout derived from ctx and turns its outcome into a
// message; it is the body of every data command.
func request[T any](ctx context.Context, timeout time.Duration, fn func(context.Context) (T, error), done func(T, error) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		v, err := fn(rctx)
		return done(v, err)
	}
}

// Messages shared by the screens and the root model, named for what happened.
type (
	// tickMsg is the once-a-second clock.
	tickMsg time.Time
	// errMsg is a failure to show in the banner.
	errMsg struct {
		what string
		err  error
	}
	// resolvedMsg says an action that may have failed before (the errMsg
	// with the same what) has now succeeded, so its error banner goes.
	resolvedMsg struct{ what string }
	// noticeMsg is a sentence to show in the banner.
	noticeMsg string
	// sessionEventMsg is a report from the token source.
	sessionEventMsg SessionEvent
	// popScreenMsg closes the screen on top.
	popScreenMsg struct{}
	// openPickerMsg opens the company picker.
	openPickerMsg struct{}
	// companyChosenMsg switches every view to a company.
	companyChosenMsg struct{ company hyperline.Company }
	// openDetailMsg opens an object's detail; item is the object as listed
	// (shown at once while the full object loads).
	openDetailMsg struct {
		kind objectKind
		id   string
		item any
	}
	// loggedInMsg is a finished login or a resumed session.
	loggedInMsg struct {
		account Account
		resumed bool
	}
	// loggedOutMsg is a finished logout; err says revocation failed.
	loggedOutMsg struct{ err error }
	// tokenRefreshedMsg answers a refresh the UI asked for during the
	// login named session.
	tokenRefreshedMsg struct {
		session uint64
		token   TokenState
		err     error
		auto    bool
	}
)

// emit returns a command delivering msg.
func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// selection is the object under the cursor, for `y` and `o`: the row the
// cursor is on, or the object the screen shows when no row has the keys.
type selection struct {
	kind objectKind
	id   string
	// label is how people name the object ("INV-1001", "Acme Tools"),
	// "" when only its id names it; the copy notice says it.
	label string
	// url is the object's own page when it has one (an invoice's public
	// page); o opens it, else the dashboard's page of the object.
	url string
}

// what names the selection for a notice: "invoice INV-1001".
func (s selection) what() string {
	if s.label == "" || s.label == s.id {
		return s.kind.String()
	}
	return s.kind.String() + " " + termsafe.Line(s.label)
}

// whyNoPage says why o has no page to open for the selection.
func (s selection) whyNoPage(env Environment) string {
	switch {
	case s.kind == kindCustomer && env.Dashboard == "" && env.Kind == EnvSimulator:
		return "The simulator has no dashboard, so o has no page to open; y copies the id."
	case s.kind == kindCustomer && env.Dashboard == "":
		return "The " + env.Name + " dashboard's address is not documented, so o cannot open it; y copies the id."
	case s.kind == kindInvoice:
		return "This invoice has no public page (drafts have none); y copies its id."
	}
	return "Hyperline documents no web page for a " + s.kind.String() + "; y copies its id."
}

// openURL is the page o opens for the selection, "" when none is known.
func (s selection) openURL(env Environment) string {
	if s.url != "" {
		return s.url
	}
	return env.dashboardURL(s.kind, s.id)
}

// screen is one level of the stack. Each concrete screen has an update method
// returning its own type; updateScreen only adapts it for the stack.
type screen interface {
	updateScreen(msg tea.Msg) (screen, tea.Cmd)
	// view renders exactly the size last set.
	view() string
	resize(width, height int) screen
	keyMap() help.KeyMap
	// capturing is true while the screen takes typed text: the global keys
	// are off then (ctrl+c still quits).
	capturing() bool
	// selected is the object under the cursor, if any.
	selected() (selection, bool)
	// wantsTick says whether the screen shows something the clock changes.
	wantsTick() bool
	// screenKind says which screen it is (see stack.go).
	screenKind() screenKind
}
