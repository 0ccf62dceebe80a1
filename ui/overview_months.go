package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
)

// The overview's chart: the money invoiced in each of the last twelve
// months, at a cost that does not grow with the company. Each month is one
// request for the finalized invoices issued in it (issued_at window,
// include_total, a full page): the total counts the month's invoices and
// the page is a sample of them. A month whose invoices all fit in that
// page is exact; otherwise its amount is the sample's scaled to the total
// ("≈"). When reading every remaining page costs at most cheapPages
// requests they are read at once; otherwise `e` shows what reading them
// would cost, a second `e` reads them with progress (x stops), and the
// result, aggregates only, is cached for the day (Deps.Aggregates).

// cheapPages is how many pages beyond the twelve first ones are read
// without asking, so small companies get exact figures.
const cheapPages = 24

// Hyperline's documented read limit, for estimates: 200 requests per 10 s.
const ratePerSecond = 20.0

// monthRevenue is what the overview knows of one month's invoices.
type monthRevenue struct {
	total  int              // finalized invoices issued in the month (the server's count)
	read   int              // of them read so far
	sums   map[string]int64 // per currency, excluding tax, net of credit notes, over those read
	next   hyperline.ListOptions
	more   bool // pages remain after next
	loaded bool // the first page arrived
}

// amount is the month's money in cur: exact once every invoice is read,
// else the sample's sum scaled to the month's count.
func (mr monthRevenue) amount(cur string) (v int64, estimated bool) {
	v = mr.sums[cur]
	switch {
	case mr.read == 0 || !mr.more && mr.read >= mr.total:
		return v, false
	case mr.total <= mr.read: // pages remain but no total came: at least this
		return v, true
	}
	return int64(float64(v) * float64(mr.total) / float64(mr.read)), true
}

// pagesLeft is how many requests reading the rest of the month costs.
func (mr monthRevenue) pagesLeft() int {
	if !mr.more {
		return 0
	}
	return (mr.total - mr.read + pageSize - 1) / pageSize
}

// Messages of the chart.
type (
	monthPageMsg struct {
		resultTag
		month int
		page  *hyperline.Page[hyperline.Invoice]
		err   error
	}
	revenueCachedMsg struct {
		resultTag
		revenue *Revenue
	}
)

// revenueStart is the first day of the month eleven months before now's:
// the twelve months the chart shows, this one included.
func revenueStart(now time.Time, loc *time.Location) time.Time {
	y, m, _ := now.In(loc).Date()
	return time.Date(y, m-11, 1, 0, 0, 0, 0, loc)
}

// loadMonthPage fetches a page of the finalized invoices issued in month
// i (counted from from), asking for the month's total on its first page.
func loadMonthPage(ctx context.Context, c *common, companyID string, from time.Time, i int, page hyperline.ListOptions, reqID uint64) tea.Cmd {
	data := c.data
	page.Take, page.WithTotal, page.OmitRaw = pageSize, page.IsFirst(), true
	opts := hyperline.InvoiceListOptions{ListOptions: page, IssuedFrom: from.AddDate(0, i, 0),
		IssuedBefore: from.AddDate(0, i+1, 0), Status: []string{hyperline.InvoiceFilterFinalized}}
	return request(ctx, c.timeout, func(ctx context.Context) (*hyperline.Page[hyperline.Invoice], error) {
		return data.Invoices(ctx, companyID, opts)
	}, func(p *hyperline.Page[hyperline.Invoice], err error) tea.Msg {
		return monthPageMsg{resultTag: resultTag{reqID: reqID, company: companyID}, month: i, page: p, err: err}
	})
}

// loadCachedRevenue reads today's cached figures of the company.
func loadCachedRevenue(cache AggregateCache, companyID, day string, reqID uint64) tea.Cmd {
	return func() tea.Msg {
		r, _ := cache.LoadRevenue(companyID, day) // a cache that cannot be read is a miss
		return revenueCachedMsg{resultTag: resultTag{reqID: reqID, company: companyID}, revenue: r}
	}
}

