package ui

import (
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Keys typed ahead. A fast typist (or a paste of keys, or tmux send-keys)
// presses `0 ↓ ↓ → ⏎` before the overview's counts have arrived; the
// arrows then moved nothing and enter opened nothing, and the keys were
// lost. The root model keeps such keys for the screen that is loading, in
// a bounded queue, and replays them in order once its data is there: the
// same keys then do what they would have done a moment later. Leaving the
// screen (esc, or a key that opens another: c, :, t) drops them with it.
// Keys typed before a screen change lands (navigate) wait for the screen
// it leads to.

// typeAheadMax bounds the keys kept for a loading screen; more are dropped
// and the banner says so.
const typeAheadMax = 64

// loader is a screen that can be waiting for the data its keys act on.
type loader interface {
	// awaitingData is true while keys typed now would act on nothing:
	// the first data of the screen has not arrived.
	awaitingData() bool
}

// typeAhead is the keys waiting for one screen.
type typeAhead struct {
	owner   screen // the screen they were typed at
	keys    []tea.KeyMsg
	dropped int // keys beyond typeAheadMax
	// heldAt is when keys began to wait for a screen change; one that
	// never lands (a bug) must not hold the keyboard: see releaseStuckNav.
	heldAt time.Time
}

// navStuckAfter is how long keys wait for a screen change before the
// root stops waiting for it (screen changes land within a frame).
const navStuckAfter = 2 * time.Second

// releaseStuckNav gives up waiting for screen changes that did not land
// in navStuckAfter, so a lost one costs a moment, never the keyboard.
func (a *App) releaseStuckNav() tea.Cmd {
	if a.c.navPending == 0 || len(a.ahead.keys) == 0 || a.ahead.heldAt.IsZero() ||
		a.c.clock().Sub(a.ahead.heldAt) < navStuckAfter {
		return nil
	}
	a.c.navPending = 0
	return a.replayKeys()
}

// awaitingData reports whether s is a screen waiting for its data.
func awaitingData(s screen) bool {
	l, ok := s.(loader)
	return ok && l.awaitingData()
}

// holdKey keeps msg for the top screen when it is still loading (or keys
// already wait for it, to keep their order), or for the screen a screen
// change on its way leads to (owner nil until it arrives). esc does not
// wait for a loading screen: it leaves or clears, and the keys go with
// the screen. ctrl+c is handled before.
func (a *App) holdKey(top screen, msg tea.KeyMsg) bool {
	if a.c.navPending > 0 {
		if len(a.ahead.keys) == 0 {
			a.ahead = typeAhead{}
		}
		if a.ahead.heldAt.IsZero() {
			a.ahead.heldAt = a.c.clock()
		}
		a.ahead.owner = nil
		return a.keep(msg)
	}
	if msg.Type == tea.KeyEsc {
		if !a.showHelp { // esc on the help closes the help only
			a.ahead = typeAhead{}
		}
		return false
	}
	waiting := len(a.ahead.keys) > 0 && a.ahead.owner == top
	if !waiting && !awaitingData(top) {
		return false
	}
	if !top.capturing() && (msg.String() == "q" || msg.String() == "?") {
		return false // quitting and help never wait
	}
	if !top.capturing() && a.leavesScreen(msg) {
		a.ahead = typeAhead{} // the user goes elsewhere: the keys go too
		return false
	}
	if a.ahead.owner != top {
		a.ahead = typeAhead{owner: top}
	}
	return a.keep(msg)
}

// leavesScreen reports the global keys that open another screen over a
// slow one (companies, accounts, go-to, token, requests): they act at
// once, like esc, rather than wait for data the user is leaving.
func (a *App) leavesScreen(msg tea.KeyMsg) bool {
	k := spelt(msg.String())
	g := a.global
	return key.Matches(k, g.Companies, g.Accounts, g.GoTo, g.Token, g.Requests)
}

// keep adds msg to the kept keys, or counts it dropped past the bound.
func (a *App) keep(msg tea.KeyMsg) bool {
	if len(a.ahead.keys) >= typeAheadMax {
		a.ahead.dropped++
		return true
	}
	a.ahead.keys = append(a.ahead.keys, msg)
	return true
}

// replayKeys gives the kept keys to their screen once its data is there,
// in order; a key that makes a screen load again (a tab switch, enter on
// a row) keeps the rest for that screen. Keys whose screen is no longer
// on top are dropped: the user left it.
func (a *App) replayKeys() tea.Cmd {
	if len(a.ahead.keys) == 0 || a.c.navPending > 0 {
		return nil
	}
	top := a.top()
	if a.ahead.owner == nil {
		a.ahead.owner = top // the screen the change led to
	}
	if top != a.ahead.owner {
		a.ahead = typeAhead{}
		return nil
	}
	if awaitingData(top) {
		return nil
	}
	ahead := a.ahead
	a.ahead = typeAhead{}
	cmds := make([]tea.Cmd, 0, len(ahead.keys)+1)
	for _, k := range ahead.keys {
		cmds = append(cmds, a.handleKey(k))
		a.syncGlobalKeys()
	}
	if ahead.dropped > 0 {
		cmds = append(cmds, a.showNotice(strconv.Itoa(ahead.dropped)+" keys typed while the screen loaded were too many to keep and were dropped."))
	}
	return tea.Batch(cmds...)
}

// awaitingData: the overview waits for its counts (the arrows move over
// them, enter opens one).
func (m *overviewModel) awaitingData() bool { return m.counts == nil && m.countsErr == "" }

// awaitingData: a tab waits for its first page.
func (m *browserModel) awaitingData() bool { return m.tab().awaitingFirstPage() }

// awaitingFirstPage is true while the rows shown are not there yet.
func (m *listModel[T]) awaitingFirstPage() bool {
	l := m.shown()
	return !l.loaded && l.reqID != 0
}

// awaitingData: a detail waits for its object when it was opened without
// one (by id, from go-to), and an invoice for its payments.
func (m *detailModel) awaitingData() bool { return m.reqID != 0 && len(m.fields) == 0 }

// awaitingData: the picker waits for the companies when it knows none.
func (m *pickerModel) awaitingData() bool { return len(m.companies) == 0 && m.reqID != 0 }

// awaitingData: the go-to prompt waits for its lookup, so `↓ ⏎` typed
// after the query choose among the candidates it finds.
func (m *gotoModel) awaitingData() bool { return m.reqID != 0 }
