package filter

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateHelp is what a Date key takes.
const dateHelp = "dates: 2026-11-05, 2026-11, 2026, today, yesterday, 7d (last 7 days), >date, <date, date..date"

// Preset is a date window most asked for, as a filter line writes it.
type Preset struct {
	// Value is what the term's value reads: "<today", "2026-11".
	Value string
	// About says which window it is: "before today".
	About string
}

// DatePresets are the windows most asked for, around now.
func DatePresets(now time.Time) []Preset {
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	return []Preset{
		{"today", "today only"},
		{"<today", "before today"},
		{"7d", "the last 7 days"},
		{"30d", "the last 30 days"},
		{month.Format("2006-01"), "this month"},
		{month.AddDate(0, -1, 0).Format("2006-01"), "last month"},
		{month.Format("2006"), "this year"},
		{">today", "after today"},
	}
}

// parseWindow reads a date window: a period (a day, a month, a year,
// today, yesterday), Nd (the last N days, today included), >period (after
// it), >=period, <period (before it), <=period, or period..period (both
// included). It returns [from, before), either end zero when open.
func parseWindow(v string, now time.Time, loc *time.Location) (from, before time.Time, err error) {
	if a, b, ok := strings.Cut(v, ".."); ok {
		f, _, err := parsePeriod(a, now, loc)
		if err != nil {
			return from, before, err
		}
		_, bf, err := parsePeriod(b, now, loc)
		if err != nil {
			return from, before, err
		}
		if !f.Before(bf) {
			return from, before, fmt.Errorf("%q ends before it starts", v)
		}
		return f, bf, nil
	}
	for _, op := range []string{">=", "<=", ">", "<"} {
		rest, ok := strings.CutPrefix(v, op)
		if !ok {
			continue
		}
		f, b, err := parsePeriod(rest, now, loc)
		if err != nil {
			return from, before, err
		}
		switch op {
		case ">=":
			return f, time.Time{}, nil
		case ">":
			return b, time.Time{}, nil
		case "<=":
			return time.Time{}, b, nil
		default:
			return time.Time{}, f, nil
		}
	}
	return parsePeriod(v, now, loc)
}

// parsePeriod reads one period as [from, before).
func parsePeriod(v string, now time.Time, loc *time.Location) (from, before time.Time, err error) {
	y, m, d := now.In(loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, loc)
	switch {
	case v == "today":
		return today, today.AddDate(0, 0, 1), nil
	case v == "yesterday":
		return today.AddDate(0, 0, -1), today, nil
	case strings.HasSuffix(v, "d"):
		if n, err := strconv.Atoi(strings.TrimSuffix(v, "d")); err == nil && n > 0 && n <= 3660 {
			return today.AddDate(0, 0, 1-n), today.AddDate(0, 0, 1), nil
		}
	}
	for _, layout := range []struct {
		layout string
		step   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if len(v) != len(layout.layout) {
			continue
		}
		if t, perr := time.ParseInLocation(layout.layout, v, loc); perr == nil {
			return t, layout.step(t), nil
		}
	}
	return from, before, fmt.Errorf("cannot read the date %q; %s", v, dateHelp)
}
