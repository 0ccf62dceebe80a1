package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"
)

// CorruptError reports a session file that could not be parsed. The file was
// renamed to MovedTo (never overwritten) and an empty session used instead.
// Store.Load and Store.Update return it together with a successful result: it
// is a warning to show the user, not a failure.
type CorruptError struct {
	Path    string
	MovedTo string
	Err     error
}

// Error names the file, why it could not be read and where it went.
func (e *CorruptError) Error() string {
	return fmt.Sprintf("session file %s could not be read (%v); moved it to %s and started a new session (log in again)", e.Path, e.Err, e.MovedTo)
}

// Unwrap returns the decoding error.
func (e *CorruptError) Unwrap() error { return e.Err }

// SplitCorrupt separates what Load and Update return: a *CorruptError is
// the warning of a call that succeeded (the unreadable file was moved
// aside), anything else is the failure. Callers keep the warning to show
// it, or drop it, but never take it for a failure.
func SplitCorrupt(err error) (warning *CorruptError, failure error) {
	if errors.As(err, &warning) {
		return warning, nil
	}
	return nil, err
}

// Store reads and writes one session file. Every Update holds an exclusive
// lock on a sibling ".lock" file while it re-reads, changes and atomically
// rewrites the session, so several hlx processes (and goroutines) can share
// the file without losing a write. Readers need no lock: writes replace the
// file by rename, so a reader sees a complete old or new version.
//
// With a keyring (WithKeyring), the accounts' access and refresh tokens are
// kept in the OS keyring and session.json holds everything else; the lock
// stays on the file, so it serialises refreshes across processes wherever
// the tokens are.
type Store struct {
	path string
	// mu serialises Updates of this Store inside the process; the flock
	// does the same across processes (and across Stores on one file).
	mu sync.Mutex

	keyring  Keyring // nil: the tokens stay in the file
	fileOnly bool    // read and delete keyring entries, never write them
	fault    func(StoreOp) error

	noticeMu sync.Mutex
	notice   string // why the last save kept tokens in the file
	down     error  // the keyring failed a write: do not wait on it again
}

// StoreOption configures NewStore.
type StoreOption func(*Store)

// WithKeyring keeps the tokens in k (normally SystemKeyring()). Where k
// does not answer, the tokens go to the file and StorageNotice says why;
// tokens already in the file move to k on the next save.
func WithKeyring(k Keyring) StoreOption { return func(s *Store) { s.keyring = k } }

// WithInsecureStorage writes the tokens to the session file (mode 0600)
// even when a keyring is given, for `hlx login --insecure-storage`. Tokens
// found in the keyring are still read, moved to the file on the next save,
// and deleted from the keyring at logout.
func WithInsecureStorage() StoreOption { return func(s *Store) { s.fileOnly = true } }

// StoreOp names a file operation a fault hook can make fail.
type StoreOp int

// The operations WithFaults sees.
const (
	// StoreOpProbe is CheckWritable's temporary file.
	StoreOpProbe StoreOp = iota
	// StoreOpWrite is one attempt to write the session file.
	StoreOpWrite
)

// WithFaults calls fail before each file operation and makes the operation
// fail with its error, if any. It is for tests: CI runs as root, where a
// read-only directory proves nothing.
func WithFaults(fail func(StoreOp) error) StoreOption { return func(s *Store) { s.fault = fail } }

