package get

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// summary is the text `hlx get` prints: "Key:  value" lines with the
// values aligned, then titled lists (an invoice's lines). Every value
// passes through termsafe.Line when it is added, since most come from the
// API.
type summary struct {
	rows  [][2]string
	lists []summaryList
}

type summaryList struct {
	title string
	lines []string
}

// add appends a field; an empty value shows as "-".
func (s *summary) add(key, value string) {
	s.rows = append(s.rows, [2]string{key, termsafe.Line(value)})
}

// list appends a titled list, shown only if it has lines.
func (s *summary) list(title string, lines []string) {
	if len(lines) == 0 {
		return
	}
	for i, l := range lines {
		lines[i] = termsafe.Line(l)
	}
	s.lists = append(s.lists, summaryList{title, lines})
}

func (s *summary) print(w io.Writer) {
	width := 0
	for _, r := range s.rows {
		width = max(width, len(r[0]))
	}
	for _, r := range s.rows {
		v := r[1]
		if v == "" {
			v = "-"
		}
		fmt.Fprintf(w, "%-*s  %s\n", width+1, r[0]+":", v)
	}
	for _, l := range s.lists {
		fmt.Fprintf(w, "\n%s (%d):\n", l.title, len(l.lines))
		for _, line := range l.lines {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
}

// stamp is t in RFC 3339 at UTC, "" for null, as in the CSV export.
func stamp(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// span is "start → end", or whichever side is known.
func span(start, end *time.Time) string {
	a, b := stamp(start), stamp(end)
	if a == "" && b == "" {
		return ""
	}
	return strings.TrimSpace(a + " → " + b)
}

// address is a postal address on one line.
func address(a *hyperline.Address) string {
	if a == nil {
		return ""
	}
	var parts []string
	for _, p := range []string{a.Line1, str(a.Line2), strings.TrimSpace(a.Zip + " " + a.City), str(a.State), a.Country} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}
