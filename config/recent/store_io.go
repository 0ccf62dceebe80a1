package recent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/gofrs/flock"
)

// view runs fn on the current file. Reads take no lock, since writes
// replace the file by rename; only a corrupt file needs it, to be moved
// aside without undoing a writer that is fixing it right now.
func (s *Store) view(fn func(*file)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, err := s.read()
	if err != nil {
		return err
	}
	f, decodeErr := decodeFile(data)
	if decodeErr == nil {
		fn(f)
		return nil
	}
	var warn error
	err = s.withLock(func() error {
		f, warn, err = s.readLocked()
		return err
	})
	if err != nil {
		return err
	}
	fn(f)
	return warn
}

// update re-reads the file under the lock, runs fn on it and writes it
// back atomically. A corrupt file is moved aside first and reported after
// the write succeeds.
func (s *Store) update(fn func(*file)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.withLock(func() error {
		f, warn, err := s.readLocked()
		if err != nil {
			return err
		}
		fn(f)
		data, err := json.MarshalIndent(f, "", "  ")
		if err != nil {
			return fmt.Errorf("encode recent jumps: %w", err)
		}
		if err := writeFileAtomic(s.Path(), append(data, '\n')); err != nil {
			return fmt.Errorf("save recent jumps: %w", err)
		}
		return warn
	})
}

// read returns the file's bytes, nil when there is no file yet.
func (s *Store) read() ([]byte, error) {
	fh, err := os.Open(s.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read recent jumps: %w", err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read recent jumps: %w", err)
	}
	return data, nil
}

// readLocked reads and decodes the file with the lock held; a file that
// does not parse is moved aside and an empty one returned with the warning.
func (s *Store) readLocked() (f *file, warn error, err error) {
	data, err := s.read()
	if err != nil {
		return nil, nil, err
	}
	var decodeErr error
	if len(data) > maxFileSize {
		decodeErr = fmt.Errorf("larger than %d bytes", maxFileSize)
	} else {
		f, decodeErr = decodeFile(data)
	}
	if decodeErr == nil {
		return f, nil, nil
	}
	var newer *newerError
	if errors.As(decodeErr, &newer) {
		return nil, nil, fmt.Errorf("recent jumps %s: %w", s.Path(), decodeErr)
	}
	movedTo, err := moveAside(s.Path())
	if err != nil {
		return nil, nil, fmt.Errorf("recent jumps file %s is corrupt (%v) and could not be moved aside: %w", s.Path(), decodeErr, err)
	}
	return newFile(), &CorruptError{Path: s.Path(), MovedTo: movedTo, Err: decodeErr}, nil
}

// withLock runs fn holding an exclusive flock on the file's ".lock"
// sibling (the file itself is replaced by rename, which would orphan a
// lock taken on it).
func (s *Store) withLock(fn func() error) error {
	if err := ensurePrivateDir(s.dir); err != nil {
		return err
	}
	lock := flock.New(s.Path()+".lock", flock.SetPermissions(fileMode))
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := lock.TryLockContext(ctx, 5*time.Millisecond)
	if err != nil || !ok {
		_ = lock.Close()
		if err == nil {
			err = ctx.Err()
		}
		return fmt.Errorf("lock recent jumps %s (is another hlx stuck?): %w", s.Path(), err)
	}
	defer func() { _ = lock.Close() }()
	return fn()
}

// moveAside renames path to path.corrupt-<UTC time>, adding -1, -2, ...
// if that name is taken, so no earlier corrupt copy is lost.
func moveAside(path string) (string, error) {
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
