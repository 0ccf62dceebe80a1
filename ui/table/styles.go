package table

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Styles is how the table looks. Every style is applied inline: padding,
// margins, borders and widths are ignored so each line keeps its width.
type Styles struct {
	Header   lipgloss.Style // the title line
	Cell     lipgloss.Style // cells with ToneNone
	Selected lipgloss.Style // the whole selected line, over plain cells
	Good     lipgloss.Style // ToneGood: paid, active
	Warn     lipgloss.Style // ToneWarn: due soon, past due
	Bad      lipgloss.Style // ToneBad: failed, cancelled
	Muted    lipgloss.Style // ToneMuted: ids, drafts, archived
	Info     lipgloss.Style // ToneInfo: pending, scheduled
	Empty    lipgloss.Style // the text shown when there are no rows
	// SelectedMarker starts the selected line, e.g. "▶ "; other lines start
	// with as many spaces. It keeps the selection visible without colour
	// (NO_COLOR drops bold and reverse).
	SelectedMarker string
}

// DefaultStyles returns usable defaults built on lipgloss's default
// renderer (the program's terminal).
func DefaultStyles() Styles { return DefaultStylesFor(lipgloss.DefaultRenderer()) }

// DefaultStylesFor returns the defaults built on r, for output that is not
// the program's terminal (an SSH session, a test pinned to a colour profile).
func DefaultStylesFor(r *lipgloss.Renderer) Styles {
	// The palette, light and dark; local so no package state can change it.
	var (
		colorGood  = lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#3FB950"}
		colorWarn  = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#D29922"}
		colorBad   = lipgloss.AdaptiveColor{Light: "#CF222E", Dark: "#F85149"}
		colorMuted = lipgloss.AdaptiveColor{Light: "#6E7781", Dark: "#8B949E"}
		colorInfo  = lipgloss.AdaptiveColor{Light: "#0969DA", Dark: "#58A6FF"}
		colorTitle = lipgloss.AdaptiveColor{Light: "#24292F", Dark: "#E6EDF3"}
	)
	return Styles{
		Header:         r.NewStyle().Bold(true).Foreground(colorTitle),
		Cell:           r.NewStyle(),
		Selected:       r.NewStyle().Reverse(true).Bold(true),
		Good:           r.NewStyle().Foreground(colorGood),
		Warn:           r.NewStyle().Foreground(colorWarn),
		Bad:            r.NewStyle().Foreground(colorBad),
		Muted:          r.NewStyle().Foreground(colorMuted),
		Info:           r.NewStyle().Foreground(colorInfo),
		Empty:          r.NewStyle().Foreground(colorMuted).Italic(true),
		SelectedMarker: "▶ ",
	}
}

// normalised returns s with every style made inline and width-free, so a
// style can never change the number or width of lines.
func (s Styles) normalised() Styles {
	fix := func(st lipgloss.Style) lipgloss.Style {
		return st.Inline(true).UnsetWidth().UnsetMaxWidth().UnsetHeight().UnsetMaxHeight()
	}
	s.Header, s.Cell, s.Selected = fix(s.Header), fix(s.Cell), fix(s.Selected)
	s.Good, s.Warn, s.Bad = fix(s.Good), fix(s.Warn), fix(s.Bad)
	s.Muted, s.Info, s.Empty = fix(s.Muted), fix(s.Info), fix(s.Empty)
	s.SelectedMarker = sanitize(s.SelectedMarker)
	return s
}

// tone returns the style for a cell's tone.
func (s *Styles) tone(t Tone) *lipgloss.Style {
	switch t {
	case ToneGood:
		return &s.Good
	case ToneWarn:
		return &s.Warn
	case ToneBad:
		return &s.Bad
	case ToneMuted:
		return &s.Muted
	case ToneInfo:
		return &s.Info
	default:
		return &s.Cell
	}
}

// markerWidth is the display width of the selection marker, which is also
// the width of the gutter on every other line.
func markerWidth(marker string) int { return ansi.StringWidth(marker) }
