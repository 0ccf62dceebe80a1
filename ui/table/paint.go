package table

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// paint applies a lipgloss style cheaply. For the usual inline styles
// (colours, bold, reverse) Render only wraps the text in one opening and
// one closing sequence, so paint keeps those and concatenates; styles that
// do more (underlined spaces, transforms) go through Render.
type paint struct {
	style          lipgloss.Style
	prefix, suffix string
	direct         bool
}

// newPaint works out whether st is a plain wrap, by rendering probes.
func newPaint(st lipgloss.Style) paint {
	p := paint{style: st}
	const probe = "a"
	out := st.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 {
		return p
	}
	p.prefix, p.suffix = out[:i], out[i+len(probe):]
	for _, s := range []string{"a b", "株式 ü…", " x "} {
		if st.Render(s) != p.prefix+s+p.suffix {
			return p
		}
	}
	p.direct = true
	return p
}

// write writes text painted to b.
func (p *paint) write(b *strings.Builder, text string) {
	if !p.direct {
		b.WriteString(p.style.Render(text))
		return
	}
	b.WriteString(p.prefix)
	b.WriteString(text)
	b.WriteString(p.suffix)
}

// render returns text painted.
func (p *paint) render(text string) string {
	if !p.direct {
		return p.style.Render(text)
	}
	if p.prefix == "" && p.suffix == "" {
		return text
	}
	return p.prefix + text + p.suffix
}

// palette is the styles compiled for one render generation. It is built
// when the cache is refreshed (after a resize, new rows or new styles), not
// in New, so it follows the colour profile and background lipgloss detect
// once the program runs.
type palette struct {
	header, selected, empty paint
	tones                   [ToneInfo + 1]paint
}

func newPalette(s *Styles) palette {
	p := palette{
		header:   newPaint(s.Header),
		selected: newPaint(s.Selected),
		empty:    newPaint(s.Empty),
	}
	for t := range p.tones {
		p.tones[t] = newPaint(*s.tone(Tone(t)))
	}
	return p
}

// tone returns the paint for a cell's tone; unknown tones look like ToneNone.
func (p *palette) tone(t Tone) *paint {
	if t < 0 || int(t) >= len(p.tones) {
		t = ToneNone
	}
	return &p.tones[t]
}
