// Package aggregates keeps figures hlx paid many requests for (the money
// invoiced per month, read from every invoice of a large company) in the
// XDG cache, so the same figures are not paid for twice the same day. It
// holds aggregates only, counts and sums per month and currency, never a
// customer's or an invoice's data.
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
	"time"

	"github.com/adrg/xdg"

	"github.com/hyperline-tui/hlx/config"
)

// Month is one month's invoices: how many were issued and the money they
// invoiced per currency (minor units, excluding tax, credit notes off).
type Month struct {
	Start    time.Time        `json:"start"`
	Invoices int              `json:"invoices"`
	Amounts  map[string]int64 `json:"amounts"`
}

// Revenue is the per-month figures of one company, computed on Day (the
// user's calendar day, YYYY-MM-DD) from every invoice of the months.
type Revenue struct {
	Company    string    `json:"company"`
	Day        string    `json:"day"`
	ComputedAt time.Time `json:"computed_at"`
	Months     []Month   `json:"months"`
}

// Store reads and writes the cached figures under one directory.
type Store struct{ dir string }

// Open is the store in hlx's XDG cache directory ($XDG_CACHE_HOME/hlx/
// aggregates, ~/.cache/hlx/aggregates on Linux).
func Open() Store { return Store{dir: filepath.Join(xdg.CacheHome, "hlx", "aggregates")} }

// NewStore is a store in dir (tests).
func NewStore(dir string) Store { return Store{dir: dir} }

// path is the file of company's figures of day. Only letters, digits,
// '-' and '_' of the ID are kept, so an ID cannot name another path.
func (s Store) path(company, day string) string {
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, company)
	return filepath.Join(s.dir, "revenue-"+safe+"-"+day+".json")
}

// LoadRevenue returns the figures of company computed on day, or nil
// when there are none.
func (s Store) LoadRevenue(company, day string) (*Revenue, error) {
	b, err := os.ReadFile(s.path(company, day))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read cached figures: %w", err)
	}
	var r Revenue
	if err := json.Unmarshal(b, &r); err != nil || r.Company != company || r.Day != day {
		return nil, nil // a damaged or foreign file is a miss, not an error
	}
	return &r, nil
}

// SaveRevenue writes r (0600, in a 0700 directory, atomically) and
// removes the company's files of other days.
func (s Store) SaveRevenue(r Revenue) error {
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	path := s.path(r.Company, r.Day)
	if err := config.WriteFileAtomic(path, b); err != nil {
		return fmt.Errorf("cache figures: %w", err)
	}
	old, _ := filepath.Glob(strings.TrimSuffix(path, r.Day+".json") + "*.json")
	for _, o := range old {
		if o != path {
			_ = os.Remove(o)
		}
	}
	return nil
}
