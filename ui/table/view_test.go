package table

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
)

// checkFrame fails unless view has exactly height lines of width cells.
func checkFrame(t *testing.T, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Fatalf("view has %d lines, want %d:\n%s", len(lines), height, view)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != width {
			t.Errorf("line %d is %d cells wide, want %d: %q", i, w, width, l)
		}
	}
}

func TestViewGolden(t *testing.T) {
	t.Parallel()
	for _, size := range []struct {
		name          string
		width, height int
	}{
		{"80x24", 80, 24},
		{"200x50", 200, 50},
	} {
		t.Run(size.name, func(t *testing.T) {
			t.Parallel()
			m := newCustomers(300, size.width, size.height)
			m.MoveDown(size.height + 3) // scrolled: the viewport followed the cursor
			view := m.View()
			checkFrame(t, view, size.width, size.height)
			golden.RequireEqual(t, []byte(view))
		})
	}
}

func TestViewGoldenStates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		build func() Model
	}{
		{"empty", func() Model {
			m := New(customerColumns(), WithEmptyText("No customers in this company yet"))
			m.SetSize(80, 6)
			return m
		}},
		{"no-match", func() Model {
			m := newCustomers(50, 80, 6)
			m.SetFilter("Zebra")
			return m
		}},
		{"filtered-cjk", func() Model {
			m := newCustomers(100, 80, 10)
			m.SetFilter("株式")
			m.SelectID("cus_00000017")
			return m
		}},
		{"few-rows-pad", func() Model {
			return newCustomers(3, 80, 8)
		}},
		{"narrow-40", func() Model {
			m := newCustomers(20, 40, 8)
			m.SetCursor(1)
			return m
		}},
		{"unsafe-cells", func() Model {
			m := New([]Column{{Title: "Name\tTab", Width: 20, Flex: 1}, {Title: "Note", Width: 20}})
			m.SetSize(50, 4)
			m.SetRows([]Row{
				{ID: "1", Cells: []Cell{{Text: "\x1b[31mred\x1b[0m name"}, {Text: "line\nbreak\ttab"}}},
				{ID: "2", Cells: []Cell{{Text: "osc52 \x1b]52;c;aGk=\x07gone"}, {Text: "c1 \u009bX"}}},
				{ID: "3", Cells: []Cell{{Text: "short"}}}, // fewer cells than columns
			})
			return m
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := tt.build()
			view := m.View()
			checkFrame(t, view, m.Width(), m.Height())
			if strings.ContainsAny(view, "\x1b\a\t\u009b") {
				t.Errorf("view holds control characters: %q", view)
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}

// testEnv is a fake environment for termenv.
type testEnv map[string]string

func (e testEnv) Getenv(k string) string { return e[k] }
func (e testEnv) Environ() []string {
	var out []string
	for k, v := range e {
		out = append(out, k+"="+v)
	}
	return out
}

// terminalRenderer is a lipgloss renderer for a true-colour terminal with
// the given extra environment, as the program would build from os.Environ.
func terminalRenderer(extra testEnv) *lipgloss.Renderer {
	env := testEnv{"TERM": "xterm-256color", "COLORTERM": "truecolor"}
	for k, v := range extra {
		env[k] = v
	}
	r := lipgloss.NewRenderer(io.Discard, termenv.WithTTY(true), termenv.WithEnvironment(env))
	r.SetHasDarkBackground(true)
	return r
}

// lineOf returns the view line showing text.
func lineOf(t *testing.T, view, text string) string {
	t.Helper()
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(ansi.Strip(l), text) {
			return l
		}
	}
	t.Fatalf("no line shows %q in:\n%s", text, view)
	return ""
}

func TestViewNoColorShowsMarker(t *testing.T) {
	t.Parallel()
	r := terminalRenderer(testEnv{"NO_COLOR": "1"})
	m := New(customerColumns(), WithStyles(DefaultStylesFor(r)))
	m.SetSize(80, 10)
	m.SetRows(customerRows(0, 20))
	m.SelectID("cus_00000003")
	view := m.View()
	if strings.Contains(view, "\x1b") {
		t.Fatalf("NO_COLOR view holds escape sequences: %q", view)
	}
	if l := lineOf(t, view, "cus_00000003"); !strings.HasPrefix(l, "▶ ") {
		t.Errorf("selected line %q does not start with the marker", l)
	}
	if l := lineOf(t, view, "cus_00000004"); !strings.HasPrefix(l, "  ") {
		t.Errorf("other line %q does not start with blanks", l)
	}
	checkFrame(t, view, 80, 10)
}

func TestViewColour(t *testing.T) {
	t.Parallel()
	r := terminalRenderer(nil)
	styles := DefaultStylesFor(r)
	m := New(customerColumns(), WithStyles(styles))
	m.SetSize(120, 10)
	m.SetRows(customerRows(0, 20))
	m.SelectID("cus_00000001")
	view := m.View()
	checkFrame(t, view, 120, 10)

	sel := lineOf(t, view, "cus_00000001")
	if !strings.HasPrefix(ansi.Strip(sel), "▶ ") {
		t.Errorf("selected line %q does not start with the marker", sel)
	}
	// One selection style over the whole line: no tone resets inside it.
	want := styles.Selected.Render(ansi.Strip(sel))
	if sel != want {
		t.Errorf("selected line\n%q\nwant\n%q", sel, want)
	}
	bad := lineOf(t, view, "cus_00000003") // status "failed"
	if !strings.Contains(bad, styles.Bad.Render("failed")) {
		t.Errorf("failed status not in the Bad style: %q", bad)
	}
	if !strings.Contains(bad, styles.Muted.Render("cus_00000003")) {
		t.Errorf("id not in the Muted style: %q", bad)
	}

	// Unfocused: the marker stays, the tones come back, no selection style.
	m.SetFocused(false)
	sel = lineOf(t, m.View(), "cus_00000001")
	if !strings.HasPrefix(sel, "▶ ") || !strings.Contains(sel, styles.Warn.Render("past_due")) {
		t.Errorf("unfocused selected line %q", sel)
	}
}

func TestPaintMatchesRender(t *testing.T) {
	t.Parallel()
	r := terminalRenderer(nil)
	for _, st := range []lipgloss.Style{
		r.NewStyle(),
		r.NewStyle().Foreground(lipgloss.Color("#FF0000")).Bold(true),
		r.NewStyle().Reverse(true),
		r.NewStyle().Underline(true), // styles spaces apart: must fall back
		r.NewStyle().Transform(strings.ToUpper),
	} {
		p := newPaint(st)
		for _, s := range []string{"plain", "with space", "株式会社 ü", ""} {
			if got, want := p.render(s), st.Render(s); got != want {
				t.Errorf("paint(%q) = %q, Render = %q", s, got, want)
			}
		}
	}
}

// TestViewFitsEveryWidth sweeps widths and heights, with CJK text, a wide
// marker and styles that would change widths if they were not made inline.
func TestViewFitsEveryWidth(t *testing.T) {
	t.Parallel()
	r := terminalRenderer(nil)
	styles := DefaultStylesFor(r)
	styles.Selected = styles.Selected.Padding(0, 3).Border(lipgloss.NormalBorder()).Width(7)
	styles.Header = styles.Header.MarginLeft(4).Height(3)
	styles.SelectedMarker = "→→ "
	rows := customerRows(0, 12)
	rows[3].Cells[0].Text = "株"
	for _, st := range []Styles{DefaultStyles(), styles} {
		m := New(customerColumns(), WithStyles(st))
		m.SetRows(rows)
		m.SetCursor(3)
		for w := 0; w <= 130; w++ {
			for _, h := range []int{1, 2, 7} {
				m.SetSize(w, h)
				checkFrame(t, m.View(), w, h)
			}
		}
		m.SetRows(nil)
		for w := 0; w <= 40; w++ {
			m.SetSize(w, 3)
			checkFrame(t, m.View(), w, 3)
		}
	}
}
