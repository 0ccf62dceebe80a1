package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/table"
)

// The overview's view: every figure says what it counts and where it
// comes from.

func (m overviewModel) view() string {
	st := m.c.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(" hlx ") + st.Heading.Render("Overview · "+termsafe.Line(m.sc.company.Name)) + "\n")
	b.WriteString(m.headline())
	b.WriteString(m.countsView())
	above := strings.Count(b.String(), "\n")
	b.WriteString(m.chartView(m.height - above))
	return b.String()
}

// headline is the API's figures, on as many lines as the width needs.
func (m overviewModel) headline() string {
	st := m.c.styles
	switch {
	case m.analyticsErr != "":
		return " " + st.Bad.Render("✗ figures: "+m.analyticsErr) + "\n"
	case m.analytics == nil:
		return " " + st.Muted.Render("Loading the figures…") + "\n"
	}
	a, cur := m.analytics, ""
	if cs, _ := m.currencies(); len(cs) > 0 {
		cur = cs[0] // Not documented: the figures' currency; the company's main one
	}
	money := func(v hyperline.Amount) string { return m.c.fmt.money(v, cur) }
	parts := []string{
		st.Label.Render("MRR ") + st.Value.Render(money(a.MRR)),
		st.Label.Render("ARR ") + st.Value.Render(money(a.ARR)),
		// Not documented: what active_customers counts; the simulator
		// counts customers with an active subscription, which is not the
		// customers' "active" status below.
		st.Label.Render("active customers (analytics) ") + st.Value.Render(formatCount(int(a.ActiveCustomers))),
		st.Label.Render("revenue 30 d ") + st.Value.Render(money(a.RevenueLast30Days)),
		st.Label.Render("churn 30 d ") + st.Value.Render(strconv.FormatFloat(a.Churn30Days, 'f', 1, 64)+"%"),
	}
	note := "from Hyperline's analytics"
	if in := m.inferredNote(); in != "" {
		note += "; " + in
	}
	parts = append(parts, st.Muted.Render("("+note+")"))
	return wrapParts(st, "", 0, parts, max(m.width, 20))
}

// wrapParts lays parts out after a label, separated by dots, starting a
// new line (indented under the first part) when the next would not fit.
func wrapParts(st Styles, label string, labelWidth int, parts []string, width int) string {
	var b strings.Builder
	line := " " + st.Label.Render(fitLine(label, labelWidth))
	used, indent := 1+labelWidth, strings.Repeat(" ", 1+labelWidth)
	sep := st.Muted.Render(" · ")
	for i, p := range parts {
		w := lipgloss.Width(p)
		switch {
		case i == 0:
		case used+3+w > width-1:
			b.WriteString(line + "\n")
			line, used = indent, 1+labelWidth
		default:
			line += sep
			used += 3
		}
		line += p
		used += w
	}
	b.WriteString(fitLine(line, width) + "\n")
	return b.String()
}

// countsView is one line per kind: its total, then the disjoint statuses
// that add up to it; the invoices' views across statuses come on a line
// of their own.
func (m overviewModel) countsView() string {
	st := m.c.styles
	switch {
	case m.countsErr != "":
		return " " + st.Bad.Render("✗ counts: "+m.countsErr) + "\n"
	case m.counts == nil:
		return " " + st.Muted.Render("Counting by status…") + "\n"
	}
	w := max(m.width, 20)
	cellPart := func(row, col int, sc statusCount, cell func(string) table.Cell) string {
		c := cell(sc.status)
		part := st.toneStyle(c.Tone).Render(c.Text) + " " + formatCount(sc.n)
		if m.keys.Open.Enabled() && m.sel.row == row && m.sel.col == col {
			part = st.TabActive.Render("[" + ansi.Strip(part) + "]") // brackets show it without colour
		}
		return part
	}
	nav := 0 // the selectable line being drawn, as countRows numbers them
	row := func(label string, r countRow, cell func(string) table.Cell) string {
		idx := nav
		nav++
		var parts []string
		for i, sc := range r.parts {
			parts = append(parts, cellPart(idx, i, sc, cell))
		}
		parts[0] = st.Value.Render(formatCount(r.total)) + st.Muted.Render(" = ") + parts[0]
		if r.other > 0 {
			parts = append(parts, st.Muted.Render("other "+formatCount(r.other)))
		}
		out := wrapParts(st, label, 14, parts, w)
		if len(r.views) > 0 {
			var views []string
			for j, sc := range r.views {
				views = append(views, cellPart(nav, j, sc, cell))
			}
			views[0] = st.Muted.Render("across statuses: ") + views[0]
			views = append(views, st.Muted.Render("(each count is the API's total for that filter)"))
			nav++
			out += wrapParts(st, "", 14, views, w)
		}
		return out
	}
	sub := func(s string) table.Cell { return subscriptionStatusCell(hyperline.SubscriptionStatus(s)) }
	inv := func(s string) table.Cell {
		switch s { // filter values, not statuses
		case hyperline.InvoiceFilterLate:
			return table.Cell{Text: "late", Tone: table.ToneBad}
		case hyperline.InvoiceFilterOutstanding:
			return table.Cell{Text: "outstanding", Tone: table.ToneWarn}
		}
		return invoiceStatusCell(hyperline.InvoiceStatus(s))
	}
	return row("Customers", m.counts.customers, customerStatusCell) +
		row("Subscriptions", m.counts.subscriptions, sub) +
		row("Invoices", m.counts.invoices, inv)
}
