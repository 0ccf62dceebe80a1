package ui

import (
	"strconv"
	"strings"
)

// What a tab draws: the header's counts, the filter line (with the reason
// it cannot be sent) and the table.

// counts is the header's "loaded/total", with the filter's terms and
// matches and the order; compact leaves out the order and the matches
// (the filter line says those) for a narrow screen. It is drawn again
// only when one of its parts changed.
func (m *listModel[T]) counts(compact bool) string {
	l := m.shown()
	in := countsInputs{compact: compact, server: l == &m.server, loaded: l.loaded, failed: l.err != "",
		items: len(l.items), total: l.total, hasTotal: l.hasTotal, text: m.parsed.Text != "",
		matches: l.table.VisibleLen(), loading: l.reqID != 0, sort: m.sortIdx}
	if in.server {
		in.terms = l.filter.Label()
	}
	if in != m.countsDrawn.in || m.countsDrawn.text == "" {
		m.countsDrawn.in, m.countsDrawn.text = in, m.drawCounts(compact)
	}
	return m.countsDrawn.text
}

// drawCounts is counts without the cache.
func (m *listModel[T]) drawCounts(compact bool) string {
	l := m.shown()
	if !l.loaded {
		if l.err != "" {
			return "failed"
		}
		return "loading…"
	}
	total := formatCount(l.total)
	if !l.hasTotal {
		total = "?"
	}
	s := formatCount(len(l.items)) + "/" + total
	// The rows the text keeps, when it keeps fewer than are loaded: the
	// server's answer to a search is all matches already, and the filter
	// line says how many there are ("server search: 447 match").
	narrowed := l != &m.server || l.table.VisibleLen() != len(l.items)
	if m.parsed.Text != "" && !compact && narrowed {
		s = formatCount(l.table.VisibleLen()) + " match · " + s
	}
	if label := l.filter.Label(); label != "" && l == &m.server {
		s = label + " · " + s
	}
	if l.reqID != 0 {
		s = "loading… " + s
	}
	if label := m.sortLabel(); label != "" && !compact {
		s = label + " · " + s
	}
	return s
}

// formatCount writes n with thousands separators.
func formatCount(n int) string {
	s := strconv.Itoa(n)
	digits := strings.TrimPrefix(s, "-")
	var b strings.Builder
	b.WriteString(s[:len(s)-len(digits)])
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// setSize lays the tab out in width × height cells.
func (m listModel[T]) setSize(width, height int) listModel[T] {
	m.width, m.height = width, height
	m.input.setWidth(width - 40)
	m.base.table.SetSize(width, m.tableHeight())
	m.server.table.SetSize(width, m.tableHeight())
	return m
}

// tableHeight is the tab's height less the filter line when it shows.
func (m *listModel[T]) tableHeight() int {
	if m.filterShown() {
		return max(m.height-1-m.filterErrLines(), 1)
	}
	return max(m.height, 1)
}

// view is the filter line (when filtering) and the table, or a message
// while the first page loads or when it failed.
func (m *listModel[T]) view() string {
	st := m.c.styles
	var b strings.Builder
	if m.filterShown() {
		b.WriteString(spread(" "+m.input.view(), st.Muted.Render(m.filterHint()), m.width) + "\n")
		for _, line := range m.filterErrText()[:m.filterErrLines()] {
			b.WriteString(fitLine(" "+st.Bad.Render(line), m.width) + "\n")
		}
	}
	l := m.shown()
	if !l.loaded && l.table.Len() == 0 {
		what := strings.ToLower(m.spec.title)
		var msg string
		if l.err != "" {
			msg = "\n  " + st.Bad.Render("✗ Could not load "+what+": ") + st.Text.Render(l.err) + "\n" +
				"  Press " + st.Key.Render("r") + " to try again."
		} else {
			msg = "\n  " + st.Muted.Render("Loading "+what+"…")
		}
		return b.String() + fitBlock(msg, m.width, l.table.Height())
	}
	b.WriteString(l.table.View())
	return b.String()
}
