package table

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// ellipsis ends a cut cell.
const ellipsis = "…"

// renderCache holds rendered lines for the rows near the viewport. Lines
// are keyed by index into the rows and belong to one render generation (the
// rows, layout and styles they were rendered with); a new generation empties
// it. Filtering does not: a row renders the same whether or not others are
// hidden.
type renderCache struct {
	nextGen uint64
	gen     uint64
	synced  bool

	palette palette
	header  string
	blank   string
	lines   map[int]string // unselected lines by row index
	spare   map[int]string // reused when evicting

	sel selectedLine

	// frame is the last View, returned again while nothing it shows has
	// changed: a clock ticking elsewhere on screen costs no work here.
	frame    string
	frameKey frameKey

	rendered int // rows rendered so far, for tests of the cache
}

// frameKey is everything a frame depends on besides the render generation.
type frameKey struct {
	gen, filterGen        uint64
	offset, cursor, count int
	focused               bool
}

// selectedLine is the one line rendered with the selection marker.
type selectedLine struct {
	valid   bool
	idx     int
	focused bool
	line    string
}

func newRenderCache() *renderCache {
	return &renderCache{lines: map[int]string{}, spare: map[int]string{}}
}

// newGen returns a generation no copy of the model has used yet.
func (c *renderCache) newGen() uint64 {
	c.nextGen++
	return c.nextGen
}

// sync empties the cache when it holds another generation's lines.
func (c *renderCache) sync(m *Model) {
	if c.synced && c.gen == m.renderGen {
		return
	}
	c.gen, c.synced = m.renderGen, true
	c.frame = ""
	clear(c.lines)
	c.sel = selectedLine{}
	c.palette = newPalette(m.styles)
	c.blank = strings.Repeat(" ", m.width)
	c.header = m.renderHeader(&c.palette)
}

// View renders exactly Height() lines, each exactly Width() cells wide: the
// header, then the rows in the viewport, padded with blank lines. Its cost
// depends on the viewport, not on the number of rows held; rows come from
// the cache, so a cursor move renders only the two rows it changes.
func (m Model) View() string {
	if m.height <= 0 {
		return ""
	}
	c := m.cache
	if c == nil { // a zero Model: render without keeping anything
		c = newRenderCache()
	}
	c.sync(&m)

	body := m.bodyHeight()
	n := m.count()
	if n == 0 {
		return m.viewEmpty(c, body)
	}
	key := frameKey{m.renderGen, m.filterGen, m.offset, m.cursor, n, m.focused}
	if c.frame != "" && c.frameKey == key {
		return c.frame
	}
	end := min(m.offset+body, n)

	size := len(c.header)
	for pos := m.offset; pos < end; pos++ {
		size += 1 + len(m.line(c, pos))
	}
	size += (body - (end - m.offset)) * (1 + len(c.blank))

	var b strings.Builder
	b.Grow(size)
	b.WriteString(c.header)
	for pos := m.offset; pos < end; pos++ {
		b.WriteByte('\n')
		b.WriteString(m.line(c, pos))
	}
	for i := end - m.offset; i < body; i++ {
		b.WriteByte('\n')
		b.WriteString(c.blank)
	}
	m.evict(c)
	c.frame, c.frameKey = b.String(), key
	return c.frame
}

// line returns the rendered line for the filtered row at pos, from the
// cache when it can.
func (m *Model) line(c *renderCache, pos int) string {
	idx := m.rowIndex(pos)
	if pos == m.cursor {
		if s := &c.sel; s.valid && s.idx == idx && s.focused == m.focused {
			return s.line
		}
		c.rendered++
		c.sel = selectedLine{valid: true, idx: idx, focused: m.focused, line: m.renderRow(&c.palette, &m.rows[idx], true)}
		return c.sel.line
	}
	if s, ok := c.lines[idx]; ok {
		return s
	}
	c.rendered++
	s := m.renderRow(&c.palette, &m.rows[idx], false)
	c.lines[idx] = s
	return s
}

// evict bounds the cache: once it holds more than a few screens of lines,
// it keeps only the viewport and one screen either side.
func (m *Model) evict(c *renderCache) {
	body := max(m.bodyHeight(), 1)
	if len(c.lines) <= 4*body+16 {
		return
	}
	clear(c.spare)
	for pos := max(m.offset-body, 0); pos < min(m.offset+2*body, m.count()); pos++ {
		idx := m.rowIndex(pos)
		if s, ok := c.lines[idx]; ok {
			c.spare[idx] = s
		}
	}
	c.lines, c.spare = c.spare, c.lines
}

// viewEmpty renders the header, the empty text and blank lines.
func (m *Model) viewEmpty(c *renderCache, body int) string {
	var b strings.Builder
	b.WriteString(c.header)
	if body > 0 {
		text := m.emptyText
		if m.filter != "" && len(m.rows) > 0 {
			text = "No rows match “" + m.query + "”"
		}
		b.WriteByte('\n')
		g := m.layout.gutter
		text, w := fit(sanitize(text), m.width-g)
		writeSpaces(&b, g)
		c.palette.empty.write(&b, text)
		writeSpaces(&b, m.width-g-w)
	}
	for i := 1; i < body; i++ {
		b.WriteByte('\n')
		b.WriteString(c.blank)
	}
	return b.String()
}

