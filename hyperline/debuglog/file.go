package debuglog

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// OpenFile creates dir (0700) if needed and opens a new log file in it for
// appending, named for the time hlx started: hlx-debug-20261201T210500.log.
// The file is 0600: even redacted, the log names customers and companies.
// It returns the file and its path, which hlx prints so the user can
// attach it to a ticket.
func OpenFile(dir string) (*os.File, string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, "", fmt.Errorf("create debug log directory: %w", err)
	}
	path := filepath.Join(dir, "hlx-debug-"+time.Now().Format("20060102T150405")+".log")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, "", fmt.Errorf("open debug log: %w", err)
	}
	return f, path, nil
}
