package ui

import (
	"cmp"
	"slices"

	tea "github.com/charmbracelet/bubbletea"
)

// A worklist's rows page on demand, as the explorer's lists do: when the
// cursor nears the end of the rows held, the companies that hold more
// are asked for their next page (by cursor or skip, as each list pages).
// One move asks at most worklistMorePages companies, and no more pages
// are on their way at once, so holding a key down never floods the API;
// a company whose page is on its way is not asked again.

// worklistMorePages bounds the next pages on their way at once, and so
// the requests one key press can cause.
const worklistMorePages = 3

// addPage adds a company's page to the rows, dropping any row already
// held (a skip page can repeat an object when the list moved between
// pages), and sorts them again.
func (m *worklistRowsModel) addPage(msg worklistRowsMsg) {
	s := &m.states[msg.company]
	if !msg.first {
		s.loading = false
		if msg.err != nil {
			s.moreErr = msg.err
			return
		}
	} else {
		*s = rowsState{done: true, err: msg.err}
		if msg.err != nil {
			return
		}
	}
	s.moreErr = nil
	p := msg.page
	if p.HasTotal {
		s.total, s.hasTotal = p.Total, true
	}
	s.more, s.next = p.More, p.Next
	added := 0
	for _, r := range p.Rows {
		if _, held := m.byID[rowID(r)]; held {
			continue
		}
		m.byID[rowID(r)] = -1 // held; show gives it its index
		m.accountOf[r.Company.ID] = m.companies[msg.company].account
		m.rows = append(m.rows, r)
		added++
	}
	s.shown += added
	if !s.more && !s.hasTotal {
		s.total, s.hasTotal = s.shown, true
	}
	m.show()
}

// loadMore asks for the next pages when the cursor nears the end of the
// rows held: of the companies that hold the fewest rows first, up to
// worklistMorePages pages on their way in all.
func (m *worklistRowsModel) loadMore() tea.Cmd {
	if !m.table.NearEnd(max(m.table.Height()*2, 20)) {
		return nil
	}
	room := worklistMorePages
	var want []int
	for ci, s := range m.states {
		switch {
		case s.loading:
			room--
		case s.done && s.err == nil && s.more:
			want = append(want, ci)
		}
	}
	slices.SortStableFunc(want, func(a, b int) int { return cmp.Compare(m.states[a].shown, m.states[b].shown) })
	var cmds []tea.Cmd
	for _, ci := range want[:max(min(room, len(want)), 0)] {
		m.states[ci].loading = true
		cmds = append(cmds, m.fetchRows(ci, m.states[ci].next, 0))
	}
	return tea.Batch(cmds...)
}

// partial reports whether a company holds more rows than it shows: the
// sort then orders only the rows shown.
func (m worklistRowsModel) partial() bool {
	for _, s := range m.states {
		if s.done && s.err == nil && s.more {
			return true
		}
	}
	return false
}
