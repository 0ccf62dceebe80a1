package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// View draws the screen on top, then the banner (one line, or a few over
// the bottom of the screen) or the short help, then the status bar. The full
// help (`?`) covers the bottom of the screen instead of resizing it. Every
// frame is exactly the terminal's size.
func (a *App) View() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	footer := a.footer()
	// A banner of several lines covers the bottom of the body for a while;
	// the full help goes above it.
	body := dropLastLines(a.bodyView(), strings.Count(footer, "\n"))
	var frame string
	if body != "" { // "" is no line at all: the body has no room or the banner covers it
		if a.showHelp {
			body = a.overlayHelp(body)
		}
		frame = body + "\n" + footer + "\n" + a.statusBar() // one copy, not two
	} else {
		frame = footer + "\n" + a.statusBar()
	}
	// Under three lines the status bar comes first, then the footer: a
	// frame taller than the terminal would scroll and lose its bottom.
	return lastLines(frame, a.height)
}

// lastLines keeps the last n lines of s.
func lastLines(s string, n int) string {
	i := len(s)
	for ; n > 0 && i >= 0; n-- {
		i = strings.LastIndexByte(s[:i], '\n')
	}
	if i < 0 {
		return s
	}
	return s[i+1:]
}

// dropLastLines cuts the last n lines of s, without splitting it.
func dropLastLines(s string, n int) string {
	for ; n > 0; n-- {
		i := strings.LastIndexByte(s, '\n')
		if i < 0 {
			return ""
		}
		s = s[:i]
	}
	return s
}

// bodyView renders the top screen, reusing the last render when only the
// clock changed.
func (a *App) bodyView() string {
	if !a.bodyValid {
		h := a.bodyHeight()
		top := a.top()
		switch exact, _ := top.(exactSizer); {
		case exact != nil && h > 0 && exact.exactSize():
			a.body = top.view() // already width × height: skip measuring every line
		case top != nil && h > 0:
			a.body = fitBlock(top.view(), a.width, h)
		default:
			a.body = fitBlock("", a.width, h)
		}
		a.bodyValid = true
	}
	return a.body
}

// exactSizer is a screen whose view is always exactly its size.
type exactSizer interface{ exactSize() bool }

// helpKeys is what `?` explains: the top screen's keys and the global ones.
func (a *App) helpKeys() combinedKeys {
	k := combinedKeys{global: a.global, screen: a.global}
	if top := a.top(); top != nil {
		k.screen = top.keyMap()
		if top.capturing() {
			// Typed keys go to the screen: only ctrl+c is global then,
			// and not worth the room when the screen shows its own quit.
			fq := a.forceQuit
			if q, ok := top.(interface{ quitShown() bool }); ok && q.quitShown() {
				fq.SetEnabled(false)
			}
			k.global = singleKey{fq}
			if h, ok := top.(helpKeyFree); ok && h.helpKeyFree() {
				k.global = someKeys{a.global.Help, fq}
			}
		}
	}
	return k
}

func (a *App) overlayHelp(body string) string {
	full := a.fullHelp()
	title := a.c.styles.Heading.Render("Keys") + a.c.styles.Muted.Render("  (? or esc to close)")
	block := strings.Split(title+"\n"+full, "\n")
	lines := strings.Split(body, "\n")
	start := max(len(lines)-len(block)-1, 0)
	lines[start] = strings.Repeat("─", a.width)
	for i, l := range block {
		if start+1+i < len(lines) {
			lines[start+1+i] = fitLine(l, a.width)
		}
	}
	return strings.Join(lines, "\n")
}

// fullHelp lays the key groups out in as many columns as fit the width,
// wrapping to more rows on narrow terminals (bubbles' help would cut them).
func (a *App) fullHelp() string {
	h := a.help
	h.Width = 0
	var rows, row []string
	width := 0
	for _, group := range a.helpKeys().FullHelp() {
		col := h.FullHelpView([][]key.Binding{group})
		if col == "" {
			continue
		}
		w := lipgloss.Width(col)
		if len(row) > 0 && width+3+w > a.width-1 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, width = nil, 0
		}
		if len(row) > 0 {
			row = append(row, "   ")
			width += 3
		}
		row = append(row, col)
		width += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Join(rows, "\n")
}

