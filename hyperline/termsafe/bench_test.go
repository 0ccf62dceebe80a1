package termsafe

import "testing"

// The table calls Line for every cell it has not cached yet, so the common
// case must cost next to nothing.
func BenchmarkLineASCII(b *testing.B) {
	const s = "Acme Corporation Ltd <billing@acme.example>"
	b.ReportAllocs()
	for b.Loop() {
		_ = Line(s)
	}
}

func BenchmarkLineUnicode(b *testing.B) {
	const s = "Société Générale 日本語 Zoë Müller"
	b.ReportAllocs()
	for b.Loop() {
		_ = Line(s)
	}
}

func BenchmarkLineHostile(b *testing.B) {
	const s = "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\ \u202eAcme\u202c \x9b2J\u200b\r\n\x07"
	b.ReportAllocs()
	for b.Loop() {
		_ = Line(s)
	}
}

func BenchmarkBlockHostile(b *testing.B) {
	const s = "1 Main St\r\n\tSuite 4\x1b[2J\nParis\u2066\u202e\u2069"
	b.ReportAllocs()
	for b.Loop() {
		_ = Block(s)
	}
}
