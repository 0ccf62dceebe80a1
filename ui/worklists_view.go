package ui

import (
	"fmt"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// The worklists screen's view: the worklists with their totals, then the
// selected one's count in each company (as many as fit), so the screen
// grows downwards with the companies, never sideways.

func (m worklistsModel) view() string {
	st := m.c.styles
	counted, failed, cells := 0, 0, 0
	for li := range m.cells {
		_, loading, bad := m.tally(li)
		cells += len(m.cells[li])
		counted += len(m.cells[li]) - loading
		failed += bad
	}
	info := fmt.Sprintf("%d/%d counted ", counted, cells)
	if counted < cells {
		info = fmt.Sprintf("counting… %d/%d ", counted, cells)
	}
	if failed > 0 {
		info += st.Bad.Render(fmt.Sprintf("✗ %d failed ", failed))
	}
	scope := termsafe.Line(m.c.account.Email)
	if m.everyAccount {
		scope = "every account"
	}
	title := st.Heading.Render(" Worklists") + st.Muted.Render(fmt.Sprintf(" · %s · %d companies",
		scope, len(m.companies)))
	lines := []string{spread(title, st.HeaderInfo.Render(info), m.width),
		fitLine(st.Muted.Render(" one request per worklist and company · enter: the rows · r: count again"), m.width), ""}
	if len(m.companies) == 0 {
		lines = append(lines, fitLine(" "+st.Muted.Render("No companies known for this account: open the company picker (c)."), m.width))
		return fitBlock(strings.Join(lines, "\n"), m.width, m.height)
	}
	nameW := min(max(m.width-3-13-2-9-14, 12), 40)
	// A column per company where every one fits; else the companies are
	// listed under the selected worklist only.
	cols := len(m.companies)
	if 3+34+2+13+9+cols*companyColWidth > m.width {
		cols = 0
	} else {
		nameW = min(34, nameW)
	}
	header := "   " + fitLine("WORKLIST", nameW) + "  " + fitLine("KIND", 13) + fmt.Sprintf("%9s", "TOTAL")
	for ci := range cols {
		header += fmt.Sprintf("%*s", companyColWidth, fitLine(m.companies[ci].label(), companyColWidth-2))
	}
	lines = append(lines, st.Muted.Render(fitLine(header, m.width)))
	for li, w := range m.lists {
		mark := "  "
		if li == m.cursor {
			mark = st.SelectedMarker
		}
		total, loading, bad := m.tally(li)
		state := ""
		switch {
		case cols > 0:
		case loading > 0:
			state = st.Muted.Render(fmt.Sprintf("  … %d loading", loading))
		case bad > 0:
			state = st.Bad.Render(fmt.Sprintf("  ✗ %d failed", bad))
		}
		count := fmt.Sprintf("%9s", formatCount(total))
		if total > 0 {
			count = st.Warn.Render(count)
		}
		for ci := range cols {
			state += m.countCell(li, ci)
		}
		lines = append(lines, fitLine(" "+mark+st.Value.Render(fitLine(termsafe.Line(w.Name), nameW))+"  "+
			st.Info.Render(fitLine(w.List.String(), 13))+count+state, m.width))
	}
	lines = append(lines, "")
	if m.opening > 0 {
		lines = append(lines, fitLine(" "+st.Muted.Render("opening the other accounts…"), m.width))
	}
	if m.everyAccount && m.opening == 0 && len(m.accountErrs) == 0 && !m.hasOtherAccounts() {
		lines = append(lines, fitLine(" "+st.Muted.Render("No other account of this session is logged in (a logs in to another)."), m.width))
	}
	for _, e := range m.accountErrs {
		lines = append(lines, fitLine(" "+st.Bad.Render("✗ "+e), m.width))
	}
	lines = append(lines, m.companyLines(max(m.height-len(lines), 0))...)
	return fitBlock(strings.Join(lines, "\n"), m.width, m.height)
}

// companyLines are the selected worklist's filter and its count in each
// company, in room lines at most.
func (m worklistsModel) companyLines(room int) []string {
	if room <= 0 || m.cursor >= len(m.lists) {
		return nil
	}
	st, w := m.c.styles, m.lists[m.cursor]
	lines := []string{fitLine(" "+st.Heading.Render(termsafe.Line(w.Name))+st.Muted.Render(" · "+w.List.String()+" · ")+
		st.Filter.Render(termsafe.Line(w.Filter)), m.width)}
	nameW := min(max(m.width-3-9-4, 12), 40)
	shown := len(m.companies)
	if 1+shown > room {
		shown = max(room-2, 0)
	}
	for ci := range shown {
		co, cell := m.companies[ci], m.cells[m.cursor][ci]
		var count string
		switch {
		case !cell.done:
			count = st.Muted.Render(fmt.Sprintf("%9s", "loading…"))
		case cell.err != nil:
			count = st.Bad.Render(fmt.Sprintf("%9s", "✗") + "  " + plainError(cell.err))
		default:
			count = fmt.Sprintf("%9s", formatCount(cell.total))
		}
		lines = append(lines, fitLine("   "+fitLine(co.label(), nameW)+count, m.width))
	}
	if more := len(m.companies) - shown; more > 0 && room > 1 {
		lines = append(lines, fitLine("   "+st.Muted.Render(fmt.Sprintf("… and %d more companies", more)), m.width))
	}
	return lines
}

// hasOtherAccounts reports whether a company of another account is in the
// grid.
func (m worklistsModel) hasOtherAccounts() bool {
	for _, co := range m.companies {
		if co.account != "" {
			return true
		}
	}
	return false
}

// companyColWidth is the width of a company's column of counts.
const companyColWidth = 14

// countCell is one count in a company's column: the number, loading…
// or ✗.
func (m worklistsModel) countCell(li, ci int) string {
	st, cell := m.c.styles, m.cells[li][ci]
	switch {
	case !cell.done:
		return st.Muted.Render(fmt.Sprintf("%*s", companyColWidth, "…"))
	case cell.err != nil:
		return st.Bad.Render(fmt.Sprintf("%*s", companyColWidth, "✗"))
	}
	return fmt.Sprintf("%*s", companyColWidth, formatCount(cell.total))
}
