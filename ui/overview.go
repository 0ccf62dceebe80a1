package ui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
)

// overviewModel is the company overview (0): the API's headline figures
// (MRR, ARR, …), how many customers, subscriptions and invoices are in each
// status, and a bar chart of the money invoiced each month of the last
// twelve (overview_months.go). Its requests are bounded whatever the
// company's size (the README's request budgets) and run under a context of
// its own, cancelled when the user leaves.
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

	// The chart: each month's invoices (index 0 the oldest month), the
	// currencies seen, and the reading of every page when asked for.
	from         time.Time
	months       [12]monthRevenue
	seen         map[string]bool
	byStats      map[string]*currencyStats
	chartIdx     int // the chart's currency, counted from the main one (n)
	inFlight     int
	revenueReq   uint64
	revenueErr   string
	exact        bool // reading every page
	confirmExact bool // a was pressed once: the estimate shows
	exactStarted time.Time
	exactCtx     context.Context
	exactCancel  context.CancelFunc
	cachedAt     time.Time // the figures came from today's cache

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
	Currency, Exact, Stop       key.Binding
	Reload, Close               key.Binding
}

func newOverviewKeys() overviewKeys {
	return overviewKeys{
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←↑↓→", "choose a count")),
		Right:    key.NewBinding(key.WithKeys("right", "l")),
		Up:       key.NewBinding(key.WithKeys("up", "k")),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open that list"), key.WithDisabled()),
		Currency: newCurrencyKey(),
		Exact:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "exact amounts"), key.WithDisabled()),
		Stop:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "stop reading"), key.WithDisabled()),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		Close:    key.NewBinding(key.WithKeys("esc", "0"), key.WithHelp("esc", "close")),
	}
}

func (k overviewKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Left, k.Exact, k.Stop, k.Currency, k.Reload, k.Close}
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
	if m.exact {
		m.stopExact()
	}
	m.analyticsReq, m.countsReq = m.c.nextID(), m.c.nextID()
	m.analyticsErr, m.countsErr = "", ""
	m.from = revenueStart(m.c.now, m.c.fmt.loc)
	m.seen, m.byStats, m.chartIdx, m.inFlight = map[string]bool{}, nil, 0, 0
	m.keys.Exact.SetEnabled(false)
	co := m.sc.company.ID
	m, months := m.startMonths()
	return m, tea.Batch(loadAnalytics(m.sc.ctx, m.c, co, m.analyticsReq), loadCounts(m.sc.ctx, m.c, co, m.countsReq), months)
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
	case revenueCachedMsg:
		return m.handleCached(msg)
	case monthPageMsg:
		return m.handleMonthPage(msg)
	case tea.KeyMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

// handleKey acts on a key.
func (m overviewModel) handleKey(msg tea.KeyMsg) (overviewModel, tea.Cmd) {
	switch {
	case m.exact && (key.Matches(msg, m.keys.Stop) || msg.String() == "esc"):
		m.stopExact()
	case key.Matches(msg, m.keys.Close):
		m.cancel()
		return m, m.c.navigate(popScreenMsg{})
	case key.Matches(msg, m.keys.Reload):
		return m.reload()
	case key.Matches(msg, m.keys.Exact):
		if m.confirmExact {
			return m.startExact()
		}
		m.confirmExact = true
	case key.Matches(msg, m.keys.Open):
		return m.openCount()
	case key.Matches(msg, m.keys.Currency):
		m.chartIdx++
	default:
		m.confirmExact = false
		m.moveSel(msg)
	}
	return m, nil
}

// addCurrency notes a currency invoiced in.
func (m *overviewModel) addCurrency(cur string) {
	if m.seen == nil {
		m.seen = map[string]bool{}
	}
	m.seen[cur] = true
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
