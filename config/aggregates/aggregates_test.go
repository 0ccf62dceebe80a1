package aggregates

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestRevenueRoundTrip: figures saved are read back the same day only,
// the file is private, and an older day's file is removed.
func TestRevenueRoundTrip(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "agg")
	s := NewStore(dir)
	if r, err := s.LoadRevenue("cmp_1", "2026-12-05"); r != nil || err != nil {
		t.Fatalf("empty store: %v %v", r, err)
	}
	day1 := Revenue{Company: "cmp_1", Day: "2026-12-05", Months: []Month{{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Invoices: 3, Amounts: map[string]int64{"EUR": 12}}}}
	if err := s.SaveRevenue(day1); err != nil {
		t.Fatal(err)
	}
	day2 := day1
	day2.Day = "2026-12-06"
	if err := s.SaveRevenue(day2); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadRevenue("cmp_1", "2026-12-06")
	if err != nil || got == nil || got.Months[0].Amounts["EUR"] != 12 || got.Months[0].Invoices != 3 {
		t.Fatalf("load: %+v %v", got, err)
	}
	if r, _ := s.LoadRevenue("cmp_1", "2026-12-05"); r != nil {
		t.Error("the older day's figures were kept")
	}
	if r, _ := s.LoadRevenue("cmp_2", "2026-12-06"); r != nil {
		t.Error("another company's figures were read")
	}
	info, err := os.Stat(s.path("cmp_1", "2026-12-06"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v %v", info, err)
	}
	if s.path("../../x", "d") != filepath.Join(dir, "revenue-x-d.json") {
		t.Errorf("path escapes: %s", s.path("../../x", "d"))
	}
}
