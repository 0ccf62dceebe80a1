package recent

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// fileVersion is the format written; a file with a higher version comes
// from a newer hlx and is neither read nor replaced.
const fileVersion = 1

// maxFileSize bounds what is read: a file this large was not written by
// hlx (the caps keep a real one under about 1 MB).
const maxFileSize = 4 << 20

// file is the JSON document: {"version": 1, "accounts": {key: [jumps]}}.
type file struct {
	Version  int               `json:"version"`
	Accounts map[string][]Jump `json:"accounts"`
}

func newFile() *file { return &file{Version: fileVersion, Accounts: map[string][]Jump{}} }

// trimAccounts keeps the n accounts with the most recent jumps.
func (f *file) trimAccounts(n int) {
	if len(f.Accounts) <= n {
		return
	}
	keys := make([]string, 0, len(f.Accounts))
	for k := range f.Accounts {
		keys = append(keys, k)
	}
	newest := func(k string) time.Time {
		if l := f.Accounts[k]; len(l) > 0 {
			return l[0].At
		}
		return time.Time{}
	}
	slices.SortFunc(keys, func(a, b string) int { return newest(b).Compare(newest(a)) })
	for _, k := range keys[n:] {
		delete(f.Accounts, k)
	}
}

// decodeFile parses the file's bytes; nil or empty bytes are an empty file.
func decodeFile(data []byte) (*file, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return newFile(), nil
	}
	f := &file{}
	if err := json.Unmarshal(data, f); err != nil {
		return nil, err
	}
	switch {
	case f.Version > fileVersion:
		return nil, &newerError{version: f.Version}
	case f.Version < 1:
		return nil, errors.New("no format version")
	}
	if f.Accounts == nil {
		f.Accounts = map[string][]Jump{}
	}
	return f, nil
}

// newerError is a file written by a newer hlx.
type newerError struct{ version int }

func (e *newerError) Error() string {
	return fmt.Sprintf("format version %d is newer than this hlx reads (%d); upgrade hlx", e.version, fileVersion)
}
