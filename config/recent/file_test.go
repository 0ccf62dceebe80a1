package recent

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFileAndDirModes(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	if err := os.MkdirAll(filepath.Dir(s.dir), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(s.dir, 0o755); err != nil { // as a loose umask would leave it
		t.Fatal(err)
	}
	if err := s.Add("ana@acme.fr", jump(1)); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{s.dir: 0o700, s.Path(): 0o600, s.Path() + ".lock": 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", filepath.Base(path), got, want)
		}
	}
	entries, _ := os.ReadDir(s.dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temp file %s left behind", e.Name())
		}
	}
}

func TestNoEmailInClear(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	if err := s.Add("Ana.Martin@acme.fr", jump(1)); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, clear := range []string{"ana.martin", "Ana.Martin", "@acme.fr"} {
		if bytes.Contains(data, []byte(clear)) {
			t.Errorf("the file holds %q in clear:\n%s", clear, data)
		}
	}
	if key := AccountKey("ana.martin@acme.fr"); !bytes.Contains(data, []byte(`"`+key+`"`)) || len(key) != 64 {
		t.Errorf("the file does not key the account by its SHA-256 %s:\n%s", key, data)
	}
}

func TestCorruptFileMovedAsideOnList(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	_ = s.Add("ana@acme.fr", jump(1))
	garbage := []byte(`{"version": 1, "accounts": {`)
	if err := os.WriteFile(s.Path(), garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := s.List("ana@acme.fr")
	var ce *CorruptError
	if !errors.As(err, &ce) || got != nil {
		t.Fatalf("List of a corrupt file = %v, %v; want no jumps and a *CorruptError", got, err)
	}
	moved, readErr := os.ReadFile(ce.MovedTo)
	if readErr != nil || !bytes.Equal(moved, garbage) || !strings.HasPrefix(ce.MovedTo, s.Path()+".corrupt-") {
		t.Errorf("moved to %s (%v), content %q", ce.MovedTo, readErr, moved)
	}
	if !strings.Contains(err.Error(), ce.MovedTo) {
		t.Errorf("the message %q does not say where the file went", err)
	}
	// Reported once: the next call sees no file.
	if got, err := s.List("ana@acme.fr"); err != nil || got != nil {
		t.Errorf("second List = %v, %v; want nothing and no error", got, err)
	}
}

func TestCorruptFileReplacedOnAdd(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	for _, garbage := range []string{"not json", `[]`, `{}`, `{"version": 1, "accounts": []}`} {
		if err := os.MkdirAll(s.dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(s.Path(), []byte(garbage), 0o600); err != nil {
			t.Fatal(err)
		}
		err := s.Add("ana@acme.fr", jump(1))
		var ce *CorruptError
		if !errors.As(err, &ce) {
			t.Errorf("Add over %q: %v, want a *CorruptError", garbage, err)
			continue
		}
		if got := mustList(t, s, "ana@acme.fr"); ids(got) != "inv_1" {
			t.Errorf("after Add over %q: [%s], want the new jump alone", garbage, ids(got))
		}
	}
	matches, _ := filepath.Glob(s.Path() + ".corrupt-*")
	if len(matches) != 4 {
		t.Errorf("%d corrupt copies kept, want 4 (none overwritten): %v", len(matches), matches)
	}
}

func TestNewerFileLeftAlone(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	newer := []byte(`{"version": 2, "accounts": {}, "pins": []}`)
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.Path(), newer, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.List("ana@acme.fr"); err == nil || errors.As(err, new(*CorruptError)) {
		t.Errorf("List of a newer file: %v, want a plain error", err)
	}
	if err := s.Add("ana@acme.fr", jump(1)); err == nil {
		t.Error("Add over a newer file succeeded")
	}
	if data, _ := os.ReadFile(s.Path()); !bytes.Equal(data, newer) {
		t.Errorf("the newer file was changed: %s", data)
	}
}
