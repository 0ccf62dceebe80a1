package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// VersionError reports a session file written by a newer hlx. Such a file
// is neither moved aside nor overwritten: the newer hlx still needs it.
type VersionError struct {
	Version int
}

// Error says which version was found and asks for an upgrade.
func (e *VersionError) Error() string {
	return fmt.Sprintf("session file has format version %d; this hlx understands up to %d (upgrade hlx)", e.Version, SessionVersion)
}

// errNoVersion marks JSON that parses but is not a session file.
var errNoVersion = errors.New("missing or invalid \"version\"")

// DecodeSession parses session.json. Blank input is an empty session. It
// repairs what it safely can (null maps, an account whose email differs from
// its key, a current account that does not exist) so that callers can rely
// on every map being non-nil. A newer format version is a *VersionError.
func DecodeSession(data []byte) (*Session, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return NewSession(), nil
	}
	var s Session
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("decode session: %w", err)
	}
	switch {
	case s.Version > SessionVersion:
		return nil, &VersionError{Version: s.Version}
	case s.Version < 1:
		return nil, fmt.Errorf("decode session: %w", errNoVersion)
	}
	s.normalize()
	return &s, nil
}

// EncodeSession renders the session as indented JSON with the current format
// version. Maps are written in key order, so equal sessions give equal bytes.
func EncodeSession(s *Session) ([]byte, error) {
	out := *s
	out.Version = SessionVersion
	if out.Environments == nil {
		out.Environments = map[string]*Environment{}
	}
	data, err := json.MarshalIndent(&out, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode session: %w", err)
	}
	return append(data, '\n'), nil
}

// normalize makes a decoded session internally consistent.
func (s *Session) normalize() {
	if s.Environments == nil {
		s.Environments = make(map[string]*Environment)
	}
	for url, env := range s.Environments {
		if env == nil {
			delete(s.Environments, url)
			continue
		}
		for email, a := range env.Accounts {
			if a == nil || email == "" {
				delete(env.Accounts, email)
				continue
			}
			a.Email = email
		}
		if len(env.Accounts) == 0 {
			delete(s.Environments, url)
			continue
		}
		if env.Accounts[env.Current] == nil {
			env.Current = env.Emails()[0]
		}
	}
}
