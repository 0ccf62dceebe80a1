package hyperline

import (
	"encoding/json"
	"fmt"
	"time"
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
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("time %s is not a string", b)
	}
	for _, layout := range []string{time.RFC3339Nano, time.DateOnly} {
		if v, err := time.Parse(layout, s); err == nil {
			t.Time = v
			return nil
		}
	}
	return fmt.Errorf("time %q is neither a date nor a date-time", s)
}