// footer is the banner when there is one, else the short help.
func (a *App) footer() string {
	if a.banner.text != "" {
		return a.bannerView()
	}
	if a.job != nil {
		return a.jobLine()
	}
	k := a.helpKeys()
	return a.shortHelp(k.screen.ShortHelp(), k.global.ShortHelp())
}

// drawStatusBar shows the environment, the account, the company and the
// access token's countdown. It is the only part a clock tick redraws (see
// statusBar).
func (a *App) drawStatusBar() string {
	st := a.c.styles
	env := st.EnvCustom
	switch a.c.env.Kind {
	case EnvProduction:
		env = st.EnvProduction
	case EnvSandbox:
		env = st.EnvSandbox
	case EnvSimulator:
		env = st.EnvSimulator
	}
	envName := a.c.env.Name
	if envName == "" {
		envName = "custom"
	}
	label := strings.ToUpper(envName)
	if a.c.env.Kind == EnvProduction {
		label = "⚠ " + label // live customers' data: told apart without colour too
	}
	left := env.Render(" " + label + " ")
	right := a.countdownView()
	var parts []string
	// Each part is sanitised alone: the plain ASCII ones cost nothing, the
	// separator is ours.
	if a.c.signedIn && a.c.account.Email != "" {
		parts = append(parts, termsafe.Line(a.c.account.Email))
	}
	if a.scope.company.Name != "" {
		parts = append(parts, termsafe.Line(a.scope.company.Name))
	}
	middle := strings.Join(parts, st.StatusSep)
	room := a.width - lipgloss.Width(left) - lipgloss.Width(right) - 2
	middle = " " + ansi.Truncate(middle, max(room, 0), "…")
	gap := max(a.width-lipgloss.Width(left)-lipgloss.Width(middle)-lipgloss.Width(right), 0)
	line := left + st.StatusText.Render(middle+strings.Repeat(" ", gap)) + right
	return fitLine(line, a.width)
}

// countdownView is the access token's remaining life, coloured as expiry
// nears, or "refreshing…" while a refresh runs.
func (a *App) countdownView() string {
	st := a.c.styles
	if !a.c.signedIn || a.c.token.ExpiresAt.IsZero() {
		return st.StatusText.Render(" not logged in ")
	}
	if a.c.refreshing {
		return st.Refreshing.Render(" token refreshing… ")
	}
	left := a.c.token.ExpiresAt.Sub(a.c.now)
	switch {
	case left <= 0:
		return st.CountdownGone.Render(" token expired ")
	case left < warnBefore(a.c.token):
		return st.CountdownSoon.Render(" token ! " + countdown(left) + " ")
	default:
		return st.Countdown.Render(" token " + countdown(left) + " ")
	}
}

// fitLine cuts or pads one line to exactly width cells.
func fitLine(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	if w > width {
		// A wide rune that would straddle the edge is dropped whole, so
		// the cut may come out a cell short: pad it too.
		s = ansi.Truncate(s, width, "…")
		w = ansi.StringWidth(s)
	}
	if w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// fitBlock cuts or pads s to exactly height lines of width cells.
func fitBlock(s string, width, height int) string {
	if height <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	exact := len(lines) == height
	if len(lines) > height {
		lines = lines[:height]
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	for i, l := range lines {
		if ansi.StringWidth(l) != width {
			lines[i], exact = fitLine(l, width), false
		}
	}
	if exact {
		return s // the usual case for tables: no copy
	}
	return strings.Join(lines, "\n")
}

// spread puts left and right on one line of exactly width cells, cutting
// left when they do not fit.
func spread(left, right string, width int) string {
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(right)
	if lw+rw+1 > width {
		left = ansi.Truncate(left, max(width-rw-1, 0), "…")
		lw = ansi.StringWidth(left)
	}
	return fitLine(left+strings.Repeat(" ", max(width-lw-rw, 1))+right, width)
}
