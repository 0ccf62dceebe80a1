package ui

import (
	"strings"
	"testing"
)

// TestFileSafeNeverStartsWithDash: a PDF saved from an invoice number that
// starts with "-" was written as "-rf.pdf", a name `rm *` in that
// directory reads as an option.
func TestFileSafeNeverStartsWithDash(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"-rf":          "rf",
		"--help":       "help",
		"-.-_x":        "x",
		"INV-0001":     "INV-0001",
		"../../etc":    "etc",
		"-":            "",
		"a b/c":        "a_b_c",
		"x-":           "x-",
		".hidden.":     "hidden",
		"--" + "-_-.-": "",
	} {
		got := fileSafe(in)
		if got != want || strings.HasPrefix(got, "-") || strings.HasPrefix(got, ".") {
			t.Errorf("fileSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
