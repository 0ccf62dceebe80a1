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
			case escaped:
				escaped = false
			case inString && c == '\\':
				escaped = true
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
