package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Filter terms: the filter line reads `key:value` terms beside free text
// ("status:late,error issued:2026-11 acme"). Each list names the keys it
// takes (termSpec); parseFilter turns the line into a parsedFilter, or an
// error that says what is allowed. The lists turn the terms into the API's
// own parameters (status / status__in, created_at__gte / __lt, …), so the
// server does the filtering and the paging.

// termKind is how a term's value is read.
type termKind int

const (
	termEnum     termKind = iota // one of values; several with commas when multi
	termDate                     // a date window: 2026-11, >2026-10-01, <today, 7d, a..b
	termCustomer                 // a customer id, or a name the customer search resolves
)

// termSpec is one key a list's filter takes.
type termSpec struct {
	key    string
	kind   termKind
	values []string // termEnum: the values the API takes
	multi  bool     // termEnum: several values, sent as key__in
	about  string   // what the key selects, for the picker
}

// filterTerm is one parsed term.
type filterTerm struct {
	key    string
	values []string  // termEnum
	from   time.Time // termDate: from (inclusive), zero for open
	before time.Time // termDate: before (exclusive), zero for open
	ref    string    // termCustomer
	typed  string    // as typed, for the header: "status:late"
}

// parsedFilter is the filter line: free text (filtered locally, or
// searched where the API searches) and the terms sent to the server.
type parsedFilter struct {
	text  string
	terms []filterTerm
}

// term is the term for key, if given.
func (p parsedFilter) term(key string) (filterTerm, bool) {
	for _, t := range p.terms {
		if t.key == key {
			return t, true
		}
	}
	return filterTerm{}, false
}

// label is the terms as the list's header shows them.
func (p parsedFilter) label() string {
	parts := make([]string, len(p.terms))
	for i, t := range p.terms {
		parts[i] = t.typed
	}
	return strings.Join(parts, " ")
}

// parseFilter reads a filter line against the keys a list takes. A word
// like key:value is a term when key is made of letters; an unknown key or
// value is an error that lists what is allowed. Quotes keep spaces in a
// value (customer:"Acme Tools"). Dates are read in loc, relative to now.
func parseFilter(line string, specs []termSpec, now time.Time, loc *time.Location) (parsedFilter, error) {
	var p parsedFilter
	var text []string
	for _, word := range splitWords(line) {
		k, v, isTerm := cutTerm(word)
		if !isTerm || len(specs) == 0 { // a list with no server filter: all text
			text = append(text, word)
			continue
		}
		i := slices.IndexFunc(specs, func(s termSpec) bool { return s.key == strings.ToLower(k) })
		if i < 0 {
			return p, fmt.Errorf("unknown filter %q; this list takes %s", k+":", keyNames(specs))
		}
		spec := specs[i]
		if _, dup := p.term(spec.key); dup {
			return p, fmt.Errorf("%s: given twice; join values with commas", spec.key)
		}
		t, err := parseTerm(spec, v, now, loc)
		if err != nil {
			return p, err
		}
		t.typed = spec.key + ":" + v
		p.terms = append(p.terms, t)
	}
	p.text = strings.Join(text, " ")
	return p, nil
}

// splitWords splits a line at spaces outside double quotes, dropping the
// quotes.
func splitWords(line string) []string {
	var words []string
	var b strings.Builder
	quoted, started := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, started = !quoted, true
		case unicode.IsSpace(r) && !quoted:
			if started {
				words = append(words, b.String())
				b.Reset()
				started = false
			}
		default:
			b.WriteRune(r)
			started = true
		}
	}
	if started {
		words = append(words, b.String())
	}
	return words
}

// cutTerm splits key:value when key is one or more letters (or _) and
// the word is no URL.
func cutTerm(word string) (key, value string, ok bool) {
	key, value, found := strings.Cut(word, ":")
	if !found || key == "" || strings.HasPrefix(value, "//") { // a URL is text
		return "", "", false
	}
	for _, r := range key {
		if !unicode.IsLetter(r) && r != '_' {
			return "", "", false
		}
	}
	return key, value, true
}

func parseTerm(spec termSpec, v string, now time.Time, loc *time.Location) (filterTerm, error) {
	t := filterTerm{key: spec.key}
	if v == "" {
		return t, fmt.Errorf("%s: needs a value; %s", spec.key, spec.allowed(""))
	}
	switch spec.kind {
	case termEnum:
		for _, val := range strings.Split(strings.ToLower(v), ",") {
			if !slices.Contains(spec.values, val) {
				return t, fmt.Errorf("%s: unknown value %q; %s", spec.key, val, spec.allowed(val))
			}
			if !slices.Contains(t.values, val) {
				t.values = append(t.values, val)
			}
		}
		if len(t.values) > 1 && !spec.multi {
			return t, fmt.Errorf("%s: takes one value", spec.key)
		}
	case termDate:
		from, before, err := parseWindow(strings.ToLower(v), now, loc)
		if err != nil {
			return t, fmt.Errorf("%s: %w", spec.key, err)
		}
		t.from, t.before = from, before
	case termCustomer:
		t.ref = v
	}
	return t, nil
}

// allowed says what a key takes, the values starting with typed first.
func (s termSpec) allowed(typed string) string {
	switch s.kind {
	case termDate:
		return "dates: 2026-11-05, 2026-11, 2026, today, yesterday, 7d (last 7 days), >date, <date, date..date"
	case termCustomer:
		return "a customer id (cus_…) or name"
	}
	values := s.values
	if typed != "" {
		var near []string
		for _, v := range values {
			if strings.HasPrefix(v, typed) {
				near = append(near, v)
			}
		}
		if len(near) > 0 {
			values = near
		}
	}
	sep := "one of "
	if s.multi {
		sep = "any of (comma-separated) "
	}
	return sep + strings.Join(values, ", ")
}

// keyNames lists the keys a list takes: "status:, created:".
func keyNames(specs []termSpec) string {
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.key + ":"
	}
	return strings.Join(names, ", ")
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
	return from, before, fmt.Errorf("cannot read the date %q; dates: 2026-11-05, 2026-11, 2026, today, yesterday, 7d (last 7 days), >date, <date, date..date", v)
}
