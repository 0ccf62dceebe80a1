package table

import (
	"sort"
	"strings"
)

// SetRows replaces the rows. The cursor stays on the row with the same ID if
// it is still there (and on the same screen line); otherwise it stays at the
// same position, clamped.
func (m *Model) SetRows(rows []Row) {
	selID, hadSel := m.selectedID()
	screenLine := m.cursor - m.offset

	m.rows = append(m.rows[:0:0], rows...)
	m.hay = newHaystacks(m.rows)
	m.invalidate()
	if m.filter != "" {
		m.visible = m.hay.matchAll([]byte(m.filter), 0)
	}

	if hadSel {
		if pos, ok := m.positionOfID(selID); ok {
			m.cursor = pos
			m.offset = pos - screenLine
		}
	}
	m.clampCursor()
}

// AppendRows adds rows at the end, as the next page arrives. It costs
// O(len(rows)): nothing already held is re-rendered or re-filtered, and the
// cursor stays where it is.
func (m *Model) AppendRows(rows []Row) {
	base := len(m.rows)
	m.rows = append(m.rows, rows...)
	m.hay.add(rows)
	if m.filter != "" {
		m.visible = append(m.visible, m.hay.matchAll([]byte(m.filter), base)...)
	}
	m.clampCursor()
}

// SetFilter keeps only the rows where some cell contains query, ignoring
// case; "" shows every row. The selected row stays selected if it still
// matches; otherwise the cursor goes to the next matching row after it.
func (m *Model) SetFilter(query string) {
	m.query = query
	qb := lowerInto(nil, query)
	q := string(qb)
	if q == m.filter {
		return
	}
	selIdx, hadSel := m.selectedIndex()

	switch {
	case q == "":
		m.visible = nil
	case m.filter != "" && strings.Contains(q, m.filter) && len(m.visible) < len(m.rows)/2:
		// Every row matching q matches the old query too: look only there.
		// (When most rows matched, one scan of the buffer is faster.)
		m.visible = m.hay.matchIn(qb, m.visible)
	default:
		m.visible = m.hay.matchAll(qb, 0)
	}
	m.filter = q
	if m.cache != nil {
		m.filterGen = m.cache.newGen()
	}

	screenLine := m.cursor - m.offset
	if hadSel {
		pos, exact := m.positionOfIndex(selIdx)
		m.cursor = pos
		if exact {
			m.offset = pos - screenLine
		}
	}
	m.clampCursor()
}

// Filter returns the filter query as last given to SetFilter.
func (m Model) Filter() string { return m.query }

// Len is the number of rows held.
func (m Model) Len() int { return len(m.rows) }

// VisibleLen is the number of rows that match the filter.
func (m Model) VisibleLen() int { return m.count() }

// count is VisibleLen without copying the model.
func (m *Model) count() int {
	if m.filter == "" {
		return len(m.rows)
	}
	return len(m.visible)
}

// Window is the rows in the viewport and up to extra rows either side of
// it, in display order: the rows worth fetching more about before the user
// sees them. Its cost is the viewport's, not the rows held.
func (m *Model) Window(extra int) []Row {
	from := max(m.offset-extra, 0)
	to := min(m.offset+m.bodyHeight()+extra, m.count())
	out := make([]Row, 0, max(to-from, 0))
	for pos := from; pos < to; pos++ {
		out = append(out, m.rows[m.rowIndex(pos)])
	}
	return out
}

// Cursor is the selected position among the filtered rows.
func (m Model) Cursor() int { return m.cursor }

// SetCursor moves the selection to position i among the filtered rows,
// clamped, scrolling just enough to show it.
func (m *Model) SetCursor(i int) {
	m.cursor = i
	m.clampCursor()
}

// SelectedRow returns the selected row; false when no row is shown.
func (m Model) SelectedRow() (Row, bool) {
	i, ok := m.selectedIndex()
	if !ok {
		return Row{}, false
	}
	return m.rows[i], true
}

// SelectID selects the shown row with the given ID and reports whether there
// is one.
func (m *Model) SelectID(id string) bool {
	pos, ok := m.positionOfID(id)
	if ok {
		m.SetCursor(pos)
	}
	return ok
}

// NearEnd reports whether the cursor is on one of the last n shown rows (or
// no row is shown): the time to ask for the next page.
func (m Model) NearEnd(n int) bool {
	return m.count()-m.cursor <= n
}

// rowIndex maps a position among the filtered rows to an index into rows.
func (m *Model) rowIndex(pos int) int {
	if m.filter == "" {
		return pos
	}
	return m.visible[pos]
}

// selectedIndex is the index into rows of the selected row.
func (m *Model) selectedIndex() (int, bool) {
	if m.cursor < 0 || m.cursor >= m.count() {
		return 0, false
	}
	return m.rowIndex(m.cursor), true
}

func (m *Model) selectedID() (string, bool) {
	i, ok := m.selectedIndex()
	if !ok {
		return "", false
	}
	return m.rows[i].ID, true
}

// positionOfID finds the position among the filtered rows of the row with
// the given ID.
func (m *Model) positionOfID(id string) (int, bool) {
	for pos, n := 0, m.count(); pos < n; pos++ {
		if m.rows[m.rowIndex(pos)].ID == id {
			return pos, true
		}
	}
	return 0, false
}

// positionOfIndex finds the position among the filtered rows of rows[idx],
// or of the first shown row after it when it is filtered out.
func (m *Model) positionOfIndex(idx int) (pos int, exact bool) {
	if m.filter == "" {
		return idx, idx < len(m.rows)
	}
	pos = sort.SearchInts(m.visible, idx)
	return pos, pos < len(m.visible) && m.visible[pos] == idx
}
