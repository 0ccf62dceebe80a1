package ui

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/hyperline-tui/hlx/ui/table"
)

// Styles holds every style the UI draws with. Build it with DefaultStyles;
// screens use its fields and never create styles of their own.
type Styles struct {
	// Frame
	Title       lipgloss.Style // app name in the header
	TabActive   lipgloss.Style
	TabInactive lipgloss.Style
	HeaderInfo  lipgloss.Style // "loaded/total" and similar on the header's right
	Heading     lipgloss.Style // section headings inside a screen

	// Text
	Text   lipgloss.Style
	Muted  lipgloss.Style
	Label  lipgloss.Style // "Email" in label/value pairs
	Value  lipgloss.Style
	Good   lipgloss.Style
	Warn   lipgloss.Style
	Bad    lipgloss.Style
	Info   lipgloss.Style
	Link   lipgloss.Style
	Key    lipgloss.Style // a key name inside a sentence, e.g. "press y"
	Filter lipgloss.Style // the filter prompt line

	// Status bar
	EnvProduction  lipgloss.Style
	EnvSandbox     lipgloss.Style
	EnvSimulator   lipgloss.Style
	EnvCustom      lipgloss.Style
	StatusText     lipgloss.Style
	Countdown      lipgloss.Style
	CountdownSoon  lipgloss.Style // under five minutes
	CountdownGone  lipgloss.Style // expired
	Refreshing     lipgloss.Style
	StatusSep      string
	BannerError    lipgloss.Style
	BannerNotice   lipgloss.Style
	Dialog         lipgloss.Style // confirmation box
	Spinner        lipgloss.Style
	HelpKey        lipgloss.Style
	HelpDesc       lipgloss.Style
	HelpSep        lipgloss.Style
	SelectedMarker string // glyph before the selected item, visible without colour
	CurrentMarker  string // glyph marking the current company

	// Table is handed to every ui/table.Model.
	Table table.Styles
}

// DefaultStyles builds the styles from the palette.
func DefaultStyles() Styles {
	// The palette, local so nothing can change it behind the styles. Every
	// colour adapts to light and dark terminals; under NO_COLOR lipgloss
	// drops them all, so nothing may depend on colour alone.
	var (
		colorText     = lipgloss.AdaptiveColor{Light: "#1F2328", Dark: "#E6EDF3"}
		colorSubtle   = lipgloss.AdaptiveColor{Light: "#6E7781", Dark: "#8B949E"}
		colorFaint    = lipgloss.AdaptiveColor{Light: "#D0D7DE", Dark: "#30363D"}
		colorAccent   = lipgloss.AdaptiveColor{Light: "#5A32C8", Dark: "#A78BFA"}
		colorGood     = lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#3FB950"}
		colorWarn     = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#D29922"}
		colorBad      = lipgloss.AdaptiveColor{Light: "#CF222E", Dark: "#F85149"}
		colorInfo     = lipgloss.AdaptiveColor{Light: "#0969DA", Dark: "#58A6FF"}
		colorBarBg    = lipgloss.AdaptiveColor{Light: "#EAEEF2", Dark: "#161B22"}
		colorSelectBg = lipgloss.AdaptiveColor{Light: "#DDF4FF", Dark: "#1F2A44"}
		colorOnStrong = lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#0D1117"}
	)
	base := lipgloss.NewStyle().Foreground(colorText)
	muted := lipgloss.NewStyle().Foreground(colorSubtle)
	bar := lipgloss.NewStyle().Background(colorBarBg).Foreground(colorText)
	s := Styles{
		Title:       lipgloss.NewStyle().Foreground(colorAccent).Bold(true),
		TabActive:   lipgloss.NewStyle().Foreground(colorAccent).Bold(true).Underline(true),
		TabInactive: muted,
		HeaderInfo:  muted,
		Heading:     lipgloss.NewStyle().Foreground(colorAccent).Bold(true),

		Text:   base,
		Muted:  muted,
		Label:  muted,
		Value:  base,
		Good:   lipgloss.NewStyle().Foreground(colorGood),
		Warn:   lipgloss.NewStyle().Foreground(colorWarn),
		Bad:    lipgloss.NewStyle().Foreground(colorBad),
		Info:   lipgloss.NewStyle().Foreground(colorInfo),
		Link:   lipgloss.NewStyle().Foreground(colorInfo).Underline(true),
		Key:    lipgloss.NewStyle().Foreground(colorAccent).Bold(true),
		Filter: lipgloss.NewStyle().Foreground(colorAccent),

		EnvProduction: lipgloss.NewStyle().Background(colorBad).Foreground(colorOnStrong).Bold(true),
		EnvSandbox:    lipgloss.NewStyle().Background(colorInfo).Foreground(colorOnStrong).Bold(true),
		EnvSimulator:  lipgloss.NewStyle().Background(colorAccent).Foreground(colorOnStrong).Bold(true),
		EnvCustom:     lipgloss.NewStyle().Background(colorWarn).Foreground(colorOnStrong).Bold(true),
		StatusText:    bar,
		Countdown:     bar.Foreground(colorGood),
		CountdownSoon: bar.Foreground(colorWarn).Bold(true),
		CountdownGone: bar.Foreground(colorBad).Bold(true),
		Refreshing:    bar.Foreground(colorInfo),
		StatusSep:     " │ ",
		BannerError:   lipgloss.NewStyle().Foreground(colorBad).Bold(true),
		BannerNotice:  lipgloss.NewStyle().Foreground(colorInfo),
		Dialog: lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).
			BorderForeground(colorWarn).Padding(0, 1),
		Spinner:        lipgloss.NewStyle().Foreground(colorAccent),
		HelpKey:        lipgloss.NewStyle().Foreground(colorSubtle).Bold(true),
		HelpDesc:       lipgloss.NewStyle().Foreground(colorSubtle),
		HelpSep:        lipgloss.NewStyle().Foreground(colorFaint),
		SelectedMarker: "▶ ",
		CurrentMarker:  "●",
	}
	s.Table = table.Styles{
		Header:         lipgloss.NewStyle().Foreground(colorSubtle).Bold(true),
		Cell:           base,
		Selected:       lipgloss.NewStyle().Background(colorSelectBg).Bold(true),
		Good:           s.Good,
		Warn:           s.Warn,
		Bad:            s.Bad,
		Muted:          muted,
		Info:           s.Info,
		Empty:          muted,
		SelectedMarker: s.SelectedMarker,
	}
	return s
}
