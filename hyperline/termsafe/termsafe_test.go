package termsafe

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// hostile are the inputs every function here must disarm, with what Line
// makes of them.
var hostile = []struct {
	name, in, line string
}{
	{"clear screen", "\x1b[2J", "␛[2J"},
	{"OSC 52 clipboard", "\x1b]52;c;aGVsbG8=\x07", "␛]52;c;aGVsbG8=␇"},
	{"OSC 8 link", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "␛]8;;http://evil␛\\click␛]8;;␛\\"},
	{"C1 CSI", "\u009b31m", "\ufffd31m"},
	{"C1 OSC and ST", "\u009d0;title\u009c", "\ufffd0;title\ufffd"},
	{"raw byte 0x9b", "\x9b31m", "\ufffd31m"},
	{"bell", "\x07", "␇"},
	{"backspace", "paid\b\b\b\bdue", "paid␈␈␈␈due"},
	{"DEL", "a\x7fb", "a␡b"},
	{"NUL", "a\x00b", "a␀b"},
	{"RLO", "a\u202eb", "ab"},
	{"isolate", "\u2066x\u2069", "x"},
	{"marks", "\u200ex\u200f\u061c", "x"},
	{"zero-width space", "x\u200by", "xy"},
	{"BOM", "\ufeffx", "x"},
	{"ZWJ emoji", "👨\u200d👩", "👨👩"},
	{"VS16", "❤\ufe0f", "❤"},
	{"tag", "🏴\U000e0067\U000e007f", "🏴"},
	{"hangul filler", "a\u3164b", "ab"},
	{"wide", "日本語", "日本語"},
	{"combining", "e\u0301", "e\u0301"},
	{"tab", "tab\there", "tab here"},
	{"newline", "line1\nline2", "line1 line2"},
	{"CR LF", "line1\r\nline2", "line1 line2"},
	{"CR", "\r", " "},
	{"CR overwrite", "100.00\r999.99", "100.00 999.99"},
	{"line separator", "a\u2028b\u2029c", "a b c"},
	{"invalid UTF-8", "a\xffb\xc3", "a\ufffdb\ufffd"},
	{"replacement kept", "\ufffd", "\ufffd"},
	{"ascii", "Acme Corp <billing@acme.test>", "Acme Corp <billing@acme.test>"},
}

func TestLine(t *testing.T) {
	t.Parallel()
	for _, tt := range hostile {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Line(tt.in)
			if got != tt.line {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
			}
			checkSafe(t, got, false)
			if again := Line(got); again != got {
				t.Errorf("Line is not idempotent: %q then %q", got, again)
			}
		})
	}
}

// TestLineWidth checks that what ansi.StringWidth measures is what a
// terminal that counts cells rune by rune draws, for the cases where the
// two used to disagree.
func TestLineWidth(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]int{
		"日本語":           6,
		"e\u0301":       1,
		"❤\ufe0f":       1,
		"👨\u200d👩":      4,
		"x\u200by":      2,
		"\x1b[2J":       4,
		"tab\there":     8,
		"\u2066x\u2069": 1,
	} {
		got := Line(in)
		if w, wc := ansi.StringWidth(got), ansi.StringWidthWc(got); w != want || wc != want {
			t.Errorf("Line(%q) = %q: StringWidth %d, StringWidthWc %d, want %d", in, got, w, wc, want)
		}
	}
}

func TestLineDoesNotAllocate(t *testing.T) {
	// Not parallel: AllocsPerRun is disturbed by other goroutines.
	for _, s := range []string{"Acme Corp", "", "日本語 e\u0301"} {
		if n := testing.AllocsPerRun(100, func() { _ = Line(s) }); n != 0 {
			t.Errorf("Line(%q) allocates %v times", s, n)
		}
		lines := s + "\n" + s
		if n := testing.AllocsPerRun(100, func() { _ = Block(lines) }); n != 0 {
			t.Errorf("Block(%q) allocates %v times", lines, n)
		}
	}
}

func TestBlock(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"line1\nline2", "line1\nline2"},
		{"line1\r\nline2\r\n", "line1\nline2\n"},
		{"a\rb", "a\nb"},
		{"\r\r\n", "\n\n"},
		{"a\u2028b", "a\nb"},
		{"\tx", "    x"},
		{"ab\tx", "ab  x"},
		{"abcd\tx", "abcd    x"},
		{"日本\tx", "日本    x"},
		{"日\tx", "日  x"},
		{"a\tb\tc\nxy\tz", "a   b   c\nxy  z"},
		{"é\t|\n\t|", "é   |\n    |"},
		{"\x1b[2J\nok", "␛[2J\nok"},
		{"\x1b]52;c;aGVsbG8=\x07", "␛]52;c;aGVsbG8=␇"},
		{"a\u202eb\nc\u200bd", "ab\ncd"},
		{"\x9b\n\u009b", "\ufffd\n\ufffd"},
	} {
		got := Block(tt.in)
		if got != tt.want {
			t.Errorf("Block(%q) = %q, want %q", tt.in, got, tt.want)
		}
		checkSafe(t, got, true)
	}
	for _, tt := range hostile {
		got := Block(tt.in)
		checkSafe(t, got, true)
		if want := Line(tt.in); !strings.ContainsAny(tt.in, "\t\r\n\u2028\u2029") && got != want {
			t.Errorf("Block(%q) = %q, Line gives %q", tt.in, got, want)
		}
	}
}

// checkSafe fails t if s holds anything a terminal might act on rather than
// print.
func checkSafe(t testing.TB, s string, allowLF bool) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%q is not valid UTF-8", s)
	}
	for _, r := range s {
		if r == '\n' && allowLF {
			continue
		}
		if r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0x2028 || r == 0x2029 ||
			unicode.In(r, unicode.Cf, unicode.Bidi_Control, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point) {
			t.Fatalf("%q holds %U", s, r)
		}
	}
}
