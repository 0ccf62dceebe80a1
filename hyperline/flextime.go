package hyperline

import (
	"encoding/json"
	"fmt"
	"time"
	"unicode/utf8"
)

// FlexTime is a timestamp that also accepts a plain date ("2026-09-30"),
// for fields the spec has typed both as format date and as date-time.
type FlexTime struct{ time.Time }

// UnmarshalJSON accepts an RFC 3339 date-time, a YYYY-MM-DD date (midnight
// UTC) or null (zero).
func (t *FlexTime) UnmarshalJSON(b []byte) error {
	if isJSONNull(b) {
		t.Time = time.Time{}
		return nil
	}
	s, ok := plainString(b)
	if !ok {
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("time %s is not a string", b)
		}
	}
	layout := time.RFC3339Nano
	if len(s) == len(time.DateOnly) {
		layout = time.DateOnly // no failed parse (and its error) first
	}
	if v, err := time.Parse(layout, s); err == nil {
		t.Time = v
		return nil
	}
	return fmt.Errorf("time %q is neither a date nor a date-time", s)
}

// plainString reads a JSON string without escapes, the usual case for
// dates, ids and enums, without a second JSON decoder; ok is false for
// anything else, which the caller hands to encoding/json.
func plainString(b []byte) (s string, ok bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return "", false
	}
	in := b[1 : len(b)-1]
	for _, c := range in {
		if c == '"' || c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			return "", false
		}
	}
	return string(in), true
}
