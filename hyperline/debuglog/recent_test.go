package debuglog

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"
)

func TestRecent(t *testing.T) {
	t.Parallel()
	r := NewRecent(3)
	if got := r.Snapshot(); len(got) != 0 {
		t.Errorf("empty ring = %v", got)
	}
	for i := 1; i <= 5; i++ {
		r.Add(Record{Status: i})
		got := r.Snapshot()
		want := max(1, i-2)
		if len(got) != min(i, 3) || got[0].Status != want || got[len(got)-1].Status != i {
			t.Errorf("after %d adds: %+v", i, got)
		}
	}
	// A snapshot is a copy: changing it leaves the ring alone.
	snap := r.Snapshot()
	snap[0].Status = 99
	if r.Snapshot()[0].Status == 99 {
		t.Error("Snapshot shares memory with the ring")
	}
	if one := NewRecent(0); len(one.buf) != 1 {
		t.Errorf("NewRecent(0) keeps %d", len(one.buf))
	}
}

func TestOpenFile(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "state", "hlx")
	f, path, err := OpenFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !regexp.MustCompile(`^hlx-debug-\d{8}T\d{6}\.log$`).MatchString(filepath.Base(path)) || filepath.Dir(path) != dir {
		t.Errorf("path = %s", path)
	}
	if _, err := f.WriteString("{}\n"); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "windows" {
		return // no Unix permissions to check
	}
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != want {
			t.Errorf("%s has mode %v, want %v", p, got, want)
		}
	}
}
