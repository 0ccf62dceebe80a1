package ui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/filter"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// worklistsModel is `w`: each worklist (hlx's and the settings file's)
// with its count in every company of the account. Every count is one
// include_total request, all fired together when the screen opens (the
// client's rate limiter spaces them; a 429 slows one, it never fails
// it); counts show as they arrive, the companies still loading or failed
// marked. enter opens the worklist's rows, merged across companies.
type worklistsModel struct {
	c    *common
	keys worklistKeys

	lists     []worklist.Worklist
	queries   []filter.Query
	qerrs     []error // a worklist whose line does not read now
	companies []wlCompany
	cells     [][]countCell // [list][company]
	cursor    int

	// everyAccount adds the companies of the session's other accounts
	// (A); opening counts the accounts still being opened, accountErrs
	// says which could not be.
	everyAccount bool
	opening      int
	accountErrs  []string

	// gen names the current round of counts; a reload starts another and
	// cancels this one, whose answers are then dropped.
	gen    uint64
	ctx    context.Context
	cancel context.CancelFunc

	width, height int
}

// countCell is one count: loading until its answer comes.
type countCell struct {
	done  bool
	total int
	err   error
}

// worklistCountMsg answers one count of round gen. It names no current
// company: the screen it belongs to counts in every one.
type worklistCountMsg struct {
	gen           uint64
	list, company int
	total         int
	err           error
}

func newWorklists(c *common) (worklistsModel, tea.Cmd) {
	m := worklistsModel{c: c, keys: newWorklistKeys(), lists: c.worklists}
	if m.lists == nil {
		m.lists = worklist.Builtins()
	}
	_, toggles := c.session.(worklistAccountOpener)
	m.keys.AllAccounts.SetEnabled(toggles)
	return m.reload()
}

// reload starts a new round of counts: one request per worklist and
// company, all at once (and, with every account, the other accounts are
// opened again).
func (m worklistsModel) reload() (worklistsModel, tea.Cmd) {
	m.close()
	m.gen = m.c.nextID()
	m.ctx, m.cancel = context.WithCancel(m.c.ctx)
	m.queries, m.qerrs = make([]filter.Query, len(m.lists)), make([]error, len(m.lists))
	m.cells = make([][]countCell, len(m.lists))
	for li, w := range m.lists {
		m.queries[li], m.qerrs[li] = w.Query(m.c.now, m.c.fmt.loc)
	}
	m.companies, m.opening, m.accountErrs = nil, 0, nil
	var cmds []tea.Cmd
	for _, co := range ownCompanies(m.c) {
		cmds = append(cmds, m.addCompany(co))
	}
	if o, ok := m.c.session.(worklistAccountOpener); ok && m.everyAccount {
		m.opening++
		cmds = append(cmds, listAccounts(m.ctx, m.c, o, m.gen))
	}
	return m, tea.Batch(cmds...)
}

// addCompany adds a company to the grid and counts every worklist in it.
func (m *worklistsModel) addCompany(co wlCompany) tea.Cmd {
	ci := len(m.companies)
	m.companies = append(m.companies, co)
	var cmds []tea.Cmd
	for li, w := range m.lists {
		if m.qerrs[li] != nil {
			m.cells[li] = append(m.cells[li], countCell{done: true, err: m.qerrs[li]})
			continue
		}
		m.cells[li] = append(m.cells[li], countCell{})
		cmds = append(cmds, countWorklist(m.ctx, m.c, m.gen, li, ci, co, w, m.queries[li], ci*len(m.lists)+li))
	}
	return tea.Batch(cmds...)
}

// countWorklist counts worklist w in one company, the queued-th count of
// the round. Its deadline is twice the request timeout (a count that met
// a 429 waits and asks again), and the windows of the rate limit the
// counts before it fill: past 198 counts the limiter spaces them, and a
// count must not fail for waiting its turn.
func countWorklist(ctx context.Context, c *common, gen uint64, list, company int, co wlCompany,
	w worklist.Worklist, q filter.Query, queued int) tea.Cmd {
	src, companyID := co.src, co.ID
	deadline := 2*c.timeout + time.Duration(queued/worklist.CountsPerWindow)*worklist.RateWindow
	return request(ctx, deadline, func(ctx context.Context) (int, error) {
		return worklist.Count(ctx, src, companyID, w, q)
	}, func(n int, err error) tea.Msg {
		return worklistCountMsg{gen: gen, list: list, company: company, total: n, err: err}
	})
}

func (m worklistsModel) update(msg tea.Msg) (worklistsModel, tea.Cmd) {
	switch msg := msg.(type) {
	case worklistCountMsg:
		if msg.gen != m.gen || msg.list >= len(m.cells) || msg.company >= len(m.companies) {
			return m, nil
		}
		m.cells[msg.list][msg.company] = countCell{done: true, total: msg.total, err: msg.err}
	case worklistAccountsMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		m.opening--
		return m.openAccounts(msg)
	case worklistAccountMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		return m.addAccount(msg)
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, m.keys.Close):
			return m, m.c.navigate(popScreenMsg{})
		case key.Matches(msg, m.keys.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, m.keys.Down):
			m.cursor = min(m.cursor+1, len(m.lists)-1)
		case key.Matches(msg, m.keys.Reload):
			return m.reload()
		case key.Matches(msg, m.keys.AllAccounts):
			m.everyAccount = !m.everyAccount
			return m.reload()
		case key.Matches(msg, m.keys.Open):
			if len(m.lists) > 0 && len(m.companies) > 0 {
				li := m.cursor
				return m, m.c.navigate(openWorklistMsg{list: m.lists[li], query: m.queries[li], companies: m.companies})
			}
		}
	}
	return m, nil
}

// openWorklistMsg opens a worklist's merged rows.
type openWorklistMsg struct {
	list      worklist.Worklist
	query     filter.Query
	companies []wlCompany
}

// tally is a worklist's counts so far: the sum of those in, and how many
// companies are still loading or failed.
func (m worklistsModel) tally(li int) (total, loading, failed int) {
	for _, cell := range m.cells[li] {
		switch {
		case !cell.done:
			loading++
		case cell.err != nil:
			failed++
		default:
			total += cell.total
		}
	}
	return total, loading, failed
}

func (m worklistsModel) close() {
	if m.cancel != nil {
		m.cancel()
	}
}

// The screen interface.

func (m *worklistsModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *worklistsModel) resize(w, h int) screen {
	m.width, m.height = w, h
	return m
}

func (m *worklistsModel) keyMap() help.KeyMap         { return m.keys }
func (m *worklistsModel) capturing() bool             { return false }
func (m *worklistsModel) selected() (selection, bool) { return selection{}, false }
func (m *worklistsModel) wantsTick() bool             { return false }
func (m *worklistsModel) screenKind() screenKind      { return screenWorklists }

// openWorklists shows the worklists (once): the counts start afresh.
func (a *App) openWorklists() tea.Cmd {
	if i := a.indexOf(screenWorklists); i >= 0 {
		for len(a.stack) > i+1 {
			a.pop()
		}
		return nil
	}
	m, cmd := newWorklists(a.c)
	a.push(&m)
	return cmd
}

// companyLabel is a company's name made safe for the terminal, or its id.
func companyLabel(co hyperline.Company) string {
	if name := strings.TrimSpace(termsafe.Line(co.Name)); name != "" {
		return name
	}
	return co.ID
}