// NewStore returns a store for the session file at path; "" means
// SessionPath(). Nothing is read or created until Load or Update.
func NewStore(path string, opts ...StoreOption) *Store {
	if path == "" {
		path = SessionPath()
	}
	s := &Store{path: path}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Path is the session file's path.
func (s *Store) Path() string { return s.path }

// Load reads the session. A missing file is an empty session. A file that
// cannot be parsed is moved aside and an empty session is returned along
// with a *CorruptError. A file from a newer hlx is a *VersionError.
func (s *Store) Load() (*Session, error) {
	data, err := s.read()
	if err != nil {
		return nil, err
	}
	sess, err := DecodeSession(data)
	var warn error
	switch {
	case err == nil:
	case errors.As(err, new(*VersionError)):
		return nil, fmt.Errorf("load session %s: %w", s.path, err)
	default:
		// Take the lock before moving the file aside, so that a writer
		// that is replacing it right now is not undone.
		err = WithFileLock(s.path, func() error {
			sess, warn, err = s.readLocked()
			return err
		})
		if err != nil {
			return nil, err
		}
		return sess, warn
	}
	if err := s.fillTokens(sess); err != nil {
		return nil, err
	}
	return sess, nil
}

// Update runs fn on the freshly read session while holding the lock, then
// writes the result atomically (mode 0600, directory 0700) unless fn returns
// an error or left the session unchanged. A corrupt file is moved aside
// first and fn sees an empty session; Update then returns the *CorruptError
// after a successful write. If fn or the write fails instead, that error is
// returned with the move-aside named in its message (but not matching
// *CorruptError, which callers take for success).
func (s *Store) Update(fn func(*Session) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return WithFileLock(s.path, func() error {
		sess, warn, err := s.readLocked()
		if err != nil {
			return err
		}
		if err := s.apply(sess, fn); err != nil {
			if warn != nil {
				return fmt.Errorf("%w (also: %v)", err, warn)
			}
			return err
		}
		return warn
	})
}

// apply runs fn on sess and saves the result if fn changed it.
func (s *Store) apply(sess *Session, fn func(*Session) error) error {
	before, err := EncodeSession(sess)
	if err != nil {
		return err
	}
	var prev map[accountKey]placed
	if s.keyring != nil {
		prev = placesOf(sess)
	}
	if err := fn(sess); err != nil {
		return err
	}
	after, err := EncodeSession(sess)
	if err != nil {
		return err
	}
	switch {
	case bytes.Equal(before, after):
		return nil
	case s.keyring == nil:
		// No keyring: no account can hold its tokens there (reading
		// them would have failed), so the file takes the session as is.
		return s.writeFile(after)
	}
	return s.save(sess, prev)
}

// read returns the file's bytes, or nil if it does not exist. A file open
// to group or others (copied in with a loose umask, say) is narrowed to
// 0600 on the way: it holds tokens, and waiting for the next change to
// rewrite it could take a day.
func (s *Store) read() ([]byte, error) {
	f, err := os.Open(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read session: %w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().Perm()&^fileMode != 0 {
		// Best effort: a file hlx does not own cannot be narrowed, and
		// reading it is still better than failing.
		_ = f.Chmod(fileMode)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("read session: %w", err)
	}
	return data, nil
}

// readLocked reads and decodes the file; the caller holds the lock. A file
// that does not parse is moved aside and reported as the warning.
func (s *Store) readLocked() (sess *Session, warn error, err error) {
	data, err := s.read()
	if err != nil {
		return nil, nil, err
	}
	sess, decodeErr := DecodeSession(data)
	if decodeErr == nil {
		if err := s.fillTokens(sess); err != nil {
			return nil, nil, err
		}
		return sess, nil, nil
	}
	if errors.As(decodeErr, new(*VersionError)) {
		return nil, nil, fmt.Errorf("load session %s: %w", s.path, decodeErr)
	}
	movedTo, err := MoveAside(s.path)
	if err != nil {
		return nil, nil, fmt.Errorf("session file %s is corrupt (%v) and could not be moved aside: %w", s.path, decodeErr, err)
	}
	return NewSession(), &CorruptError{Path: s.path, MovedTo: movedTo, Err: decodeErr}, nil
}

// MoveAside renames a corrupt file to path.corrupt-<UTC time>, a name
// that does not exist yet, so that no earlier corrupt copy is lost either,
// and returns the new name.
func MoveAside(path string) (string, error) {
	stamp := time.Now().UTC().Format("20060102T150405Z")
	for i := 0; ; i++ {
		target := path + ".corrupt-" + stamp
		if i > 0 {
			target = fmt.Sprintf("%s-%d", target, i)
		}
		if _, err := os.Lstat(target); err == nil {
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if err := os.Rename(path, target); err != nil {
			return "", err
		}
		return target, nil
	}
}
