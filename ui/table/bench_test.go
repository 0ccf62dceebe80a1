package table

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	stock "github.com/charmbracelet/bubbles/table"
	tea "github.com/charmbracelet/bubbletea"
)

// benchSizes are the row counts the issue asks about.
var benchSizes = []int{100, 10_000, 100_000}

var downKey = tea.KeyMsg{Type: tea.KeyDown}

// colourRenderer renders in true colour on a dark background, as a real
// terminal would: benchmarks must pay for the escape sequences.
func colourRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	return r
}

// benchTable is the customers table at 200x50 in true colour, holding n
// rows, with the cursor in the middle and the setup garbage collected.
func benchTable(b *testing.B, n int) Model {
	b.Helper()
	m := New(customerColumns(), WithStyles(DefaultStylesFor(colourRenderer())))
	m.SetSize(200, 50)
	m.SetRows(customerRows(0, n))
	m.SetCursor(n / 2)
	runtime.GC()
	return m
}

// BenchmarkView renders the customers table at 200x50 from its cached rows,
// as a frame after any change does (the finished frame is dropped each time,
// so this measures putting it together). The cost must not grow with rows.
func BenchmarkView(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := benchTable(b, n)
			_ = m.View()
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				m.cache.frame = ""
				_ = m.View()
			}
		})
	}
}

// BenchmarkViewUnchanged is a frame where nothing in the table changed (the
// status bar's clock ticked): the last frame is returned as it is.
func BenchmarkViewUnchanged(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := benchTable(b, n)
			_ = m.View()
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				_ = m.View()
			}
		})
	}
}

// BenchmarkViewCold renders the whole viewport from scratch each time (a
// resize or a reload): the worst frame.
func BenchmarkViewCold(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := benchTable(b, n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				m.SetSize(200-i%2, 50)
				_ = m.View()
			}
		})
	}
}

// BenchmarkCursorMoveView is one down key plus the frame it causes, at
// 100,000 rows, with the viewport scrolling along.
func BenchmarkCursorMoveView(b *testing.B) {
	const n = 100_000
	m := benchTable(b, n)
	_ = m.View()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if m.Cursor() == n-1 {
			m.GotoTop()
		}
		m, _ = m.Update(downKey)
		_ = m.View()
	}
}

// BenchmarkFilterKeystroke is one keystroke in the filter over 100,000
// rows: the first letter (answered from the row masks), a first symbol and
// a pasted two-letter query (scans of every row, matching every row), and a
// letter extending the query (a scan of the previous matches).
func BenchmarkFilterKeystroke(b *testing.B) {
	const n = 100_000
	for _, c := range []struct{ name, from, to string }{
		{"first", "", "e"},
		{"first-symbol", "", "@"},
		{"paste", "", "ex"},
		{"extend", "e", "ex"},
		{"extend-cjk", "株式", "株式会"},
		{"extend-none", "zz", "zzq"},
	} {
		b.Run(c.name, func(b *testing.B) {
			// Each keystroke starts from a copy of the table filtered by
			// c.from: no untimed setup per iteration (the one before the
			// fix made extend-none, a ~50 ns keystroke after a full scan,
			// run for hours at the default benchtime).
			from := benchTable(b, n)
			from.SetFilter(c.from)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				m := from
				m.SetFilter(c.to)
			}
		})
	}
}

// BenchmarkStockBubblesTable measures bubbles/table v1.0.0 holding every
// row, for comparison on the same machine.
func BenchmarkStockBubblesTable(b *testing.B) {
	newStock := func(n int) stock.Model {
		var cols []stock.Column
		for _, c := range customerColumns() {
			cols = append(cols, stock.Column{Title: c.Title, Width: c.Width})
		}
		src := customerRows(0, n)
		rows := make([]stock.Row, n)
		for i, r := range src {
			row := make(stock.Row, len(r.Cells))
			for k, c := range r.Cells {
				row[k] = c.Text
			}
			rows[i] = row
		}
		r := colourRenderer()
		styles := stock.Styles{ // stock.DefaultStyles, on the true-colour renderer
			Header:   r.NewStyle().Bold(true).Padding(0, 1),
			Cell:     r.NewStyle().Padding(0, 1),
			Selected: r.NewStyle().Bold(true).Foreground(lipgloss.Color("212")),
		}
		m := stock.New(stock.WithColumns(cols), stock.WithRows(rows), stock.WithStyles(styles),
			stock.WithHeight(49), stock.WithWidth(200), stock.WithFocused(true))
		runtime.GC()
		return m
	}
	for _, n := range []int{100, 100_000} {
		b.Run(fmt.Sprintf("View/rows=%d", n), func(b *testing.B) {
			m := newStock(n)
			m.SetCursor(n / 2)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				_ = m.View()
			}
		})
	}
	b.Run("CursorMoveView/rows=100000", func(b *testing.B) {
		const n = 100_000
		m := newStock(n)
		m.SetCursor(n / 2)
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			if m.Cursor() == n-1 {
				m.GotoTop()
			}
			m, _ = m.Update(downKey)
			_ = m.View()
		}
	})
}