// day is the user's calendar day, which the cache is kept for.
func (m overviewModel) day() string { return m.c.now.In(m.c.fmt.loc).Format(time.DateOnly) }

// startMonths asks for the cached figures, or the twelve first pages.
func (m overviewModel) startMonths() (overviewModel, tea.Cmd) {
	m.months, m.exact, m.confirmExact, m.revenueErr, m.cachedAt = [12]monthRevenue{}, false, false, "", time.Time{}
	m.revenueReq = m.c.nextID()
	if m.c.aggregates != nil {
		return m, loadCachedRevenue(m.c.aggregates, m.sc.company.ID, m.day(), m.revenueReq)
	}
	return m, m.firstPages()
}

// firstPages asks for each month's first page, all at once.
func (m *overviewModel) firstPages() tea.Cmd {
	cmds := make([]tea.Cmd, 12)
	for i := range cmds {
		cmds[i] = loadMonthPage(m.sc.ctx, m.c, m.sc.company.ID, m.from, i, hyperline.ListOptions{}, m.revenueReq)
	}
	m.inFlight = 12
	return tea.Batch(cmds...)
}

// handleCached takes today's cached figures, or asks the server.
func (m overviewModel) handleCached(msg revenueCachedMsg) (overviewModel, tea.Cmd) {
	if msg.reqID != m.revenueReq {
		return m, nil
	}
	r := msg.revenue
	if r == nil || len(r.Months) != 12 || !r.Months[0].Start.Equal(m.from) {
		return m, m.firstPages()
	}
	for i, mo := range r.Months {
		m.months[i] = monthRevenue{total: mo.Invoices, read: mo.Invoices, sums: mo.Amounts, loaded: true}
		for cur := range mo.Amounts {
			m.addCurrency(cur)
		}
	}
	m.revenueReq, m.cachedAt = 0, r.ComputedAt
	return m, nil
}

// handleMonthPage adds a page to its month and asks for what comes next.
func (m overviewModel) handleMonthPage(msg monthPageMsg) (overviewModel, tea.Cmd) {
	if msg.reqID != m.revenueReq {
		return m, nil
	}
	m.inFlight--
	if msg.err != nil {
		m.stopExact()
		m.revenueReq, m.revenueErr = 0, plainError(msg.err)
		return m, nil
	}
	mr := &m.months[msg.month]
	if msg.page.HasTotal() {
		mr.total = msg.page.Meta.Total
	}
	mr.loaded = true
	for _, inv := range msg.page.Items {
		mr.read++
		m.addInvoice(mr, inv)
	}
	mr.more = msg.page.HasMore()
	if mr.more {
		mr.next = msg.page.NextOptions()
	} else {
		mr.total = max(mr.total, mr.read) // a server without totals: what was read is all
	}
	cs, _ := m.currencies()
	m.keys.Currency.SetEnabled(len(cs) > 1)
	if m.exact {
		if mr.more {
			m.inFlight++
			return m, loadMonthPage(m.exactCtx, m.c, m.sc.company.ID, m.from, msg.month, mr.next, m.revenueReq)
		}
		return m.finishExact()
	}
	if m.inFlight > 0 {
		return m, nil
	}
	if left := m.pagesLeft(); left > 0 && left <= cheapPages {
		return m.startExact()
	}
	m.revenueReq = 0
	m.keys.Exact.SetEnabled(m.pagesLeft() > 0)
	return m, nil
}

// pagesLeft is what reading every month to the end still costs.
func (m overviewModel) pagesLeft() int {
	n := 0
	for _, mr := range m.months {
		n += mr.pagesLeft()
	}
	return n
}

// readTotals is how many invoices of the twelve months were read, and
// how many there are.
func (m overviewModel) readTotals() (read, total int) {
	for _, mr := range m.months {
		read, total = read+mr.read, total+mr.total
	}
	return read, total
}

// invoicesLeft is how many invoices those pages hold.
func (m overviewModel) invoicesLeft() int {
	n := 0
	for _, mr := range m.months {
		if mr.more {
			n += mr.total - mr.read
		}
	}
	return n
}

