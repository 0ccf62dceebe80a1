// Package aggregates keeps figures hlx paid many requests for (the money
// invoiced per month, read from every invoice of a large company) in the
// XDG cache, so the same figures are not paid for twice the same day. It
// is meant for aggregates only, counts and sums, never a customer's or an
// invoice's data; callers choose what they store, as JSON.
//
// The package does no HTTP and knows nothing about the UI.
package aggregates

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"

	"github.com/hyperline-tui/hlx/config"
)

// Store reads and writes cached figures under one directory, one file per
// key and day.
type Store struct{ dir string }

// Open is the store in hlx's XDG cache directory ($XDG_CACHE_HOME/hlx/
// aggregates, ~/.cache/hlx/aggregates on Linux).
func Open() Store { return Store{dir: filepath.Join(xdg.CacheHome, "hlx", "aggregates")} }

// NewStore is a store in dir (tests, the demo).
func NewStore(dir string) Store { return Store{dir: dir} }

// path is the file of key's figures of day. Only letters, digits, '-'
// and '_' are kept, so a key (a company ID) cannot name another path.
func (s Store) path(key, day string) string {
	return filepath.Join(s.dir, safeName(key)+"."+safeName(day)+".json")
}

// safeName keeps the letters, digits, '-' and '_' of v.
func safeName(v string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, v)
}

// Load reads key's figures of day (a calendar day, YYYY-MM-DD) into v. It
// reports false when there are none, or the file cannot be decoded (a
// damaged cache is a miss, not an error).
func (s Store) Load(key, day string, v any) (bool, error) {
	b, err := os.ReadFile(s.path(key, day))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read cached figures: %w", err)
	}
	return json.Unmarshal(b, v) == nil, nil
}

// Save writes v as key's figures of day (0600, in a 0700 directory,
// atomically) and removes key's files of other days.
func (s Store) Save(key, day string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	path := s.path(key, day)
	if err := config.WriteFileAtomic(path, b); err != nil {
		return fmt.Errorf("cache figures: %w", err)
	}
	old, _ := filepath.Glob(filepath.Join(s.dir, safeName(key)+".*.json"))
	for _, o := range old {
		if o != path {
			_ = os.Remove(o)
		}
	}
	return nil
}
