package simulator

import (
	"net/url"
	"slices"
	"strings"
	"time"
)

// Filters are query parameters named field__operator (§6.3). Parameters
// the simulator does not know are ignored, as the real API ignores them.

// strFilter is one string filter on a field.
type strFilter struct {
	op     string
	values []string // lower-cased for the case-insensitive operators
}

// stringOps are the spec's string operators; "" and "equals" mean
// equality. The spec spells the suffix operator "endWith"; "endsWith",
// "in" and "notIn" are not in it and are ignored like unknown parameters.
func stringOps() []string {
	return []string{"", "equals", "not", "contains", "startsWith", "endWith", "isNull", "isNotNull"}
}

// parseStringFilters returns the filters given for field.
func parseStringFilters(q url.Values, field string) []strFilter {
	var out []strFilter
	for _, op := range stringOps() {
		name := field
		if op != "" {
			name += "__" + op
		}
		vs, ok := q[name]
		if !ok {
			continue
		}
		f := strFilter{op: op}
		switch op {
		case "contains", "startsWith", "endWith":
			f.values = []string{strings.ToLower(vs[0])}
		default:
			f.values = []string{vs[0]}
		}
		out = append(out, f)
	}
	return out
}

// splitList splits a comma-separated list, dropping empty entries.
func splitList(v string) []string {
	var out []string
	for part := range strings.SplitSeq(v, ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// match applies the filter to a field value (nil for null). Not
// documented: equality is case-sensitive, contains/startsWith/endsWith are
// case-insensitive.
func (f strFilter) match(v *string) bool {
	switch f.op {
	case "isNull":
		return v == nil
	case "isNotNull":
		return v != nil
	case "not":
		return v == nil || *v != f.values[0]
	}
	if v == nil {
		return false
	}
	switch f.op {
	case "contains":
		return strings.Contains(strings.ToLower(*v), f.values[0])
	case "startsWith":
		return strings.HasPrefix(strings.ToLower(*v), f.values[0])
	case "endWith":
		return strings.HasSuffix(strings.ToLower(*v), f.values[0])
	}
	return *v == f.values[0]
}

// matchAll applies every filter.
func matchAll(fs []strFilter, v *string) bool {
	for _, f := range fs {
		if !f.match(v) {
			return false
		}
	}
	return true
}

// dateFilter is one comparison on a date field.
type dateFilter struct {
	op string
	at time.Time
}

// parseDateFilters reads field and its operators __equals, __not, __lt,
// __lte, __gt, __gte (an ISO 8601 date-time, else refused) and __isNull,
// __isNotNull (whose value is not read).
func parseDateFilters(q url.Values, field string) ([]dateFilter, string) {
	var out []dateFilter
	for _, op := range []string{"", "equals", "not", "lt", "lte", "gt", "gte", "isNull", "isNotNull"} {
		name := field
		if op != "" {
			name += "__" + op
		}
		vs, ok := q[name]
		if !ok {
			continue
		}
		if op == "isNull" || op == "isNotNull" {
			out = append(out, dateFilter{op: op})
			continue
		}
		at, err := time.Parse(time.RFC3339Nano, vs[0])
		if err != nil {
			return nil, name + " must be an ISO 8601 date-time"
		}
		out = append(out, dateFilter{op: op, at: at})
	}
	return out, ""
}

// match applies the filter to a date; the zero time stands for null.
func (f dateFilter) match(t time.Time) bool {
	switch f.op {
	case "isNull":
		return t.IsZero()
	case "isNotNull":
		return !t.IsZero()
	}
	if t.IsZero() {
		return f.op == "not"
	}
	switch f.op {
	case "not":
		return !t.Equal(f.at)
	case "lt":
		return t.Before(f.at)
	case "lte":
		return !t.After(f.at)
	case "gt":
		return t.After(f.at)
	case "gte":
		return !t.Before(f.at)
	}
	return t.Equal(f.at)
}

// matchDates applies every filter.
func matchDates(fs []dateFilter, t time.Time) bool {
	for _, f := range fs {
		if !f.match(t) {
			return false
		}
	}
	return true
}

// enumFilter is a status-like filter: field and field__in (a
// comma-separated list), each value from the spec's enum.
type enumFilter struct {
	set     bool            // some filter was given
	include map[string]bool // nil: everything not excluded
	exclude map[string]bool // defaults a list applies, e.g. hidden statuses
}

// parseEnumFilter reads field and field__in. expand maps a value to the
// statuses it stands for (pseudo-values like "all"); ok false means the
// value is not in the enum, which answers 400. Given both, an item must
// satisfy both. Not documented: the message.
func parseEnumFilter(q url.Values, field string, expand func(string) ([]string, bool)) (enumFilter, string) {
	var f enumFilter
	read := func(raw []string) (map[string]bool, string) {
		m := map[string]bool{}
		for _, v := range raw {
			vals, ok := expand(v)
			if !ok {
				return nil, "Invalid " + field + " value: " + v
			}
			for _, x := range vals {
				m[x] = true
			}
		}
		return m, ""
	}
	if vs, ok := q[field]; ok {
		f.set = true
		in, msg := read([]string{vs[0]})
		if msg != "" {
			return f, msg
		}
		f.include = in
	}
	if vs, ok := q[field+"__in"]; ok {
		f.set = true
		in, msg := read(splitList(vs[0]))
		if msg != "" {
			return f, msg
		}
		if f.include == nil {
			f.include = in
		} else {
			for k := range f.include {
				if !in[k] {
					delete(f.include, k)
				}
			}
		}
	}
	return f, ""
}

func (f enumFilter) match(v string) bool {
	if f.include != nil && !f.include[v] {
		return false
	}
	return !f.exclude[v]
}

// literalEnum expands a value to itself when it is one of values.
func literalEnum(values []string) func(string) ([]string, bool) {
	return func(v string) ([]string, bool) {
		if slices.Contains(values, v) {
			return []string{v}, true
		}
		return nil, false
	}
}
