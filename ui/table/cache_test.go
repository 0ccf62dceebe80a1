package table

import (
	"runtime"
	"testing"
)

func TestCursorMoveRendersAtMostTwoRows(t *testing.T) {
	t.Parallel()
	m := newCustomers(1000, 200, 50)
	_ = m.View()
	if got := m.cache.rendered; got != 49 {
		t.Fatalf("first frame rendered %d rows, want 49", got)
	}
	for i, msg := range append(repeat(runes("j"), 60), repeat(runes("k"), 60)...) {
		before := m.cache.rendered
		m = press(t, m, msg)
		_ = m.View()
		if n := m.cache.rendered - before; n > 2 {
			t.Fatalf("move %d rendered %d rows, want at most 2", i, n)
		}
	}
	before := m.cache.rendered
	_ = m.View()
	if m.cache.rendered != before {
		t.Error("a frame without changes rendered rows")
	}
}

func TestCacheSurvivesFilterAndAppend(t *testing.T) {
	t.Parallel()
	m := newCustomers(1000, 80, 24)
	_ = m.View()
	m.AppendRows(customerRows(1000, 1000))
	before := m.cache.rendered
	_ = m.View()
	if n := m.cache.rendered - before; n != 0 {
		t.Errorf("append re-rendered %d rows", n)
	}
	m.SetFilter("x") // every row has "example": nothing moves
	m.SetFilter("")
	_ = m.View()
	if n := m.cache.rendered - before; n != 0 {
		t.Errorf("filter that keeps the rows re-rendered %d rows", n)
	}
	m.SetSize(100, 24)
	_ = m.View()
	if n := m.cache.rendered - before; n != 23 {
		t.Errorf("resize re-rendered %d rows, want 23", n)
	}
}

func TestCacheIsBounded(t *testing.T) {
	t.Parallel()
	m := newCustomers(5000, 80, 24)
	limit := 4*23 + 16
	for range 200 {
		m = press(t, m, runes("j"), runes("j"), runes("j"), runes("j"), runes("j"))
		_ = m.View()
		if len(m.cache.lines) > limit {
			t.Fatalf("cache holds %d lines, limit %d", len(m.cache.lines), limit)
		}
	}
	m = press(t, m, runes("G"))
	_ = m.View()
	if len(m.cache.lines) > limit {
		t.Fatalf("cache holds %d lines after G, limit %d", len(m.cache.lines), limit)
	}
}

// TestViewAllocationsFlat: a frame allocates its output string and nothing
// else, however many rows are held; an unchanged frame allocates nothing.
func TestViewAllocationsFlat(t *testing.T) { // not parallel: AllocsPerRun
	for _, n := range []int{100, 100_000} {
		m := newCustomers(n, 200, 50)
		m.SetCursor(n / 2)
		_ = m.View()
		if a := testing.AllocsPerRun(20, func() { m.cache.frame = ""; _ = m.View() }); a > 1 {
			t.Errorf("%d rows: View allocates %.0f times, want 1", n, a)
		}
		if a := testing.AllocsPerRun(20, func() { _ = m.View() }); a > 0 {
			t.Errorf("%d rows: an unchanged View allocates %.0f times, want 0", n, a)
		}
	}
}

// TestCopiesShareCacheSafely: Bubble Tea passes models by value; two copies
// that diverge must each render their own rows.
func TestCopiesShareCacheSafely(t *testing.T) {
	t.Parallel()
	a := newCustomers(50, 80, 8)
	_ = a.View()
	b := a
	b.SetRows(customerRows(500, 50))
	a2 := a
	a2.SetSize(80, 8) // same size, new generation
	for i, m := range []Model{a, b, a, b, a2} {
		want := newCustomers(50, 80, 8)
		if m.rows[0].ID != want.rows[0].ID {
			want.SetRows(customerRows(500, 50))
		}
		if got := m.View(); got != want.View() {
			t.Errorf("copy %d renders\n%s\nwant\n%s", i, got, want.View())
		}
	}
}

func TestZeroModel(t *testing.T) {
	t.Parallel()
	var m Model
	if v := m.View(); v != "" {
		t.Errorf("zero Model View = %q", v)
	}
	m.SetSize(30, 3)
	m.SetRows([]Row{{ID: "x", Cells: []Cell{{Text: "x"}}}})
	checkFrame(t, m.View(), 30, 3)
	m, _ = m.Update(runes("j"))
	_ = m.KeyMap()
}

// BenchmarkSetRows replaces 100,000 rows (a reload): copying them and
// building the filter's index.
func BenchmarkSetRows(b *testing.B) {
	rows := customerRows(0, 100_000)
	m := newCustomers(0, 200, 50)
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		m.SetRows(rows)
	}
}

// BenchmarkAppendRowsPage appends one 100-row page to a table already
// holding up to 100,000 rows, with a filter active.
func BenchmarkAppendRowsPage(b *testing.B) {
	page := customerRows(0, 100)
	m := newCustomers(0, 200, 50)
	m.SetFilter("acme")
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if m.Len() >= 100_000 {
			b.StopTimer()
			m = newCustomers(0, 200, 50)
			m.SetFilter("acme")
			b.StartTimer()
		}
		m.AppendRows(page)
	}
}

// TestFrameCacheFollowsChanges: every change that shows must give a new
// frame, even though unchanged frames are reused.
func TestFrameCacheFollowsChanges(t *testing.T) {
	t.Parallel()
	m := newCustomers(5, 80, 10)
	fresh := func(m Model) string { // the same state rendered without any cache
		m.cache = newRenderCache()
		m.invalidate()
		return m.View()
	}
	steps := []struct {
		name   string
		change func(*Model)
	}{
		{"nothing", func(*Model) {}},
		{"cursor", func(m *Model) { m.MoveDown(1) }},
		{"append into the viewport", func(m *Model) { m.AppendRows(customerRows(5, 2)) }},
		{"filter", func(m *Model) { m.SetFilter("acme") }},
		{"other filter, same count", func(m *Model) { m.SetFilter("initech") }},
		{"append while filtered", func(m *Model) { m.AppendRows(customerRows(7, 10)) }},
		{"clear", func(m *Model) { m.SetFilter("") }},
		{"unfocus", func(m *Model) { m.SetFocused(false) }},
		{"focus", func(m *Model) { m.SetFocused(true) }},
		{"rows", func(m *Model) { m.SetRows(customerRows(100, 5)) }},
		{"styles", func(m *Model) {
			s := DefaultStyles()
			s.SelectedMarker = "> "
			m.SetStyles(s)
		}},
		{"columns", func(m *Model) { m.SetColumns(customerColumns()[:2]) }},
		{"size", func(m *Model) { m.SetSize(60, 10) }},
	}
	for _, st := range steps {
		st.change(&m)
		if got, want := m.View(), fresh(m); got != want {
			t.Fatalf("after %s the frame is\n%s\nwant\n%s", st.name, got, want)
		}
	}
}
