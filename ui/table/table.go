// Package table is a virtualised, cached table for Bubble Tea v1.
//
// It holds any number of rows but renders only the rows in the viewport, and
// it caches each rendered row so that View costs the same with 100 rows as
// with 100,000, and a cursor move re-renders at most the two rows whose
// selection changed. Rows carry a stable ID so the selection survives
// appends, reloads and filtering. The selected row is marked with a glyph as
// well as a style, so it stays visible under NO_COLOR.
//
// A Model is a value, like every Bubble Tea model, but copies share one
// render cache; use one copy at a time (as Bubble Tea does) and from one
// goroutine.
package table

// Tone says what a cell's colour means; the table maps tones to styles.
type Tone int

// Tones, from neutral to the meanings a status word can carry.
const (
	ToneNone Tone = iota
	ToneGood
	ToneWarn
	ToneBad
	ToneMuted
	ToneInfo
)

// Cell is one value in a row, with the meaning of its colour.
type Cell struct {
	Text string
	Tone Tone
}

// Row is one line of the table.
type Row struct {
	// ID is the stable identity (the Hyperline object id): the selection
	// follows it across appends, filters and reloads.
	ID    string
	Cells []Cell
}

// Align is the horizontal alignment of a column's cells and title.
type Align int

// Alignments. Money columns are right-aligned.
const (
	AlignLeft Align = iota
	AlignRight
)

// Column describes one column of the table.
type Column struct {
	Title string
	// Width is the minimum (or, without Flex, fixed) width in cells.
	Width int
	// Flex is this column's share of the spare width; 0 keeps Width fixed.
	Flex  int
	Align Align
	// Priority decides which columns are hidden when the terminal is too
	// narrow for all of them: the lowest priority goes first.
	Priority int
	// Ideal is the width the column's values want (0: Width). Spare width
	// brings shown columns up to it before flex columns share the rest,
	// and a Spare column only shows once every other one can have it.
	Ideal int
	// Spare marks a column that gives up its room first (an id the user
	// can copy with a key): it is shown only when every other shown column
	// has its Ideal width.
	Spare bool
	// Cut is how a value too wide for the column is shortened.
	Cut Cut
}

// Cut is how a cell too wide for its column is shortened.
type Cut int

// Cuts. The default cuts the end. CutMiddle keeps both ends. CutEmail keeps
// the domain whole and cuts the middle of the local part: a company's
// addresses share their local part (billing@, invoices@) and differ by
// domain, so cutting the end hid exactly what tells them apart.
const (
	CutEnd Cut = iota
	CutMiddle
	CutEmail
)

// Model is the table's state. Build it with New.
type Model struct {
	cols      []Column
	styles    *Styles // shared by copies, never changed in place
	keys      *KeyMap // shared by copies, never changed in place
	emptyText string
	focused   bool

	width, height int
	layout        layout

	rows []Row
	hay  haystacks // what the filter searches
	// filter is the current query, lowercased; visible lists the indexes of
	// the rows matching it, ascending (nil when there is no filter).
	query     string // as given, for Filter
	filter    string
	visible   []int
	filterGen uint64 // changes with visible, for the frame cache

	cursor int // index into the filtered rows
	offset int // first filtered row in the viewport

	// renderGen names the rows-and-layout generation the cached lines
	// belong to; it changes whenever a cached line could be stale.
	renderGen uint64
	cache     *renderCache
}

// Option configures a Model in New.
type Option func(*Model)

// WithStyles sets the styles (the ui package passes its own).
func WithStyles(s Styles) Option {
	return func(m *Model) { s = s.normalised(); m.styles = &s }
}

// WithKeyMap sets the key bindings.
func WithKeyMap(k KeyMap) Option { return func(m *Model) { m.keys = &k } }

// WithEmptyText sets the text shown when the table has no rows.
func WithEmptyText(s string) Option { return func(m *Model) { m.emptyText = s } }

// New builds a focused table with the given columns and no rows. Call SetSize
// before the first View.
func New(cols []Column, opts ...Option) Model {
	m := Model{
		cols:      append([]Column(nil), cols...),
		emptyText: "No rows",
		focused:   true,
	}
	for _, o := range opts {
		o(&m)
	}
	m.relayout()
	return m
}

// SetSize sets the table's size in cells; height includes the header line.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.relayout()
	m.clampCursor()
}

// Width is the width of every line View returns.
func (m Model) Width() int { return m.width }

// Height is the number of lines View returns, header included.
func (m Model) Height() int { return m.height }

// SetStyles replaces the styles.
func (m *Model) SetStyles(s Styles) {
	s = s.normalised()
	m.styles = &s
	m.relayout()
}

// SetColumns replaces the columns, keeping the rows (cells map to columns by
// position).
func (m *Model) SetColumns(cols []Column) {
	m.cols = append([]Column(nil), cols...)
	m.relayout()
}

// SetFocused sets whether the table reacts to keys and shows the selection
// style; the selection marker shows either way.
func (m *Model) SetFocused(f bool) {
	m.focused = f
}

// Focused reports whether the table reacts to keys.
func (m Model) Focused() bool { return m.focused }

// KeyMap returns the key bindings, for help.
func (m Model) KeyMap() KeyMap {
	if m.keys == nil {
		return DefaultKeyMap()
	}
	return *m.keys
}

// relayout recomputes the column layout and retires every cached line.
// It also completes a zero Model, so one that skipped New still works.
func (m *Model) relayout() {
	if m.styles == nil {
		s := DefaultStyles().normalised()
		m.styles = &s
	}
	if m.keys == nil {
		k := DefaultKeyMap()
		m.keys = &k
	}
	if m.cache == nil {
		m.cache = newRenderCache()
	}
	m.layout = computeLayout(m.cols, m.width, markerWidth(m.styles.SelectedMarker))
	m.invalidate()
}

// invalidate retires every cached line.
func (m *Model) invalidate() {
	if m.cache != nil {
		m.renderGen = m.cache.newGen()
	}
}

// bodyHeight is the number of row lines under the header.
func (m *Model) bodyHeight() int { return max(m.height-1, 0) }
