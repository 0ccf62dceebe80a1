package ticket

import (
	"strings"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// mdSpecial are the characters Markdown (CommonMark and GitHub's) gives a
// meaning inside a line; each is escaped with a backslash (parentheses
// only make a link after a "]", which is escaped). API text never
// starts a line of the summary, so the line-start markers (-, +, 1.) are
// left as they are.
const mdSpecial = "\\`*_[]#<>~&"

// Escape makes API text safe for the terminal (termsafe.Line: no control
// character, escape sequence or line break) and literal in Markdown: no
// emphasis, link, image, heading, HTML, table or autolink can come of it.
func Escape(s string) string {
	s = termsafe.Line(s)
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune(mdSpecial, r) || r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www") {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		// An autolink needs "://" or "www.": a backslash before the "//"
		// (and before the dot of www., above) breaks both.
		if r == ':' && strings.HasPrefix(s[i+1:], "//") {
			b.WriteByte('\\')
		}
	}
	return b.String()
}

// code makes text safe inside a code span: no backtick can end it.
func code(s string) string {
	return strings.ReplaceAll(termsafe.Line(s), "`", "'")
}
