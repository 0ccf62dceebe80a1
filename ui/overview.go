package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/table"
)

// overviewModel is the company overview (0): the API's headline figures
// (MRR, ARR, …), how many customers, subscriptions and invoices are in each
// status, and a bar chart of the money invoiced each month of the last
// twelve, which fills in as the invoices' pages arrive. Its requests run
// under a context of its own, cancelled when the user leaves.
type overviewModel struct {
	c      *common
	sc     scope
	cancel context.CancelFunc
	keys   overviewKeys

	analytics    *hyperline.Analytics
	analyticsErr string
	analyticsReq uint64
	counts       *overviewCounts
	countsErr    string
	countsReq    uint64

	// Revenue: net amounts excluding tax per currency and month (index 0
	// the oldest month), summed over the pages read so far.
	from       time.Time
	byCurrency map[string]*[12]int64
	byStats    map[string]*currencyStats
	chartIdx   int // the chart's currency, counted from the main one (n)
	scanned    int
	total      int
	revenueReq uint64
	revenueErr string

	// sel is the count under the cursor: a row (customers, subscriptions,
	// invoices) and a status in it; enter opens that list so filtered.
	sel struct{ row, col int }

	width, height int
}

// openOverviewMsg asks the app to show the company overview.
type openOverviewMsg struct{}

// overviewKeys drive the overview.
type overviewKeys struct {
	Left, Right, Up, Down, Open key.Binding
	Currency, Reload, Close     key.Binding
}

func newOverviewKeys() overviewKeys {
	return overviewKeys{
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←↑↓→", "choose a count")),
		Right:    key.NewBinding(key.WithKeys("right", "l")),
		Up:       key.NewBinding(key.WithKeys("up", "k")),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open that list"), key.WithDisabled()),
		Currency: newCurrencyKey(),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		Close:    key.NewBinding(key.WithKeys("esc", "0"), key.WithHelp("esc", "close")),
	}
}

func (k overviewKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Left, k.Currency, k.Reload, k.Close}
}
func (k overviewKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

func newOverview(c *common, sc scope) (overviewModel, tea.Cmd) {
	ctx, cancel := context.WithCancel(sc.ctx)
	sc.ctx = ctx
	m := overviewModel{c: c, sc: sc, cancel: cancel, keys: newOverviewKeys()}
	return m.reload()
}

// reload asks for everything again.
func (m overviewModel) reload() (overviewModel, tea.Cmd) {
	m.analyticsReq, m.countsReq, m.revenueReq = m.c.nextID(), m.c.nextID(), m.c.nextID()
	m.analyticsErr, m.countsErr, m.revenueErr = "", "", ""
	m.from = revenueStart(m.c.now, m.c.fmt.loc)
	m.byCurrency, m.byStats, m.chartIdx, m.scanned, m.total = map[string]*[12]int64{}, nil, 0, 0, 0
	co := m.sc.company.ID
	return m, tea.Batch(
		loadAnalytics(m.sc.ctx, m.c, co, m.analyticsReq),
		loadCounts(m.sc.ctx, m.c, co, m.countsReq),
		loadRevenuePage(m.sc.ctx, m.c, co, m.from, hyperline.ListOptions{}, m.revenueReq))
}

func (m overviewModel) update(msg tea.Msg) (overviewModel, tea.Cmd) {
	switch msg := msg.(type) {
	case analyticsLoadedMsg:
		if msg.reqID == m.analyticsReq {
			m.analytics, m.analyticsErr = msg.analytics, errText(msg.err)
		}
	case countsLoadedMsg:
		if msg.reqID == m.countsReq {
			m.counts, m.countsErr = &msg.counts, errText(msg.err)
			m.keys.Open.SetEnabled(msg.err == nil)
		}
	case revenuePageMsg:
		return m.handleRevenue(msg)
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Close):
			m.cancel()
			return m, emit(popScreenMsg{})
		case key.Matches(msg, m.keys.Reload):
			return m.reload()
		case key.Matches(msg, m.keys.Open):
			return m.openCount()
		case key.Matches(msg, m.keys.Currency):
			m.chartIdx++
		default:
			m.moveSel(msg)
		}
	}
	return m, nil
}

// handleRevenue adds a page of invoices to the months and asks for the next.
func (m overviewModel) handleRevenue(msg revenuePageMsg) (overviewModel, tea.Cmd) {
	if msg.reqID != m.revenueReq {
		return m, nil
	}
	if msg.err != nil {
		m.revenueReq, m.revenueErr = 0, plainError(msg.err)
		return m, nil
	}
	if msg.page.HasTotal() {
		m.total = msg.page.Meta.Total
	}
	for _, inv := range msg.page.Items {
		m.scanned++
		m.addInvoice(inv)
	}
	cs, _ := m.currencies()
	m.keys.Currency.SetEnabled(len(cs) > 1)
	if !msg.page.HasMore() {
		m.revenueReq = 0
		return m, nil
	}
	m.revenueReq = m.c.nextID()
	return m, loadRevenuePage(m.sc.ctx, m.c, m.sc.company.ID, m.from, msg.page.NextOptions(), m.revenueReq)
}

// addInvoice counts an invoice's amount excluding tax in its month; a
// credit note takes its amount off.
func (m *overviewModel) addInvoice(inv hyperline.Invoice) {
	if inv.IssuedAt == nil || inv.IssuedAt.Before(m.from) {
		return
	}
	issued := inv.IssuedAt.In(m.c.fmt.loc)
	month := (issued.Year()-m.from.Year())*12 + int(issued.Month()) - int(m.from.Month())
	if month < 0 || month > 11 {
		return
	}
	amount, sign := int64(inv.AmountExcludingTax), int64(1)
	switch inv.Type {
	case hyperline.InvoiceTypeCreditNote:
		if amount > 0 {
			amount = -amount
		}
		sign = -1
	case hyperline.InvoiceTypeInvoice:
	default:
		return // documents and child references are not revenue
	}
	m.countCurrency(inv, sign)
	months := m.byCurrency[inv.Currency]
	if months == nil {
		months = new([12]int64)
		m.byCurrency[inv.Currency] = months
	}
	months[month] += amount
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// errText is an error in plain words, "" for none.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return plainError(err)
}

