package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// registrationsFileName is where hlx keeps its dynamic client
// registrations, beside the session file.
const registrationsFileName = "clients.json"

// registrationsVersion is the format version of clients.json.
const registrationsVersion = 1

// Registration is hlx registered as an OAuth client with one environment
// through dynamic client registration (RFC 7591): a public client, so there
// is no secret to keep. It is not a secret either, but it is written like
// the session (0600 in a 0700 directory).
type Registration struct {
	// APIURL is the environment the client was registered with.
	APIURL string `json:"api_url"`
	// ClientID is the server's client_id (e.g. "dyn_…").
	ClientID string `json:"client_id"`
	// RedirectURIs are the loopback callbacks registered for the client;
	// a login must listen on one of them.
	RedirectURIs []string `json:"redirect_uris"`
	// IssuedAt is the server's client_id_issued_at.
	IssuedAt time.Time `json:"issued_at,omitzero"`
}

// registrationsFile is the content of clients.json.
type registrationsFile struct {
	Version int                     `json:"version"`
	Clients map[string]Registration `json:"clients"`
}

// RegistrationStore keeps the registrations in one file, one per
// environment. Ensure and Replace hold an exclusive lock on a sibling
// ".lock" file across the whole read, registration and write, so two hlx
// processes that log in at once register once.
type RegistrationStore struct {
	path string
}

// NewRegistrationStore returns a store for the file at path; "" means
// clients.json under Dir().
func NewRegistrationStore(path string) *RegistrationStore {
	if path == "" {
		path = filepath.Join(Dir(), registrationsFileName)
	}
	return &RegistrationStore{path: path}
}

// Registrations is the registration store that belongs with this session
// store: clients.json in the same directory, so a session kept apart (a
// test's, the demo's) has its registrations apart too.
func (s *Store) Registrations() *RegistrationStore {
	return NewRegistrationStore(filepath.Join(filepath.Dir(s.path), registrationsFileName))
}

// Path is the registrations file's path.
func (r *RegistrationStore) Path() string { return r.path }

// Get returns the registration for apiURL, if there is one. It takes no
// lock: the file is replaced by rename, so a reader sees a whole version.
func (r *RegistrationStore) Get(apiURL string) (Registration, bool, error) {
	f, err := r.read()
	if err != nil {
		return Registration{}, false, err
	}
	reg, ok := f.Clients[apiURL]
	return reg, ok && reg.ClientID != "", nil
}

// Ensure returns the registration for apiURL if keep accepts it, and
// otherwise calls register and stores what it returns in place of the old
// one (if any). It all happens under the lock: a second caller waits, then
// finds the first one's registration. created says register ran and
// succeeded. Nothing is written when register fails.
func (r *RegistrationStore) Ensure(apiURL string, keep func(Registration) bool, register func() (Registration, error)) (reg Registration, created bool, err error) {
	err = WithFileLock(r.path, func() error {
		f, err := r.read()
		if err != nil {
			return err
		}
		if old, ok := f.Clients[apiURL]; ok && old.ClientID != "" && keep(old) {
			reg = old
			return nil
		}
		reg, err = register()
		if err != nil {
			return err
		}
		if err := validRegistration(reg); err != nil {
			return err
		}
		reg.APIURL = apiURL
		f.Clients[apiURL] = reg
		created = true
		return r.write(f)
	})
	return reg, created, err
}

// Forget removes apiURL's registration if its client ID is still clientID
// (another hlx may have replaced it meanwhile). It reports whether it did.
func (r *RegistrationStore) Forget(apiURL, clientID string) (bool, error) {
	removed := false
	err := WithFileLock(r.path, func() error {
		f, err := r.read()
		if err != nil {
			return err
		}
		if f.Clients[apiURL].ClientID != clientID {
			return nil
		}
		delete(f.Clients, apiURL)
		removed = true
		return r.write(f)
	})
	return removed, err
}

// validRegistration refuses to store a registration hlx could not use.
func validRegistration(reg Registration) error {
	if strings.TrimSpace(reg.ClientID) == "" {
		return errors.New("save client registration: no client id")
	}
	if len(reg.RedirectURIs) == 0 || slices.Contains(reg.RedirectURIs, "") {
		return errors.New("save client registration: no redirect URI")
	}
	return nil
}

// read loads the file; a missing or empty file is no registration. A file
// that does not parse is an error naming it: it is small, and the user can
// delete it (hlx then registers again).
func (r *RegistrationStore) read() (registrationsFile, error) {
	f := registrationsFile{Version: registrationsVersion, Clients: map[string]Registration{}}
	data, err := os.ReadFile(r.path)
	if errors.Is(err, fs.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("read client registrations: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return f, nil
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return f, fmt.Errorf("client registrations %s are not valid JSON (delete the file to register again): %w", r.path, err)
	}
	if f.Version > registrationsVersion {
		return f, fmt.Errorf("client registrations %s have format version %d; this hlx understands up to %d", r.path, f.Version, registrationsVersion)
	}
	if f.Clients == nil {
		f.Clients = map[string]Registration{}
	}
	return f, nil
}

// write replaces the file atomically (0600 in a 0700 directory).
func (r *RegistrationStore) write(f registrationsFile) error {
	f.Version = registrationsVersion
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("encode client registrations: %w", err)
	}
	if err := WriteFileAtomic(r.path, append(data, '\n')); err != nil {
		return fmt.Errorf("save client registration: %w", err)
	}
	return nil
}
