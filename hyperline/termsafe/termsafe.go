// Package termsafe makes text written by strangers safe to put on a
// terminal.
//
// Everything hlx shows from the Hyperline API (customer names, emails,
// addresses, invoice lines, error bodies) was typed by a third party. A
// terminal obeys escape sequences wherever they appear, so a customer named
// "\x1b]52;c;…\x07" could rewrite the support person's clipboard, and one
// with a right-to-left override could make an amount read backwards. Every
// such string goes through Line (table cells, status bar, banners) or Block
// (multi-line areas) before it is drawn; the raw-JSON view uses JSON, which
// keeps the characters but shows them as escapes.
//
// What changes, and why:
//
//   - C0 controls and DEL (ESC, BEL, backspace, form feed, …) become their
//     Unicode Control Picture (␛, ␇, ␈, ␌, ␡): a support person sees that
//     something was there without the terminal acting on it.
//   - C1 controls (U+0080-U+009F, among them the one-byte CSI U+009B, OSC
//     U+009D and ST U+009C) and bytes that are not valid UTF-8 (a raw 0x9b
//     among them) become U+FFFD, the replacement character.
//   - Format characters (Unicode category Cf: the bidi embeddings,
//     overrides and isolates, LRM/RLM/ALM, zero-width space, joiner and
//     non-joiner, word joiner, BOM, soft hyphen, tags), variation selectors
//     and the other default-ignorable code points are removed: they are
//     invisible by design, they can reorder what is shown, and terminals
//     disagree about their width, which breaks column alignment. Removing
//     the zero-width joiner splits emoji sequences into their parts (👨‍👩‍👧
//     shows as 👨👩👧), and removing VS16 shows ❤️ as ❤; both then have the
//     same width in every terminal and in ansi.StringWidth.
//   - In Line, tab, newline, CR, CR LF and the Unicode line and paragraph
//     separators each become one space, so an address typed on two lines
//     reads "1 Main St Paris" in a table cell rather than gaining a glyph
//     support would have to learn. Block keeps line breaks as "\n" and
//     expands tabs to the next multiple of four columns.
//
// Everything else is kept: wide characters, combining marks, emoji,
// private-use characters. The renderer measures them with ansi.StringWidth.
package termsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tabWidth is the distance between Block's tab stops.
const tabWidth = 4

// action is what happens to one rune.
type action uint8

const (
	keep    action = iota
	picture        // C0 or DEL: its Control Picture
	replace        // C1: U+FFFD
	drop           // format, bidi, zero-width, variation selector
	breakc         // tab, LF, CR, U+2028, U+2029: a space in Line
)

// classify decides what happens to r. Decoding errors are handled by the
// callers, which see them as utf8.RuneError of size 1.
func classify(r rune) action {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return breakc
	case r < 0x20 || r == 0x7f:
		return picture
	case r < 0x7f:
		return keep
	case r < 0xa0:
		return replace
	case r == 0xad: // soft hyphen, the only Cf below U+0300
		return drop
	case r < 0x300:
		return keep
	case r == 0x2028 || r == 0x2029:
		return breakc
	}
	if unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point) {
		return drop
	}
	return keep
}

// controlPicture is the visible stand-in for a C0 control or DEL.
func controlPicture(r rune) rune {
	if r == 0x7f {
		return '\u2421' // ␡
	}
	return 0x2400 + r // ␀ … ␟
}

// printableASCII reports whether s is only bytes 0x20-0x7E, the common case
// that needs no work. allowLF also accepts '\n'.
func printableASCII(s string, allowLF bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 || c > 0x7e) && !(allowLF && c == '\n') {
			return false
		}
	}
	return true
}

// firstChange returns the byte offset of the first rune Line or Block would
// change, or len(s) when s is already safe. allowLF says '\n' is kept.
func firstChange(s string, allowLF bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f || allowLF && c == '\n' {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || classify(r) != keep {
			return i
		}
		i += size
	}
	return len(s)
}

// Line makes s safe to show on one line of a terminal: a table cell, the
// status bar, a banner, a picker entry. Printable ASCII, and any other text
// that needs no change, is returned as it is without allocating. The result
// holds no control character, no line break and no format character; see
// the package comment for what replaces each.
func Line(s string) string {
	if printableASCII(s, false) {
		return s
	}
	start := firstChange(s, false)
	if start == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:start])
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
			// CR LF is one line break, so it becomes one space.
			if r == '\r' && i < len(s) && s[i] == '\n' {
				i++
			}
			b.WriteByte(' ')
		}
	}
	return b.String()
}
