// Package recent remembers the objects a user jumped to (customers,
// subscriptions, invoices found by a lookup), per account, so the jump
// prompt can offer them again.
//
// They live in one file, recent-jumps.json, under the XDG state home
// (DefaultDir), not in the session file: they are history, not a secret
// or a setting, and losing them costs nothing. The file is written
// atomically with mode 0600 in a 0700 directory, because the jumps name
// customers. Accounts are keyed by a SHA-256 of the account email (see
// AccountKey), so the file does not list who uses the machine in clear.
//
// The package does no HTTP and knows nothing about the UI.
package recent

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/hyperline-tui/hlx/config"
)

// FileName is the name of the jumps file inside the store's directory.
const FileName = "recent-jumps.json"

// MaxPerAccount is how many jumps are kept for one account; older ones
// are dropped. MaxAccounts bounds the accounts the file keeps: the one
// whose newest jump is oldest goes first.
const (
	MaxPerAccount = 20
	MaxAccounts   = 32
)

// Jump is one object the user went to. It holds what the jump list shows
// and what reopening the object needs, never a token.
type Jump struct {
	// Query is what the user typed or pasted.
	Query string `json:"query"`
	// Kind is the object's kind: "customer", "subscription" or "invoice"
	// (the values of lookup.Kind).
	Kind string `json:"kind"`
	// ObjectID is the object's Hyperline ID.
	ObjectID string `json:"object_id"`
	// Label is what the user knows the object by: a name or an invoice number.
	Label string `json:"label"`
	// CompanyID and CompanyName are the company that holds the object.
	CompanyID   string `json:"company_id"`
	CompanyName string `json:"company_name"`
	// At is when the jump was made (Add fills it in when zero).
	At time.Time `json:"at"`
}

// sameAs reports whether two jumps are the same entry of the list: the
// same object, or the same query typed again.
func (j Jump) sameAs(o Jump) bool {
	return (j.ObjectID != "" && j.ObjectID == o.ObjectID) || (j.Query != "" && j.Query == o.Query)
}

// Store reads and writes one jumps file. It is safe for concurrent use:
// a mutex serialises the goroutines of one process, and a lock file
// (FileName + ".lock") serialises hlx processes sharing the directory.
type Store struct {
	dir string
	now func() time.Time
	mu  sync.Mutex
}

// DefaultDir is the directory the jumps file lives in by default: hlx's
// directory under the XDG state home (~/.local/state/hlx on Linux).
func DefaultDir() string { return config.StateDir() }

// Open returns a store for the jumps file in dir ("" means DefaultDir()).
// Nothing is read or created until Add or List.
func Open(dir string) *Store {
	if dir == "" {
		dir = DefaultDir()
	}
	return &Store{dir: dir, now: time.Now}
}

// Path is the jumps file's path.
func (s *Store) Path() string { return filepath.Join(s.dir, FileName) }

// errNoAccount rejects an empty account, which would mix everyone's jumps.
var errNoAccount = errors.New("recent jumps: empty account")

// Add puts j at the front of account's jumps. An entry for the same
// object or the same query is moved rather than repeated, and the list is
// cut to MaxPerAccount. If the file was corrupt, it was moved aside, j was
// saved in a new file, and Add returns a *CorruptError: a warning, not a
// failure.
func (s *Store) Add(account string, j Jump) error {
	if strings.TrimSpace(account) == "" {
		return errNoAccount
	}
	j.Query = strings.TrimSpace(j.Query)
	if j.ObjectID == "" && j.Query == "" {
		return errors.New("recent jumps: a jump needs an object ID or a query")
	}
	j.Query, j.Label, j.CompanyName = clip(j.Query), clip(j.Label), clip(j.CompanyName)
	if j.At.IsZero() {
		j.At = s.now()
	}
	j.At = j.At.UTC().Round(0)
	key := AccountKey(account)
	return s.update(func(f *file) {
		list := []Jump{j}
		for _, old := range f.Accounts[key] {
			if !old.sameAs(j) && len(list) < MaxPerAccount {
				list = append(list, old)
			}
		}
		f.Accounts[key] = list
		f.trimAccounts(MaxAccounts)
	})
}

// List returns account's jumps, newest first (nil when there are none).
// If the file was corrupt, it was moved aside and List returns no jumps
// and a *CorruptError; the next call sees an empty file, so the warning
// is given once.
func (s *Store) List(account string) ([]Jump, error) {
	if strings.TrimSpace(account) == "" {
		return nil, errNoAccount
	}
	var out []Jump
	err := s.view(func(f *file) {
		out = append(out, f.Accounts[AccountKey(account)]...)
	})
	if err != nil && !isCorrupt(err) {
		return nil, err
	}
	return out, err
}

// Forget drops account's jumps, for a logout that should leave no trace.
func (s *Store) Forget(account string) error {
	if strings.TrimSpace(account) == "" {
		return errNoAccount
	}
	key := AccountKey(account)
	return s.update(func(f *file) { delete(f.Accounts, key) })
}

// maxField bounds the free text a jump keeps (a query pasted from a
// ticket can be long), so the file stays small.
const maxField = 256

// clip returns at most maxField bytes of v, cut on a rune boundary.
func clip(v string) string {
	if len(v) <= maxField {
		return v
	}
	cut := maxField
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return v[:cut]
}

// CorruptError reports a jumps file that could not be parsed. It was
// renamed to MovedTo (never deleted) and treated as empty. Add and List
// return it as a warning next to a successful result.
type CorruptError struct {
	Path    string
	MovedTo string
	Err     error
}

// Error names the file, why it could not be read and where it went.
func (e *CorruptError) Error() string {
	return fmt.Sprintf("recent jumps file %s could not be read (%v); moved it to %s and started an empty list", e.Path, e.Err, e.MovedTo)
}

// Unwrap returns the decoding error.
func (e *CorruptError) Unwrap() error { return e.Err }

func isCorrupt(err error) bool {
	var ce *CorruptError
	return errors.As(err, &ce)
}
