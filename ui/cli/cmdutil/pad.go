package cmdutil

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// PadRight pads s with spaces to width terminal cells.
func PadRight(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}

// PadLeft right-aligns s in width terminal cells.
func PadLeft(s string, width int) string {
	return strings.Repeat(" ", max(0, width-ansi.StringWidth(s))) + s
}