func (m overviewModel) view() string {
	st := m.c.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(" hlx ") + st.Heading.Render("Overview · "+termsafe.Line(m.sc.company.Name)) + "\n")
	b.WriteString(m.headline())
	b.WriteString(m.countsView())
	b.WriteString(m.chartView())
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
		st.Label.Render("active customers ") + st.Value.Render(formatCount(int(a.ActiveCustomers))),
		st.Label.Render("revenue 30 d ") + st.Value.Render(money(a.RevenueLast30Days)),
		st.Label.Render("churn 30 d ") + st.Value.Render(strconv.FormatFloat(a.Churn30Days, 'f', 1, 64)+"%"),
	}
	if note := m.inferredNote(); note != "" {
		parts = append(parts, st.Muted.Render("("+note+")"))
	}
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

// countsView is one line per kind: how many in each status.
func (m overviewModel) countsView() string {
	st := m.c.styles
	switch {
	case m.countsErr != "":
		return " " + st.Bad.Render("✗ counts: "+m.countsErr) + "\n"
	case m.counts == nil:
		return " " + st.Muted.Render("Counting by status…") + "\n"
	}
	w := max(m.width, 20)
	rowIdx := 0
	row := func(label string, counts []statusCount, cell func(string) table.Cell) string {
		parts := make([]string, 0, len(counts))
		for i, sc := range counts {
			c := cell(sc.status)
			part := st.toneStyle(c.Tone).Render(c.Text) + " " + formatCount(sc.n)
			if m.keys.Open.Enabled() && m.sel.row == rowIdx && m.sel.col == i {
				part = st.TabActive.Render("[" + ansi.Strip(part) + "]") // brackets show it without colour
			}
			parts = append(parts, part)
		}
		rowIdx++
		return wrapParts(st, label, 14, parts, w)
	}
	sub := func(s string) table.Cell { return subscriptionStatusCell(hyperline.SubscriptionStatus(s)) }
	inv := func(s string) table.Cell {
		if s == hyperline.InvoiceFilterLate { // a filter value, not a status
			return table.Cell{Text: "late", Tone: table.ToneBad}
		}
		return invoiceStatusCell(hyperline.InvoiceStatus(s))
	}
	return row("Customers", m.counts.customers, customerStatusCell) + row("Subscriptions", m.counts.subscriptions, sub) +
		row("Invoices", m.counts.invoices, inv)
}

// chartView is the money invoiced per month in the main currency, as
// horizontal bars, with how far the invoices were read.
func (m overviewModel) chartView() string {
	st := m.c.styles
	currencies, _ := m.currencies()
	cur := m.chartCurrency()
	progress := ""
	switch {
	case m.revenueErr != "":
		progress = st.Bad.Render("✗ " + m.revenueErr)
	case m.revenueReq != 0 && m.total > 0:
		progress = st.Info.Render("reading invoices " + formatCount(m.scanned) + "/" + formatCount(m.total) + "…")
	case m.revenueReq != 0:
		progress = st.Info.Render("reading invoices " + formatCount(m.scanned) + "…")
	default:
		progress = st.Muted.Render(formatCount(m.scanned) + " invoices")
	}
	title := " Invoiced per month"
	if cur != "" {
		title += " (" + cur + ", excluding tax, net of credit notes)"
	}
	var b strings.Builder
	b.WriteString(spread(st.Heading.Render(title), progress+" ", m.width) + "\n")
	var months [12]int64
	if cur != "" {
		months = *m.byCurrency[cur]
	}
	peak := int64(1)
	for _, v := range months {
		peak = max(peak, abs64(v))
	}
	labels := make([]string, 12)
	amountWidth := 0
	for i, v := range months {
		labels[i] = m.c.fmt.money(hyperline.Amount(v), cur)
		amountWidth = max(amountWidth, len([]rune(labels[i])))
	}
	barWidth := max(m.width-2-8-2-amountWidth-1, 4)
	for i, v := range months {
		month := m.from.AddDate(0, i, 0).Format("2006-01")
		bar := st.Good.Render(hbar(abs64(v), peak, barWidth))
		if v < 0 {
			bar = st.Bad.Render(hbar(abs64(v), peak, barWidth))
		}
		amount := strings.Repeat(" ", amountWidth-len([]rune(labels[i]))) + labels[i]
		b.WriteString(" " + st.Label.Render(month) + "  " + bar + " " + amount + "\n")
	}
	if len(currencies) > 1 {
		var others []string
		for _, c := range currencies {
			if c != cur {
				others = append(others, c)
			}
		}
		b.WriteString(" " + st.Muted.Render("Also invoiced in "+strings.Join(others, ", ")+" · n charts the next.") + "\n")
	}
	return b.String()
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

// The screen interface.

func (m *overviewModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *overviewModel) resize(w, h int) screen {
	m.width, m.height = w, h
	return m
}

func (m *overviewModel) keyMap() help.KeyMap         { return m.keys }
func (m *overviewModel) capturing() bool             { return false }
func (m *overviewModel) selected() (selection, bool) { return selection{}, false }
func (m *overviewModel) wantsTick() bool             { return false }
func (m *overviewModel) screenKind() screenKind      { return screenOverview }
