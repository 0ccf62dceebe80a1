package termsafe

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Escaped shows s on one line with every character Line would change
// written as an escape instead, for views where support needs to see that
// a control or invisible character is there: ESC is `\u001b`, the one-byte
// CSI `\u009b`, a right-to-left override `\u202e`, a zero-width space
// `\u200b`; tab, newline and CR are `\t`, `\n` and `\r`; a byte that is not
// valid UTF-8 is `\x9b`. A backslash is doubled so that text that already
// reads `\u001b` cannot pass for an escaped ESC.
func Escaped(s string) string {
	if printableASCII(s, false) && strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case classify(r) != keep:
			b.WriteString(escape(r, false))
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// escape spells r as \uXXXX, or beyond the Basic Multilingual Plane as
// \UXXXXXXXX (Go) or a \uXXXX\uXXXX surrogate pair (JSON).
func escape(r rune, jsonPairs bool) string {
	if r > 0xffff {
		if jsonPairs {
			hi, lo := utf16.EncodeRune(r)
			return fmt.Sprintf(`\u%04x\u%04x`, hi, lo)
		}
		return fmt.Sprintf(`\U%08x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// JSON indents a JSON document for the raw-JSON view and writes, inside its
// strings, every character Line would change as a \uXXXX escape: DEL, C1
// controls, bidi and other format characters, variation selectors, U+2028
// and U+2029. (A valid document cannot hold a raw C0 control in a string;
// encoding/json would escape some of the others but json.Indent copies
// strings as they are.) A byte that is not valid UTF-8 becomes \ufffd. The
// result is still valid JSON with the same structure, and each string
// decodes to the original apart from invalid bytes. An invalid document is
// an error; callers can fall back to Block or Escaped on the raw text.
func JSON(raw []byte) ([]byte, error) {
	var indented bytes.Buffer
	// json.Indent copies trailing white space as it is, and a CR there
	// would move the cursor.
	if err := json.Indent(&indented, bytes.TrimRight(raw, " \t\r\n"), "", "  "); err != nil {
		return nil, fmt.Errorf("indent JSON: %w", err)
	}
	in := indented.Bytes()
	var out bytes.Buffer
	out.Grow(len(in) + 16)
	inString, escaped := false, false
	for i := 0; i < len(in); {
		c := in[i]
		if !inString || c < utf8.RuneSelf && c != 0x7f {
			switch {
			case escaped && c == 'u':
				// A \uXXXX escape: a lone surrogate is valid JSON text
				// but decodes to no character, and jq and others refuse
				// it, so it becomes U+FFFD.
				n := copyUnicodeEscape(&out, in[i-1:])
				escaped = false
				i += n - 1
				continue
			case escaped:
				escaped = false
				out.WriteByte('\\')
			case inString && c == '\\':
				escaped = true
				i++
				continue
			case c == '"':
				inString = !inString
			}
			out.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(in[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			out.WriteString(`\ufffd`)
		case classify(r) != keep:
			out.WriteString(escape(r, true))
		default:
			out.WriteRune(r)
		}
	}
	return out.Bytes(), nil
}

// copyUnicodeEscape copies the \uXXXX escape (or surrogate pair) at the
// start of esc, which begins with the backslash, to out and returns how
// many bytes of esc it used. A surrogate that is not half of a pair is
// written as \ufffd.
func copyUnicodeEscape(out *bytes.Buffer, esc []byte) int {
	r, ok := hex4(esc)
	if !ok {
		// json.Indent accepted the document, so this cannot happen;
		// copy the backslash and let the next bytes pass as they are.
		out.WriteByte('\\')
		return 1
	}
	switch {
	case utf16.IsSurrogate(r) && r < 0xdc00:
		if lo, ok := hex4(esc[6:]); ok && lo >= 0xdc00 && lo <= 0xdfff {
			out.Write(esc[:12])
			return 12
		}
		out.WriteString(`\ufffd`)
	case utf16.IsSurrogate(r):
		out.WriteString(`\ufffd`)
	default:
		out.Write(esc[:6])
	}
	return 6
}

// hex4 reads the code unit of a \uXXXX escape at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range b[2:6] {
		switch {
		case '0' <= c && c <= '9':
			r = r<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
