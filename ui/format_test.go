package ui

import (
	"testing"
	"time"
)

// TestFormatEdgeCases: money in zero-, two- and three-decimal currencies and
// negative; dates missing, far in the future or past; counts below zero (a
// malformed reply's total).
func TestFormatEdgeCases(t *testing.T) {
	t.Parallel()
	f := formatter{loc: time.FixedZone("UTC-11", -11*3600)}
	far := time.Date(9999, 12, 31, 12, 0, 0, 0, time.UTC)
	ancient := time.Date(1, 1, 2, 12, 0, 0, 0, time.UTC)
	inTwoCenturies := testNow.AddDate(300, 0, 0)
	cases := []struct{ got, want string }{
		{f.money(0, "JPY"), "0 JPY"},
		{f.money(-150, "EUR"), "-1.50 EUR"},
		{f.money(-1, "KWD"), "-0.001 KWD"},
		{f.money(123456789, "KWD"), "123,456.789 KWD"},
		{f.date(nil), "—"},
		{f.relDate(nil, testNow), "—"},
		{f.dateWithRel(nil, testNow), "—"},
		{f.date(&far), "9999-12-31"},
		{f.relDate(&far, testNow), "9999-12-31"},
		{f.dateWithRel(&inTwoCenturies, testNow), "2325-03-10 (in 109572 days)"},
		{f.dateWithRel(&ancient, testNow), "0001-01-02 (739318 days ago)"},
		{formatCount(-123), "-123"},
		{formatCount(-1234567), "-1,234,567"},
		{formatCount(1234567), "1,234,567"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}

// TestOneDateRule: a list's dates are words within 30 days of now and the
// calendar date beyond, on either side, never wider than a date column
// (issue 22 item 11: one column mixed "43 days ago" with "2026-08-08").
func TestOneDateRule(t *testing.T) {
	t.Parallel()
	f := formatter{loc: time.UTC}
	at := func(days int) *time.Time { d := testNow.AddDate(0, 0, days); return &d }
	cases := []struct {
		days int
		want string
	}{
		{0, "today"}, {1, "tomorrow"}, {-1, "yesterday"},
		{30, "in 30 days"}, {-30, "30 days ago"},
		{31, at(31).Format("2006-01-02")}, {-31, at(-31).Format("2006-01-02")},
		{-43, at(-43).Format("2006-01-02")},
	}
	for _, c := range cases {
		got := f.relDate(at(c.days), testNow)
		if got != c.want {
			t.Errorf("%+d days: %q, want %q", c.days, got, c.want)
		}
		if len([]rune(got)) > dateWidth {
			t.Errorf("%+d days: %q is wider than a date column", c.days, got)
		}
	}
}
