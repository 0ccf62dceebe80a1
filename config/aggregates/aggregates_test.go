package aggregates

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRoundTrip: figures saved are read back the same day only, the file
// is private, an older day's file is removed, and a key cannot name a
// path outside the store.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "agg")
	s := NewStore(dir)
	type figures struct{ Invoices int }
	var got figures
	if ok, err := s.Load("revenue-cmp_1", "2026-12-05", &got); ok || err != nil {
		t.Fatalf("empty store: %v %v", ok, err)
	}
	if err := s.Save("revenue-cmp_1", "2026-12-05", figures{3}); err != nil {
		t.Fatal(err)
	}
	if err := s.Save("revenue-cmp_1", "2026-12-06", figures{4}); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.Load("revenue-cmp_1", "2026-12-06", &got); !ok || err != nil || got.Invoices != 4 {
		t.Fatalf("load: %v %+v %v", ok, got, err)
	}
	if ok, _ := s.Load("revenue-cmp_1", "2026-12-05", &got); ok {
		t.Error("the older day's figures were kept")
	}
	if ok, _ := s.Load("revenue-cmp_2", "2026-12-06", &got); ok {
		t.Error("another key's figures were read")
	}
	info, err := os.Stat(s.path("revenue-cmp_1", "2026-12-06"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v %v", info, err)
	}
	if p := s.path("../../x", "d"); filepath.Dir(p) != dir {
		t.Errorf("path escapes: %s", p)
	}
}
