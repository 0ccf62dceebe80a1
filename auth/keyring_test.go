package auth

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/config/keyringtest"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestKeyringLoginRefreshLogout: with the tokens in the OS keyring (the
// real Secret Service where the test can start one, else the mock, as the
// log says), login says where they are, a rotating refresh saves the new
// ones there and never in the file, and logout removes them.
func TestKeyringLoginRefreshLogout(t *testing.T) {
	keyringtest.Start(t)
	kr := config.SystemKeyring()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour})
	e.store = config.NewStore(e.store.Path(), config.WithKeyring(kr))
	res := e.login(t)
	if !strings.Contains(res.TokenLocation, "OS keyring") || res.StorageNotice != "" {
		t.Fatalf("TokenLocation = %q, StorageNotice = %q", res.TokenLocation, res.StorageNotice)
	}
	email := res.Account.Email
	assertNoSecretsInFile(t, e.store.Path(), res.Account.Token)

	ts := e.tokenSource(t, TokenSourceOptions{})
	e.clock.Advance(2 * time.Hour)
	tok, err := ts.SavedToken(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	stored := e.stored(t, email)
	if stored.Token.AccessToken != tok.AccessToken || stored.TokensIn != config.TokensInKeyring {
		t.Fatalf("stored after refresh = %+v", stored)
	}
	assertNoSecretsInFile(t, e.store.Path(), stored.Token)

	if _, err := Logout(context.Background(), LogoutOptions{Settings: e.settings, Store: e.store}); err != nil {
		t.Fatal(err)
	}
	if _, err := kr.Get("hlx:"+e.settings.APIURL, email); !errors.Is(err, config.ErrKeyringNotFound) {
		t.Errorf("keyring entry after logout: err = %v, want not found", err)
	}
}

// TestLoginFallsBackToFileWithNotice: where no keyring answers, the login
// saves the tokens in the file and has a one-line notice for the user.
func TestLoginFallsBackToFileWithNotice(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.store = config.NewStore(e.store.Path(), config.WithKeyring(deadKeyring{}))
	res := e.login(t)
	if !strings.Contains(res.StorageNotice, "no OS keyring answered") || strings.Contains(res.StorageNotice, "\n") {
		t.Errorf("StorageNotice = %q", res.StorageNotice)
	}
	if !strings.Contains(res.TokenLocation, e.store.Path()) {
		t.Errorf("TokenLocation = %q, want the file", res.TokenLocation)
	}
	if !e.stored(t, res.Account.Email).LoggedIn() {
		t.Error("the session was not saved")
	}
}

// deadKeyring is a keyring on a broken D-Bus.
type deadKeyring struct{}

func (deadKeyring) Get(string, string) (string, error) { return "", errors.New("dbus: no session bus") }
func (deadKeyring) Set(string, string, string) error   { return errors.New("dbus: no session bus") }
func (deadKeyring) Delete(string, string) error        { return errors.New("dbus: no session bus") }

func assertNoSecretsInFile(t *testing.T, path string, tok config.Token) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{tok.AccessToken, tok.RefreshToken} {
		if secret != "" && strings.Contains(string(data), secret) {
			t.Fatalf("the session file holds a token:\n%s", data)
		}
	}
}

// TestLoginInsecureStorageSticks: a login with InsecureStorage keeps the
// tokens in the file through later refreshes, though a keyring answers; a
// login without it moves them to the keyring.
func TestLoginInsecureStorageSticks(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: time.Hour})
	kr := &memKeyring{entries: map[string]string{}}
	e.store = config.NewStore(e.store.Path(), config.WithKeyring(kr))
	open, _ := scriptedBrowser(t, true, nil)
	res, err := Login(context.Background(), LoginOptions{Settings: e.settings, Store: e.store, OpenBrowser: open,
		Now: e.clock.Now, Timeout: 30 * time.Second, InsecureStorage: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.TokenLocation, e.store.Path()) || res.StorageNotice != "" {
		t.Fatalf("TokenLocation = %q, StorageNotice = %q", res.TokenLocation, res.StorageNotice)
	}
	ts := e.tokenSource(t, TokenSourceOptions{})
	e.clock.Advance(2 * time.Hour)
	if _, err := ts.SavedToken(context.Background()); err != nil {
		t.Fatal(err)
	}
	if a := e.stored(t, res.Account.Email); a.TokensIn != config.TokensInFile || len(kr.entries) != 0 {
		t.Fatalf("after a refresh: tokens in %q, keyring %v", a.TokensIn, kr.entries)
	}
	res = e.login(t)
	if !strings.Contains(res.TokenLocation, "OS keyring") || len(kr.entries) != 1 {
		t.Fatalf("a login without InsecureStorage: %q, keyring %v", res.TokenLocation, kr.entries)
	}
	assertNoSecretsInFile(t, e.store.Path(), res.Account.Token)
}

// memKeyring is a keyring in memory, private to one test.
type memKeyring struct {
	mu      sync.Mutex
	entries map[string]string
}

func (k *memKeyring) Get(service, user string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	v, ok := k.entries[service+"|"+user]
	if !ok {
		return "", config.ErrKeyringNotFound
	}
	return v, nil
}

func (k *memKeyring) Set(service, user, secret string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.entries[service+"|"+user] = secret
	return nil
}

func (k *memKeyring) Delete(service, user string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.entries, service+"|"+user)
	return nil
}
