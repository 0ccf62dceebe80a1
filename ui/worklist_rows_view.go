package ui

import (
	"fmt"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// The view of a worklist's rows: what it asks, how the rows are sorted,
// each company's share (loading, failed, or shown of its total), then
// the table.

func (m worklistRowsModel) view() string {
	st := m.c.styles
	title := " " + st.Heading.Render(termsafe.Line(m.list.Name)) + st.Muted.Render(" · "+m.list.List.String()+" · ") +
		st.Filter.Render(termsafe.Line(m.list.Filter))
	sorted := "sorted by " + m.sort.String()
	if m.partial() {
		// The API sorts none of these lists by amount or due date: only
		// the rows shown are sorted.
		sorted += " (rows shown)"
	}
	if m.keys.Sort.Enabled() {
		sorted += " · s"
	}
	if m.switching != "" {
		sorted = "opening " + termsafe.Line(m.switching) + "… · " + sorted
	}
	head := spread(title, st.HeaderInfo.Render(sorted+" "), m.width)
	lines := strings.Split(strings.TrimSuffix(wrapParts(st, "", 0, m.companyParts(), m.width), "\n"), "\n")
	if len(lines) > rowsHeadLines {
		lines = lines[:rowsHeadLines]
		lines[rowsHeadLines-1] = fitLine(strings.TrimRight(lines[rowsHeadLines-1], " ")+" …", m.width)
	}
	for len(lines) < rowsHeadLines {
		lines = append(lines, "")
	}
	return head + "\n" + strings.Join(lines, "\n") + "\n" + m.table.View()
}

// rowsHeadLines is how many lines the companies' shares take.
const rowsHeadLines = 2

// companyParts say, company by company, what the rows hold: "Globex
// 50 of 520" (with " …" while its next page comes), "Nordwind 24",
// "Atelier loading…", "Acme ✗ forbidden".
func (m worklistRowsModel) companyParts() []string {
	st := m.c.styles
	parts := make([]string, 0, len(m.companies))
	for ci, co := range m.companies {
		s, name := m.states[ci], co.label()
		switch {
		case !s.done:
			parts = append(parts, st.Muted.Render(name+" loading…"))
		case s.err != nil:
			parts = append(parts, st.Bad.Render(name+" ✗ "+plainError(s.err)))
		case s.more:
			of := "more"
			if s.hasTotal {
				of = formatCount(s.total)
			}
			part := fmt.Sprintf("%s %s of %s", name, formatCount(s.shown), of)
			switch {
			case s.loading:
				part += " …"
			case s.moreErr != nil:
				part += " ✗ " + plainError(s.moreErr)
			}
			parts = append(parts, st.Warn.Render(part))
		default:
			parts = append(parts, fmt.Sprintf("%s %s", name, formatCount(s.shown)))
		}
	}
	return parts
}
