package termsafe

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Block makes s safe to show in a multi-line area of a terminal: an
// invoice's notes, an address, an error body. It keeps line breaks as "\n"
// (CR LF and a lone CR, which would otherwise send the cursor back over
// the line, become "\n"; so do U+2028 and U+2029) and expands each tab to
// spaces up to the next multiple of four columns, measured in display
// cells. Everything else is as in Line.
func Block(s string) string {
	if printableASCII(s, true) {
		return s
	}
	start := firstChange(s, true)
	if start == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:start])
	// The column is known at the start of the current run of text (seg);
	// it is brought up to date only when a tab needs it, so measuring stays
	// linear however many tabs there are.
	col, seg := 0, 0
	if i := strings.LastIndexByte(s[:start], '\n'); i >= 0 {
		seg = i + 1
	}
	for i := start; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			continue
		}
		switch classify(r) {
		case keep:
			b.WriteRune(r)
		case picture:
			b.WriteRune(controlPicture(r))
		case replace:
			b.WriteRune(utf8.RuneError)
		case breakc:
			if r == '\t' {
				col += ansi.StringWidth(b.String()[seg:])
				n := tabWidth - col%tabWidth
				for range n {
					b.WriteByte(' ')
				}
				col += n
				seg = b.Len()
				continue
			}
			if r == '\r' && i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte('\n')
			col, seg = 0, b.Len()
		}
	}
	return b.String()
}
