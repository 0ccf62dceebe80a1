package termsafe

import (
	"encoding/json"
	"strings"
	"testing"
)

func addSeeds(f *testing.F) {
	for _, tt := range hostile {
		f.Add(tt.in)
	}
	f.Add("a\tb\tc\r\nd\re")
	f.Add("\xe2\x80")         // truncated U+202E
	f.Add("\xed\xa0\x80")     // an encoded surrogate
	f.Add("\xf4\x90\x80\x80") // beyond U+10FFFF
}

// isPrintableASCII is the input both functions must return untouched.
func isPrintableASCII(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e }) < 0
}

func FuzzLine(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		out := Line(in)
		checkSafe(t, out, false)
		if strings.ContainsRune(out, '\n') {
			t.Fatalf("Line(%q) = %q spans lines", in, out)
		}
		if again := Line(out); again != out {
			t.Fatalf("Line(%q) = %q, then %q", in, out, again)
		}
		if isPrintableASCII(in) && out != in {
			t.Fatalf("Line changed printable ASCII %q to %q", in, out)
		}
		checkSafe(t, Escaped(in), false)
	})
}

func FuzzBlock(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		out := Block(in)
		checkSafe(t, out, true)
		if strings.ContainsAny(out, "\t\r") {
			t.Fatalf("Block(%q) = %q keeps a tab or CR", in, out)
		}
		if again := Block(out); again != out {
			t.Fatalf("Block(%q) = %q, then %q", in, out, again)
		}
		if isPrintableASCII(strings.ReplaceAll(in, "\n", "")) && out != in {
			t.Fatalf("Block changed printable text %q to %q", in, out)
		}
		// Block neither adds lines nor loses them.
		breaks := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n").Replace(in)
		if got, want := strings.Count(out, "\n"), strings.Count(breaks, "\n"); got != want {
			t.Fatalf("Block(%q) = %q has %d line breaks, want %d", in, out, got, want)
		}
	})
}

func FuzzJSON(f *testing.F) {
	for _, tt := range hostile {
		b, _ := json.Marshal(map[string]string{tt.name: tt.in})
		f.Add(b)
	}
	f.Add([]byte("{\"a\":\"\x9b\u202e\x7f\"}"))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := JSON(in)
		if err != nil {
			return
		}
		checkSafe(t, string(out), true)
		if !json.Valid(out) {
			t.Fatalf("JSON(%q) = %q is not JSON", in, out)
		}
	})
}
