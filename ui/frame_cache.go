package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
)

// frameCache keeps the parts of a frame that a cursor move does not change
// (the short help and the status bar) with what they were drawn from, so
// that the frame after a key costs the table's lines and little else.
type frameCache struct {
	help      []key.Help // the short help's enabled keys, as drawn
	helpLine  string
	helpWidth int

	status     statusInputs
	statusLine string
}

// statusInputs is everything the status bar is drawn from.
type statusInputs struct {
	width      int
	env        Environment
	signedIn   bool
	email      string
	company    string
	refreshing bool
	token      TokenState
	now        time.Time // the clock moves on ticks only
}

// statusBar is the status bar, drawn again only when what it shows changed.
func (a *App) statusBar() string {
	in := statusInputs{width: a.width, env: a.c.env, signedIn: a.c.signedIn, email: a.c.account.Email,
		company: a.scope.company.Name, refreshing: a.c.refreshing, token: a.c.token, now: a.c.now}
	if in != a.frames.status || a.frames.statusLine == "" {
		a.frames.status, a.frames.statusLine = in, a.drawStatusBar()
	}
	return a.frames.statusLine
}

// shortHelp is the footer's help line for the screen's keys followed by
// the global ones, drawn again only when the enabled keys or the width
// changed.
func (a *App) shortHelp(screen, global []key.Binding) string {
	f := &a.frames
	if i, ok := f.sameHelp(screen, 0); !ok || !f.sameTail(global, i) || a.width != f.helpWidth || f.helpLine == "" {
		keys := append(append(make([]key.Binding, 0, len(screen)+len(global)), screen...), global...)
		f.help = f.help[:0]
		for _, k := range keys {
			if k.Enabled() {
				f.help = append(f.help, k.Help())
			}
		}
		h := a.help
		h.ShowAll = false
		f.helpLine, f.helpWidth = fitLine(" "+h.ShortHelpView(keys), a.width), a.width
	}
	return f.helpLine
}

// sameHelp reports whether the enabled keys read as the drawn ones from
// the i-th on, and where they end.
func (f *frameCache) sameHelp(keys []key.Binding, i int) (int, bool) {
	for _, k := range keys {
		if !k.Enabled() {
			continue
		}
		if i >= len(f.help) || k.Help() != f.help[i] {
			return i, false
		}
		i++
	}
	return i, true
}

// sameTail is sameHelp for the last keys drawn.
func (f *frameCache) sameTail(keys []key.Binding, i int) bool {
	end, ok := f.sameHelp(keys, i)
	return ok && end == len(f.help)
}

// countsInputs is everything a tab's counts are drawn from.
type countsInputs struct {
	compact, server, loaded, failed, hasTotal, text, loading bool
	items, total, matches, sort                              int
	terms                                                    string // the server filter's terms
}

// header is the browser's first line, drawn again only when the tab, the
// width or the counts changed.
func (m *browserModel) header(counts string) string {
	h := &m.headerDrawn
	if h.line == "" || h.active != m.active || h.width != m.width || h.counts != counts {
		h.active, h.width, h.counts, h.line = m.active, m.width, counts, m.drawHeader(counts)
	}
	return h.line
}
