package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// formatter turns API values into the words the screens show: money per
// currency, dates in the user's time zone with relative forms, and status
// words with the tone of their meaning.
type formatter struct {
	loc *time.Location
}

// money formats minor units in the currency's decimals.
func (formatter) money(amount hyperline.Amount, currency string) string {
	return amount.In(currency).String()
}

// date is the local calendar date, "2025-03-05", or "—" for none.
func (f formatter) date(t *time.Time) string {
	if t == nil || t.IsZero() {
		return "—"
	}
	return t.In(f.loc).Format("2006-01-02")
}

// dateTime is the local date and time with the zone, for details.
func (f formatter) dateTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(f.loc).Format("2006-01-02 15:04 MST")
}

// timeOfDay is the local date and time to the second, for the token panel
// (a demo token lives two minutes).
func (f formatter) timeOfDay(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(f.loc).Format("2006-01-02 15:04:05 MST")
}

// relWindow is how near now a date is said in words: within a month a
// distance reads faster than a date ("in 3 days", "12 days ago"); beyond
// it, the count of days is harder to place than the calendar date.
const relWindow = 30

// dateWidth is the width of a date column: "2026-08-08" or "30 days ago".
const dateWidth = 11

// relDate is the one rule for dates in tables: within relWindow days of
// now in words ("today", "in 3 days", "5 days ago"), beyond it the
// calendar date. Every date column of every list uses it, so one column
// never mixes two rules; details show the calendar date, with the words
// beside it (dateWithRel).
func (f formatter) relDate(t *time.Time, now time.Time) string {
	if t == nil || t.IsZero() {
		return "—"
	}
	days := f.dayDiff(now, *t)
	if days < -relWindow || days > relWindow {
		return f.date(t)
	}
	return relDays(days)
}

// dateWithRel is the calendar date followed by the relative form, for details.
func (f formatter) dateWithRel(t *time.Time, now time.Time) string {
	if t == nil || t.IsZero() {
		return "—"
	}
	return f.date(t) + " (" + relDays(f.dayDiff(now, *t)) + ")"
}

// dayDiff is the number of calendar days from now to t in the local zone.
// It counts in Unix seconds: a time.Duration saturates at 292 years, which
// made every far date "106751 days" away.
func (f formatter) dayDiff(now, t time.Time) int {
	y1, m1, d1 := now.In(f.loc).Date()
	y2, m2, d2 := t.In(f.loc).Date()
	a := time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC).Unix()
	b := time.Date(y2, m2, d2, 0, 0, 0, 0, time.UTC).Unix()
	return int((b - a) / (24 * 60 * 60))
}

// relDays says a day distance in words.
func relDays(days int) string {
	switch {
	case days == 0:
		return "today"
	case days == 1:
		return "tomorrow"
	case days == -1:
		return "yesterday"
	case days > 0:
		return "in " + strconv.Itoa(days) + " days"
	default:
		return strconv.Itoa(-days) + " days ago"
	}
}

// countdown is a duration as the status bar shows it: "23h59m", "4m05s",
// "42s"; seconds are shown once under an hour so the ticking is visible.
func countdown(d time.Duration) string {
	if d <= 0 {
		return "expired"
	}
	d = d.Truncate(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	switch {
	case h > 0:
		return fmt.Sprintf("%dh%02dm%02ds", h, m, s)
	case m > 0:
		return fmt.Sprintf("%dm%02ds", m, s)
	default:
		return fmt.Sprintf("%ds", s)
	}
}

// orDash returns s, or "—" when it is empty or nil.
func orDash(s *string) string {
	if s == nil || strings.TrimSpace(*s) == "" {
		return "—"
	}
	return *s
}

// statusWord makes an API status readable: "to_pay" → "to pay".
func statusWord(s string) string {
	if s == "" {
		return "—"
	}
	return strings.ReplaceAll(s, "_", " ")
}

// toneStyle is the style a screen outside a table uses for a tone.
func (s Styles) toneStyle(t table.Tone) lipgloss.Style {
	switch t {
	case table.ToneGood:
		return s.Good
	case table.ToneWarn:
		return s.Warn
	case table.ToneBad:
		return s.Bad
	case table.ToneMuted:
		return s.Muted
	case table.ToneInfo:
		return s.Info
	default:
		return s.Value
	}
}
