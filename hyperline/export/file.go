package export

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// FileMode is the mode of the files WriteFile makes: exports hold customer
// data, so only their owner may read them.
const FileMode = 0o600

// WriteFile makes the file at path from what write writes, atomically: it
// writes to a temporary file in the same directory (mode 0600), syncs it
// to disk, then renames it over path. A reader never sees half an export,
// an existing file is replaced only by a complete one, and on any error
// (from write too) the temporary file is removed and path is left as it
// was. It returns the absolute path of the file.
func WriteFile(path string, write func(io.Writer) error) (_ string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("export: write %s: %w", path, err)
	}
	dir, base := filepath.Split(abs)
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("export: write %s: %w", abs, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	// CreateTemp already uses 0600; Chmod says so whatever the platform.
	if err := f.Chmod(FileMode); err != nil {
		return "", fmt.Errorf("export: write %s: %w", abs, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return "", fmt.Errorf("export: write %s: %w", abs, err)
	}
	if err := bw.Flush(); err != nil {
		return "", fmt.Errorf("export: write %s: %w", abs, err)
	}
	if err := f.Sync(); err != nil {
		return "", fmt.Errorf("export: sync %s: %w", abs, err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("export: close %s: %w", abs, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	syncDir(dir)
	return abs, nil
}

// syncDir makes the rename durable where the platform allows it; a
// directory that cannot be synced (Windows) leaves the file written.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync() // best effort: the file's data is on disk already
	d.Close()
}
