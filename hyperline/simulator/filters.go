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

// stringOps are the string operators; "" and "equals" mean equality.
// Both "endWith" (as the docs spell it) and "endsWith" are accepted.
func stringOps() []string {
	return []string{"", "equals", "not", "contains", "startsWith", "endsWith", "endWith", "in", "notIn", "isNull", "isNotNull"}
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
		case "in", "notIn":
			f.values = splitList(vs[0])
		case "contains", "startsWith", "endsWith", "endWith":
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
	case "notIn":
		return v == nil || !slices.Contains(f.values, *v)
	}
	if v == nil {
		return false
	}
	switch f.op {
	case "in":
		return slices.Contains(f.values, *v)
	case "contains":
		return strings.Contains(strings.ToLower(*v), f.values[0])
	case "startsWith":
		return strings.HasPrefix(strings.ToLower(*v), f.values[0])
	case "endsWith", "endWith":
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

// parseDateFilters reads field, field__equals, __not, __lt, __lte, __gt,
// __gte. A value that is not an ISO 8601 date is refused.
func parseDateFilters(q url.Values, field string) ([]dateFilter, string) {
	var out []dateFilter
	for _, op := range []string{"", "equals", "not", "lt", "lte", "gt", "gte"} {
		name := field
		if op != "" {
			name += "__" + op
		}
		vs, ok := q[name]
		if !ok {
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

func (f dateFilter) match(t time.Time) bool {
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

// enumFilter is a status-like filter: field, field__in, field__notIn.
type enumFilter struct {
	set     bool            // some filter was given
	include map[string]bool // nil: everything not excluded
	exclude map[string]bool
}

// parseEnumFilter reads field, field__in and field__notIn. expand maps a
// value to the statuses it stands for (pseudo-values like "all"); ok false
// means the value is invalid.
func parseEnumFilter(q url.Values, field string, expand func(string) ([]string, bool)) (enumFilter, string) {
	var f enumFilter
	add := func(m map[string]bool, raw []string) (map[string]bool, string) {
		if m == nil {
			m = map[string]bool{}
		}
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
	var msg string
	if vs, ok := q[field]; ok {
		f.set = true
		if f.include, msg = add(f.include, []string{vs[0]}); msg != "" {
			return f, msg
		}
	}
	if vs, ok := q[field+"__in"]; ok {
		f.set = true
		in, msg := add(nil, splitList(vs[0]))
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
	if vs, ok := q[field+"__notIn"]; ok {
		f.set = true
		if f.exclude, msg = add(nil, splitList(vs[0])); msg != "" {
			return f, msg
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
