package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

// keyringTimeout bounds one call to the OS keyring. On Linux the Secret
// Service is reached over D-Bus, and a broken session bus (a dead
// gnome-keyring, a locked collection whose prompt nobody sees) can block a
// call for ever; hlx then falls back to the session file instead.
const keyringTimeout = 3 * time.Second

// ErrKeyringNotFound is what a Keyring returns from Get and Delete when it
// holds no such entry.
var ErrKeyringNotFound = errors.New("no such entry in the keyring")

// Keyring is the OS's secret store as the session store uses it: one
// secret per service and user. SystemKeyring is the real one; tests pass
// their own to inject failures.
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, secret string) error
	Delete(service, user string) error
}

// SystemKeyring is the OS keyring through github.com/zalando/go-keyring:
// the macOS Keychain, the Windows Credential Manager, the Secret Service
// over D-Bus on Linux. Every call is bounded by a few seconds.
func SystemKeyring() Keyring { return systemKeyring{timeout: keyringTimeout} }

// systemKeyring adapts go-keyring's package functions.
type systemKeyring struct{ timeout time.Duration }

// Get reads a secret.
func (k systemKeyring) Get(service, user string) (string, error) {
	var secret string
	err := k.bounded(func() error {
		var err error
		secret, err = gokeyring.Get(service, user)
		return err
	})
	return secret, err
}

// Set writes a secret.
func (k systemKeyring) Set(service, user, secret string) error {
	return k.bounded(func() error { return gokeyring.Set(service, user, secret) })
}

// Delete removes a secret.
func (k systemKeyring) Delete(service, user string) error {
	return k.bounded(func() error { return gokeyring.Delete(service, user) })
}

// bounded runs call with the timeout. A call that times out is left to
// finish (or hang) in its goroutine: go-keyring takes no context.
func (k systemKeyring) bounded(call func() error) error {
	done := make(chan error, 1)
	go func() { done <- call() }()
	timer := time.NewTimer(k.timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if errors.Is(err, gokeyring.ErrNotFound) {
			return ErrKeyringNotFound
		}
		return err
	case <-timer.C:
		return fmt.Errorf("the OS keyring did not answer within %s", k.timeout)
	}
}

// TokenPlace says where an account's access and refresh tokens are kept.
type TokenPlace string

// Token places. The file is the zero value, so that session files keep the
// shape they had before hlx knew keyrings.
const (
	TokensInFile    TokenPlace = ""
	TokensInKeyring TokenPlace = "keyring"
)

// keyringService is the keyring's service name for an environment: one
// entry per environment (service) and account (user), as gh does.
func keyringService(apiURL string) string { return "hlx:" + apiURL }

// keyringSecret is what one keyring entry holds: the two secrets of a
// Token. Its expiry and dates stay in session.json.
type keyringSecret struct {
	AccessToken  string `json:"access_token,omitempty"`
	RefreshToken string `json:"refresh_token,omitempty"`
}

// encodeKeyringSecret renders a token's secrets for the keyring.
func encodeKeyringSecret(t Token) (string, error) {
	data, err := json.Marshal(keyringSecret{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken})
	if err != nil {
		return "", fmt.Errorf("encode keyring entry: %w", err)
	}
	return string(data), nil
}

// decodeKeyringSecret parses a keyring entry into t's secret fields.
func decodeKeyringSecret(secret string, t *Token) error {
	var ks keyringSecret
	if err := json.Unmarshal([]byte(secret), &ks); err != nil {
		return fmt.Errorf("decode keyring entry: %w", err)
	}
	t.AccessToken, t.RefreshToken = ks.AccessToken, ks.RefreshToken
	return nil
}

// KeyringError reports a keyring that did not answer or refused while
// tokens were being read from it. The session file is left as it was.
type KeyringError struct {
	Email  string
	APIURL string
	Err    error
}

// Error says whose tokens could not be read and why.
func (e *KeyringError) Error() string {
	return fmt.Sprintf("read the tokens of %s from the OS keyring: %v (unlock the keyring and retry, or run hlx login --insecure-storage)", e.Email, e.Err)
}

// Unwrap returns the keyring's error.
func (e *KeyringError) Unwrap() error { return e.Err }
