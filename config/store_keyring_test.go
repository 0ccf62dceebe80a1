package config

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/hyperline-tui/hlx/config/keyringtest"
)

// fakeKeyring is a keyring whose answers a test decides.
type fakeKeyring struct {
	mu      sync.Mutex
	entries map[string]string
	setErr  error
	getErr  error
}

func newFakeKeyring() *fakeKeyring { return &fakeKeyring{entries: map[string]string{}} }

func (k *fakeKeyring) Get(service, user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.getErr != nil {
		return "", k.getErr
	}
	v, ok := k.entries[service+"|"+user]
	if !ok {
		return "", ErrKeyringNotFound
	}
	return v, nil
}

func (k *fakeKeyring) Set(service, user, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.setErr != nil {
		return k.setErr
	}
	k.entries[service+"|"+user] = secret
	return nil
}

func (k *fakeKeyring) Delete(service, user string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if _, ok := k.entries[service+"|"+user]; !ok {
		return ErrKeyringNotFound
	}
	delete(k.entries, service+"|"+user)
	return nil
}

// fileText is the session file's content.
func fileText(t *testing.T, st *Store) string {
	t.Helper()
	data, err := os.ReadFile(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestStoreTokensInKeyring: against the real Secret Service where the test
// can start one (else go-keyring's mock, as the log says), the tokens go to
// the keyring, the file keeps the rest, Load puts them back together, and
// removing the account deletes the entry.
func TestStoreTokensInKeyring(t *testing.T) {
	keyringtest.Start(t)
	kr := SystemKeyring()
	st := NewStore(newTestStore(t).Path(), WithKeyring(kr))
	email := "kr-" + strings.ReplaceAll(t.Name(), "/", "-") + "@example.com"
	if err := st.Update(addAccount(SandboxURL, email)); err != nil {
		t.Fatal(err)
	}
	text := fileText(t, st)
	if strings.Contains(text, "at-"+email) || strings.Contains(text, "rt-"+email) {
		t.Fatalf("the session file holds the tokens:\n%s", text)
	}
	if !strings.Contains(text, `"tokens_in": "keyring"`) || !strings.Contains(text, `"expiry"`) {
		t.Fatalf("the session file lacks the place or the expiry:\n%s", text)
	}
	if secret, err := kr.Get(keyringService(SandboxURL), email); err != nil || !strings.Contains(secret, "rt-"+email) {
		t.Fatalf("keyring entry = %q, %v", secret, err)
	}
	sess, err := NewStore(st.Path(), WithKeyring(kr)).Load()
	if err != nil {
		t.Fatal(err)
	}
	a := sess.Account(SandboxURL, email)
	if a.Token.AccessToken != "at-"+email || a.Token.RefreshToken != "rt-"+email {
		t.Fatalf("loaded token = %+v", a.Token)
	}
	if loc := st.TokenLocation(SandboxURL, a); !strings.Contains(loc, "OS keyring") {
		t.Errorf("TokenLocation = %q", loc)
	}
	if err := st.Update(func(s *Session) error { s.Remove(SandboxURL, email); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := kr.Get(keyringService(SandboxURL), email); !errors.Is(err, ErrKeyringNotFound) {
		t.Errorf("after removing the account the keyring entry is still there (err %v)", err)
	}
}

// TestStoreMovesFileTokensToKeyring: a session from a file-only hlx keeps
// working, and its next save moves the tokens to the keyring.
func TestStoreMovesFileTokensToKeyring(t *testing.T) {
	t.Parallel()
	path := newTestStore(t).Path()
	if err := NewStore(path).Update(addAccount(SandboxURL, "a@example.com")); err != nil {
		t.Fatal(err)
	}
	kr := newFakeKeyring()
	st := NewStore(path, WithKeyring(kr))
	sess, err := st.Load()
	if err != nil || sess.Account(SandboxURL, "a@example.com").Token.AccessToken != "at-a@example.com" {
		t.Fatalf("Load of a file-held session = %v", err)
	}
	if loc := st.TokenLocation(SandboxURL, sess.Account(SandboxURL, "a@example.com")); !strings.Contains(loc, path) {
		t.Errorf("TokenLocation = %q, want the file", loc)
	}
	if err := st.Update(func(s *Session) error { s.Account(SandboxURL, "a@example.com").Name = "A"; return nil }); err != nil {
		t.Fatal(err)
	}
	if text := fileText(t, st); strings.Contains(text, "at-a@example.com") {
		t.Fatalf("the tokens stayed in the file:\n%s", text)
	}
	if len(kr.entries) != 1 {
		t.Fatalf("keyring entries = %v", kr.entries)
	}
}

// TestStoreFallsBackToFile: where the keyring refuses, the tokens go to the
// file, a notice says so, and later saves do not ask the keyring again.
func TestStoreFallsBackToFile(t *testing.T) {
	t.Parallel()
	kr := newFakeKeyring()
	kr.setErr = errors.New("org.freedesktop.DBus.Error.ServiceUnknown")
	st := NewStore(newTestStore(t).Path(), WithKeyring(kr))
	if err := st.Update(addAccount(SandboxURL, "a@example.com")); err != nil {
		t.Fatal(err)
	}
	if text := fileText(t, st); !strings.Contains(text, "rt-a@example.com") {
		t.Fatalf("the tokens are not in the file:\n%s", text)
	}
	notice := st.StorageNotice()
	if !strings.Contains(notice, "no OS keyring answered") || !strings.Contains(notice, st.Path()) || strings.Contains(notice, "\n") {
		t.Errorf("StorageNotice = %q, want one line naming the file", notice)
	}
	sess, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	if loc := st.TokenLocation(SandboxURL, sess.Current(SandboxURL)); !strings.Contains(loc, "the file") {
		t.Errorf("TokenLocation = %q", loc)
	}
}

// TestStoreInsecureStorage: forcing the file moves keyring-held tokens to
// the file on the next save and deletes the keyring entry.
func TestStoreInsecureStorage(t *testing.T) {
	t.Parallel()
	kr := newFakeKeyring()
	path := newTestStore(t).Path()
	if err := NewStore(path, WithKeyring(kr)).Update(addAccount(SandboxURL, "a@example.com")); err != nil {
		t.Fatal(err)
	}
	st := NewStore(path, WithKeyring(kr), WithInsecureStorage())
	if err := st.Update(addAccount(SandboxURL, "b@example.com")); err != nil {
		t.Fatal(err)
	}
	text := fileText(t, st)
	if !strings.Contains(text, "rt-a@example.com") || !strings.Contains(text, "rt-b@example.com") || strings.Contains(text, "keyring") {
		t.Fatalf("the file does not hold both accounts' tokens:\n%s", text)
	}
	if len(kr.entries) != 0 {
		t.Errorf("keyring entries left: %v", kr.entries)
	}
}

// TestStoreKeyringReadFailureWritesNothing: a keyring that fails while
// tokens are read stops the update before anything is written.
func TestStoreKeyringReadFailureWritesNothing(t *testing.T) {
	t.Parallel()
	kr := newFakeKeyring()
	st := NewStore(newTestStore(t).Path(), WithKeyring(kr))
	if err := st.Update(addAccount(SandboxURL, "a@example.com")); err != nil {
		t.Fatal(err)
	}
	before := fileText(t, st)
	kr.getErr = errors.New("the collection is locked")
	err := st.Update(func(s *Session) error { s.Account(SandboxURL, "a@example.com").Name = "A"; return nil })
	var ke *KeyringError
	if !errors.As(err, &ke) || !strings.Contains(err.Error(), "a@example.com") {
		t.Fatalf("err = %v, want a *KeyringError naming the account", err)
	}
	if fileText(t, st) != before {
		t.Error("the file changed")
	}
	if _, err := st.Load(); !errors.As(err, &ke) {
		t.Errorf("Load err = %v", err)
	}
}

// TestKeyringCallsAreBounded: a keyring call that hangs (a broken D-Bus)
// returns an error after the timeout.
func TestKeyringCallsAreBounded(t *testing.T) {
	t.Parallel()
	hang := make(chan struct{})
	defer close(hang)
	err := systemKeyring{timeout: 10e6}.bounded(func() error { <-hang; return nil })
	if err == nil || !strings.Contains(err.Error(), "did not answer") {
		t.Fatalf("err = %v", err)
	}
}
