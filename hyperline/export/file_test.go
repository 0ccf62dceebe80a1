package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

func TestWriteFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "customers.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := WriteFile(path, func(w io.Writer) error {
		cw := NewCSV(w, CustomerColumns())
		if err := cw.Write(customer(t)); err != nil {
			return err
		}
		return cw.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != path {
		t.Errorf("path = %q, want %q", got, path)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != FileMode {
		t.Errorf("mode = %o, want %o", info.Mode().Perm(), FileMode)
	}
	want := writeCSV(t, CustomerColumns(), []hyperline.Customer{customer(t)})
	if b, _ := os.ReadFile(path); string(b) != want {
		t.Errorf("file = %q, want %q", b, want)
	}
	assertOnlyFiles(t, dir, "customers.csv")
}

// TestWriteFileFailureLeavesNothing: an error while writing removes the
// temporary file and leaves an existing file untouched.
func TestWriteFileFailureLeavesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "invoices.json")
	if err := os.WriteFile(path, []byte("previous export"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("network down on page 3")
	_, err := WriteFile(path, func(w io.Writer) error {
		jw := NewJSON(w, InvoiceRaw)
		if err := jw.Write(invoice(t)); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if b, _ := os.ReadFile(path); string(b) != "previous export" {
		t.Errorf("existing file changed to %q", b)
	}
	assertOnlyFiles(t, dir, "invoices.json")

	if _, err := WriteFile(filepath.Join(dir, "missing", "x.csv"), func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

func assertOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != len(want) || (len(want) > 0 && names[0] != want[0]) {
		t.Errorf("directory holds %q, want %q", names, want)
	}
}