// renderHeader renders the column titles over the gutter, in Header style.
func (m *Model) renderHeader(p *palette) string {
	var b strings.Builder
	writeSpaces(&b, m.layout.gutter)
	for k, ci := range m.layout.shown {
		if k > 0 {
			writeSpaces(&b, colGap)
		}
		writeCell(&b, sanitize(m.cols[ci].Title), m.layout.widths[k], m.cols[ci].Align, CutEnd, nil)
	}
	writeSpaces(&b, m.width-m.layout.used)
	return p.header.render(b.String())
}

// renderRow renders one row to exactly the table's width: the marker or the
// gutter, then the cells in their tones. The selected row of a focused
// table is rendered plain and painted as a whole, so the selection style is
// not broken by the tones' resets.
func (m *Model) renderRow(p *palette, r *Row, selected bool) string {
	var b strings.Builder
	b.Grow(m.width + 16*len(m.layout.shown))
	if selected {
		marker, w := fit(m.styles.SelectedMarker, m.layout.gutter)
		b.WriteString(marker)
		writeSpaces(&b, m.layout.gutter-w)
	} else {
		writeSpaces(&b, m.layout.gutter)
	}
	toned := !selected || !m.focused
	for k, ci := range m.layout.shown {
		if k > 0 {
			writeSpaces(&b, colGap)
		}
		var cell Cell
		if ci < len(r.Cells) {
			cell = r.Cells[ci]
		}
		var pt *paint
		if toned && cell.Text != "" {
			pt = p.tone(cell.Tone)
		}
		writeCell(&b, sanitize(cell.Text), m.layout.widths[k], m.cols[ci].Align, m.cols[ci].Cut, pt)
	}
	writeSpaces(&b, m.width-m.layout.used)
	if !toned {
		return p.selected.render(b.String())
	}
	return b.String()
}

// writeCell writes text cut and padded to w cells, painted when p is set
// (the padding stays unpainted).
func writeCell(b *strings.Builder, text string, w int, align Align, cut Cut, p *paint) {
	text, tw := fitCut(text, w, cut)
	pad := w - tw
	if align == AlignRight {
		writeSpaces(b, pad)
	}
	if p != nil {
		p.write(b, text)
	} else {
		b.WriteString(text)
	}
	if align != AlignRight {
		writeSpaces(b, pad)
	}
}

// fit cuts text to at most w cells, ending it with an ellipsis when cut,
// and returns it with its width.
func fit(text string, w int) (string, int) {
	if w <= 0 {
		return "", 0
	}
	tw := ansi.StringWidth(text)
	if tw <= w {
		return text, tw
	}
	text = ansi.Truncate(text, w, ellipsis)
	return text, ansi.StringWidth(text)
}

// fitCut is fit with the column's way of cutting.
func fitCut(text string, w int, cut Cut) (string, int) {
	if cut == CutEnd || w <= 2 {
		return fit(text, w)
	}
	tw := ansi.StringWidth(text)
	if tw <= w {
		return text, tw
	}
	if cut == CutEmail {
		if at := strings.LastIndexByte(text, '@'); at > 0 {
			domain := text[at:]
			dw := ansi.StringWidth(domain)
			if w-dw >= 2 {
				local := cutMiddle(text[:at], w-dw)
				return local + domain, ansi.StringWidth(local) + dw
			}
			// The domain alone is too wide: its start names the company,
			// so it is cut at its end, after the local part's first letter.
			head := ansi.Truncate(text[:at], 1, "") + ellipsis
			text = head + ansi.Truncate(domain, w-ansi.StringWidth(head), ellipsis)
			return text, ansi.StringWidth(text)
		}
	}
	text = cutMiddle(text, w)
	return text, ansi.StringWidth(text)
}

// cutMiddle shortens text to w cells (w ≥ 2) by an ellipsis in its middle,
// keeping its start and its end.
func cutMiddle(text string, w int) string {
	tw := ansi.StringWidth(text)
	if tw <= w {
		return text
	}
	keep := w - 1 // the ellipsis is one cell
	head := (keep + 1) / 2
	tail := keep - head
	return ansi.Truncate(text, head, "") + ellipsis + ansi.TruncateLeft(text, tw-tail, "")
}

// spaces is a run of blanks to pad from without allocating.
const spaces = "                                                                "

func writeSpaces(b *strings.Builder, n int) {
	for n > len(spaces) {
		b.WriteString(spaces)
		n -= len(spaces)
	}
	if n > 0 {
		b.WriteString(spaces[:n])
	}
}

// sanitize makes cell text from the API safe to print: no control
// character, escape sequence or bidi override gets through, and what
// remains keeps its display width (see termsafe.Line).
func sanitize(s string) string { return termsafe.Line(s) }
