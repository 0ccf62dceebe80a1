package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// saveAttempts is how often a save is tried before it is reported failed;
// a full disk or a file another program holds a moment often clears.
const saveAttempts = 3

// saveBackoff is the pause before the second attempt (doubled after).
const saveBackoff = 50 * time.Millisecond

// UnwritableError reports a session file that could not be written: the
// probe before a token refresh, or every attempt of a save.
type UnwritableError struct {
	Path string
	Err  error
}

// Error names the file and the cause.
func (e *UnwritableError) Error() string {
	return fmt.Sprintf("cannot write the session file %s: %v", e.Path, e.Err)
}

// Unwrap returns the cause.
func (e *UnwritableError) Unwrap() error { return e.Err }

// CheckWritable proves that a save could succeed now: it creates (and
// removes) a temporary file beside the session, as a save does. A token
// refresh that may rotate the refresh token calls it first, under Update's
// lock, so that it never spends a refresh token whose successor it could
// not keep. It takes no lock itself.
func (s *Store) CheckWritable() error {
	err := s.inject(StoreOpProbe)
	if err == nil {
		err = probeDir(filepath.Dir(s.path), filepath.Base(s.path))
	}
	if err != nil {
		return &UnwritableError{Path: s.path, Err: err}
	}
	return nil
}

// probeDir creates and removes a temporary file in dir.
func probeDir(dir, base string) error {
	if err := EnsurePrivateDir(dir); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, base+".probe-*")
	if err != nil {
		return err
	}
	name := f.Name()
	closeErr := f.Close()
	if err := os.Remove(name); err != nil {
		return err
	}
	return closeErr
}

// inject asks the test's fault hook about op.
func (s *Store) inject(op StoreOp) error {
	if s.fault == nil {
		return nil
	}
	return s.fault(op)
}

// accountKey names one account of one environment.
type accountKey struct{ apiURL, email string }

// placed is an account's tokens as read, and where they were.
type placed struct {
	tok   Token
	place TokenPlace
}

// placesOf records every account's tokens before an Update's fn runs, so
// that save knows what changed and what moved.
func placesOf(sess *Session) map[accountKey]placed {
	m := make(map[accountKey]placed)
	for apiURL, env := range sess.Environments {
		for email, a := range env.Accounts {
			m[accountKey{apiURL, email}] = placed{tok: a.Token, place: a.TokensIn}
		}
	}
	return m
}

// fillTokens reads from the keyring the tokens of every account whose
// tokens are kept there. An entry that is gone leaves the account logged
// out; a keyring that fails is a *KeyringError, and nothing is written.
func (s *Store) fillTokens(sess *Session) error {
	for apiURL, env := range sess.Environments {
		for email, a := range env.Accounts {
			if a.TokensIn != TokensInKeyring {
				continue
			}
			if s.keyring == nil {
				return &KeyringError{Email: email, APIURL: apiURL, Err: errors.New("this hlx was started without keyring access")}
			}
			secret, err := s.keyring.Get(keyringService(apiURL), email)
			switch {
			case errors.Is(err, ErrKeyringNotFound):
				a.Token.AccessToken, a.Token.RefreshToken = "", ""
				continue
			case err != nil:
				return &KeyringError{Email: email, APIURL: apiURL, Err: err}
			}
			if err := decodeKeyringSecret(secret, &a.Token); err != nil {
				return &KeyringError{Email: email, APIURL: apiURL, Err: err}
			}
		}
	}
	return nil
}

// save writes sess: each account's tokens to the keyring where one is
// wanted and answers (else to the file), everything else to the file, then
// deletes the keyring entries no account uses any more. prev is the tokens
// as they were read.
func (s *Store) save(sess *Session, prev map[accountKey]placed) error {
	file, err := cloneSession(sess)
	if err != nil {
		return err
	}
	var stale []accountKey
	for apiURL, env := range file.Environments {
		for email, a := range env.Accounts {
			k := accountKey{apiURL, email}
			p := prev[k]
			if s.placeTokens(k, a, p) == TokensInFile && p.place == TokensInKeyring {
				stale = append(stale, k)
			}
			// The caller's session says where the tokens went.
			sess.Environments[apiURL].Accounts[email].TokensIn = a.TokensIn
		}
	}
	for k := range prev {
		if file.Account(k.apiURL, k.email) == nil {
			stale = append(stale, k) // logged out: remove from both places
		}
	}
	data, err := EncodeSession(file)
	if err != nil {
		return err
	}
	if err := s.writeFile(data); err != nil {
		return err
	}
	s.deleteEntries(stale)
	return nil
}

