package recent

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/hyperline-tui/hlx/config"
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
	err = config.WithFileLock(s.Path(), func() error {
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
	return config.WithFileLock(s.Path(), func() error {
		f, warn, err := s.readLocked()
		if err != nil {
			return err
		}
		fn(f)
		data, err := json.MarshalIndent(f, "", "  ")
		if err != nil {
			return fmt.Errorf("encode recent jumps: %w", err)
		}
		if err := config.WriteFileAtomic(s.Path(), append(data, '\n')); err != nil {
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
	movedTo, err := config.MoveAside(s.Path())
	if err != nil {
		return nil, nil, fmt.Errorf("recent jumps file %s is corrupt (%v) and could not be moved aside: %w", s.Path(), decodeErr, err)
	}
	return newFile(), &CorruptError{Path: s.Path(), MovedTo: movedTo, Err: decodeErr}, nil
}