// startExact reads every month's remaining pages, one chain per month.
func (m overviewModel) startExact() (overviewModel, tea.Cmd) {
	m.exact, m.confirmExact = true, false
	m.exactStarted = m.c.now
	m.revenueReq = m.c.nextID()
	m.exactCtx, m.exactCancel = context.WithCancel(m.sc.ctx)
	m.keys.Exact.SetEnabled(false)
	m.keys.Stop.SetEnabled(true)
	var cmds []tea.Cmd
	for i, mr := range m.months {
		if mr.more {
			m.inFlight++
			cmds = append(cmds, loadMonthPage(m.exactCtx, m.c, m.sc.company.ID, m.from, i, mr.next, m.revenueReq))
		}
	}
	return m, tea.Batch(cmds...)
}

// stopExact cancels the reading; what was read stays, the months keep
// their place and the estimates stand for the rest.
func (m *overviewModel) stopExact() {
	if m.exactCancel != nil {
		m.exactCancel()
	}
	m.exact, m.inFlight, m.revenueReq = false, 0, 0
	m.keys.Stop.SetEnabled(false)
	m.keys.Exact.SetEnabled(m.pagesLeft() > 0)
}

// finishExact ends the reading once every month is read, and caches the
// figures for the day when reading them cost more than the cheap pages.
func (m overviewModel) finishExact() (overviewModel, tea.Cmd) {
	if m.inFlight > 0 {
		return m, nil
	}
	m.stopExact()
	if m.c.aggregates == nil {
		return m, nil
	}
	r := Revenue{Company: m.sc.company.ID, Day: m.day(), ComputedAt: m.c.now}
	for i, mr := range m.months {
		r.Months = append(r.Months, RevenueMonth{Start: m.from.AddDate(0, i, 0), Invoices: mr.total, Amounts: mr.sums})
	}
	cache := m.c.aggregates
	return m, func() tea.Msg {
		if err := cache.SaveRevenue(r); err != nil {
			return errMsg{what: "cache the monthly figures", err: err}
		}
		return nil
	}
}

// addInvoice counts an invoice's amount excluding tax in its month; a
// credit note takes its amount off. Documents and child references are
// no revenue.
func (m *overviewModel) addInvoice(mr *monthRevenue, inv hyperline.Invoice) {
	amount, sign := int64(inv.AmountExcludingTax), int64(1)
	switch inv.Type {
	case hyperline.InvoiceTypeCreditNote:
		if amount > 0 {
			amount = -amount
		}
		sign = -1
	case hyperline.InvoiceTypeInvoice:
	default:
		return
	}
	m.countCurrency(inv, sign)
	m.addCurrency(inv.Currency)
	if mr.sums == nil {
		mr.sums = map[string]int64{}
	}
	mr.sums[inv.Currency] += amount
}

// exactEstimate says what reading every remaining invoice costs, before
// it starts: "≈15,300 requests, ≈13 min at Hyperline's rate limit".
func (m overviewModel) exactEstimate() string {
	return formatCount(m.invoicesLeft()) + " more invoices takes " + requestEstimate(m.pagesLeft())
}

// requestEstimate says what pages requests cost at Hyperline's documented
// read limit: "≈15,293 requests, ≈13 min at Hyperline's rate limit".
func requestEstimate(pages int) string {
	return "≈" + formatCount(pages) + " requests, ≈" +
		roughDuration(time.Duration(float64(pages)/ratePerSecond*float64(time.Second))) + " at Hyperline's rate limit"
}

// roughDuration is d for an estimate: seconds under two minutes, else
// minutes, else hours and minutes.
func roughDuration(d time.Duration) string {
	switch {
	case d < 2*time.Minute:
		return formatCount(int(d.Seconds()+0.5)) + " s"
	case d < 2*time.Hour:
		return formatCount(int(d.Minutes()+0.5)) + " min"
	}
	return formatCount(int(d.Hours())) + " h " + formatCount(int(d.Minutes())%60) + " min"
}