// placeTokens decides where the account's tokens go and, for the keyring,
// puts them there; the file copy a keeps only what belongs in the file.
func (s *Store) placeTokens(k accountKey, a *Account, p placed) TokenPlace {
	switch {
	case a.Token.AccessToken == "" && a.Token.RefreshToken == "":
		a.TokensIn = ""
		return TokensInFile
	case s.keyring == nil || s.fileOnly || a.InsecureStorage:
		a.TokensIn = "" // the file, written as in files from before keyrings
		return TokensInFile
	}
	if !(p.place == TokensInKeyring && sameSecrets(p.tok, a.Token)) {
		if err := s.setEntry(k, a.Token); err != nil {
			s.setNotice(fmt.Sprintf("no OS keyring answered (%v); the tokens are in %s (mode 0600)", err, s.path))
			a.TokensIn = ""
			return TokensInFile
		}
	}
	a.TokensIn = TokensInKeyring
	a.Token.AccessToken, a.Token.RefreshToken = "", ""
	return TokensInKeyring
}

// setEntry writes an account's secrets to the keyring, unless the keyring
// already failed a write in this process (each failure can cost seconds).
func (s *Store) setEntry(k accountKey, tok Token) error {
	s.noticeMu.Lock()
	down := s.down
	s.noticeMu.Unlock()
	if down != nil {
		return down
	}
	secret, err := encodeKeyringSecret(tok)
	if err == nil {
		err = s.keyring.Set(keyringService(k.apiURL), k.email, secret)
	}
	if err != nil {
		s.noticeMu.Lock()
		s.down = err
		s.noticeMu.Unlock()
	}
	return err
}

// deleteEntries removes keyring entries no account uses any more. A
// failure only leaves a spent or revoked token in the keyring.
func (s *Store) deleteEntries(keys []accountKey) {
	if s.keyring == nil {
		return
	}
	for _, k := range keys {
		_ = s.keyring.Delete(keyringService(k.apiURL), k.email)
	}
}

// writeFile writes the session file, trying again after a failure.
func (s *Store) writeFile(data []byte) error {
	var err error
	for attempt := range saveAttempts {
		if attempt > 0 {
			time.Sleep(saveBackoff << (attempt - 1))
		}
		if err = s.inject(StoreOpWrite); err == nil {
			err = WriteFileAtomic(s.path, data)
		}
		if err == nil {
			return nil
		}
	}
	return &UnwritableError{Path: s.path, Err: err}
}

// sameSecrets reports whether two tokens hold the same secrets.
func sameSecrets(a, b Token) bool {
	return a.AccessToken == b.AccessToken && a.RefreshToken == b.RefreshToken
}

// cloneSession deep-copies a session through its JSON form.
func cloneSession(sess *Session) (*Session, error) {
	data, err := EncodeSession(sess)
	if err != nil {
		return nil, err
	}
	var c Session
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("copy session: %w", err)
	}
	c.normalize()
	return &c, nil
}

// setNotice records why tokens went to the file.
func (s *Store) setNotice(n string) {
	s.noticeMu.Lock()
	s.notice = n
	s.noticeMu.Unlock()
}

// StorageNotice is a one-line notice for the user when a save of this
// store wanted the keyring but kept the tokens in the file (no keyring
// answered), "" otherwise. Login shows it.
func (s *Store) StorageNotice() string {
	s.noticeMu.Lock()
	defer s.noticeMu.Unlock()
	return s.notice
}

// TokenLocation says where the account's tokens are, for hlx status:
// "the OS keyring (service …, account …)" or "the file …(mode 0600)".
func (s *Store) TokenLocation(apiURL string, a *Account) string {
	switch {
	case a == nil || !a.LoggedIn():
		return "nowhere (not logged in)"
	case a.TokensIn == TokensInKeyring:
		return fmt.Sprintf("the OS keyring (service %q, account %q)", keyringService(apiURL), a.Email)
	}
	return fmt.Sprintf("the file %s (mode 0600)", s.path)
}
