package ui

import (
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
)

// chartView is the money invoiced per month in the chart's currency, as
// horizontal bars with each month's invoice count, in at most lines
// lines: a short window leaves out the oldest months.
func (m overviewModel) chartView(lines int) string {
	st := m.c.styles
	currencies, _ := m.currencies()
	cur := m.chartCurrency()
	title := " Invoiced per month"
	if cur != "" {
		title += " (" + cur + ", excluding tax, net of credit notes)"
	}
	var b strings.Builder
	b.WriteString(spread(st.Heading.Render(title), m.chartSource()+" ", m.width) + "\n")
	lines--
	confirm := ""
	if m.confirmExact {
		confirm = wrapParts(st, "", 0, []string{st.Warn.Render("Exact amounts: reading " + m.exactEstimate() + "."),
			st.Info.Render("e again to start")}, max(m.width, 20))
		b.WriteString(confirm)
		lines -= strings.Count(confirm, "\n")
	}
	note := ""
	if len(currencies) > 1 {
		var others []string
		for _, c := range currencies {
			if c != cur {
				others = append(others, c)
			}
		}
		note = " " + st.Muted.Render("Also invoiced in "+strings.Join(others, ", ")+" · n charts the next.") + "\n"
		lines--
	}
	shown := min(12, max(lines, 3))
	first := 12 - shown
	if shown < 12 {
		b.Reset()
		title = " Last " + formatCount(shown) + " months invoiced"
		if cur != "" {
			title += " (" + cur + ", excluding tax, net of credit notes)"
		}
		b.WriteString(spread(st.Heading.Render(title), m.chartSource()+" ", m.width) + "\n")
		if m.confirmExact {
			b.WriteString(confirm)
		}
	}
	labels, counts := make([]string, 12), make([]string, 12)
	amounts := make([]int64, 12)
	amountWidth, countWidth, peak := 0, 0, int64(1)
	for i := first; i < 12; i++ {
		mr := m.months[i]
		v, est := mr.amount(cur)
		amounts[i] = v
		peak = max(peak, abs64(v))
		labels[i] = m.c.fmt.money(hyperline.Amount(v), cur)
		if est {
			labels[i] = "≈" + labels[i]
		}
		if mr.loaded {
			counts[i] = formatCount(mr.total) + " inv."
		} else {
			labels[i] = "…" // not counted yet: no amount to show
		}
		amountWidth = max(amountWidth, len([]rune(labels[i])))
		countWidth = max(countWidth, len([]rune(counts[i])))
	}
	barWidth := max(m.width-2-7-2-amountWidth-2-countWidth-1, 4)
	for i := first; i < 12; i++ {
		month := m.from.AddDate(0, i, 0).Format("2006-01")
		bar := st.Good.Render(hbar(abs64(amounts[i]), peak, barWidth))
		if amounts[i] < 0 {
			bar = st.Bad.Render(hbar(abs64(amounts[i]), peak, barWidth))
		}
		amount := strings.Repeat(" ", amountWidth-len([]rune(labels[i]))) + labels[i]
		count := strings.Repeat(" ", countWidth-len([]rune(counts[i]))) + counts[i]
		b.WriteString(fitLine(" "+st.Label.Render(month)+"  "+bar+" "+amount+"  "+st.Muted.Render(count), m.width) + "\n")
	}
	b.WriteString(note)
	return b.String()
}

// chartSource says what the chart's figures are computed from, or how far
// their reading has come.
func (m overviewModel) chartSource() string {
	st := m.c.styles
	read, total, estimated := 0, 0, false
	for _, mr := range m.months {
		read, total = read+mr.read, total+mr.total
		_, est := mr.amount("")
		estimated = estimated || est || mr.read < mr.total
	}
	switch {
	case m.revenueErr != "":
		return st.Bad.Render("✗ " + m.revenueErr)
	case m.exact:
		pct := 0
		if total > 0 {
			pct = read * 100 / total
		}
		return st.Info.Render("reading every invoice " + formatCount(read) + "/" + formatCount(total) + " · " +
			formatCount(pct) + "% · x stops")
	case m.revenueReq != 0:
		return st.Info.Render("counting each month…")
	case !m.cachedAt.IsZero():
		return st.Muted.Render("exact, " + formatCount(total) + " invoices read at " +
			m.cachedAt.In(m.c.fmt.loc).Format("15:04") + " today (cached)")
	case estimated:
		return st.Muted.Render("≈ from " + formatCount(pageSize) + " a month · e: exact")
	}
	return st.Muted.Render("exact, " + formatCount(read) + " invoices")
}

// hbar is a bar of v out of peak over width cells, in eighths of a cell,
// padded to the width.
func hbar(v, peak int64, width int) string {
	eighths := int(v * int64(width) * 8 / peak)
	full, part := eighths/8, eighths%8
	bar := strings.Repeat("█", full)
	if part > 0 {
		bar += string([]rune("▏▎▍▌▋▊▉")[part-1])
	}
	n := full
	if part > 0 {
		n++
	}
	return bar + strings.Repeat(" ", max(width-n, 0))
}
