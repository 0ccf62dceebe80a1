package config

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// settingsVersion is the format version written to config.json.
const settingsVersion = 1

// FileSettings is the content of config.json. Top-level credentials apply to
// every API URL; Apps holds credentials per API URL (what `apps create
// --save` writes), which win over the top-level ones for that URL.
//
//	{
//	  "version": 1,
//	  "api_url": "https://sandbox.api.hyperline.co",
//	  "apps": {
//	    "https://sandbox.api.hyperline.co": {"client_id": "…", "client_secret": "…"}
//	  },
//	  "links": {"hubspot": "https://app.hubspot.com/contacts/123/company/{id}"}
//	}
type FileSettings struct {
	Version      int                       `json:"version"`
	APIURL       string                    `json:"api_url,omitempty"`
	RedirectURI  string                    `json:"redirect_uri,omitempty"`
	ClientID     string                    `json:"client_id,omitempty"`
	ClientSecret string                    `json:"client_secret,omitempty"`
	Apps         map[string]AppCredentials `json:"apps,omitempty"`
	// Links are address templates of customers' records in other tools,
	// by provider name ("hubspot": "https://app.hubspot.com/contacts/123/company/{id}");
	// {id} is the record's ID, {account} the connected account's.
	Links map[string]string `json:"links,omitempty"`
	// Worklists are the user's own worklists (see Worklist).
	Worklists []Worklist `json:"worklists,omitempty"`
}

// AppCredentials are one registered app's OAuth credentials, stored in the
// settings file under the API URL the app was created in.
type AppCredentials struct {
	ClientID     string `json:"client_id,omitempty"`
	ClientSecret string `json:"client_secret,omitempty"`
	RedirectURI  string `json:"redirect_uri,omitempty"`
}

// appFor returns the credentials stored for apiURL, comparing normalized URLs.
func (f FileSettings) appFor(apiURL string) AppCredentials {
	for key, app := range f.Apps {
		if n, err := NormalizeAPIURL(key); err == nil && n == apiURL {
			return app
		}
	}
	return AppCredentials{}
}

// ReadSettingsFile reads config.json at path. A missing file yields the zero
// FileSettings; an invalid file or a newer format version is an error.
func ReadSettingsFile(path string) (FileSettings, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return FileSettings{}, nil
	}
	if err != nil {
		return FileSettings{}, fmt.Errorf("read settings file: %w", err)
	}
	var f FileSettings
	if len(bytes.TrimSpace(data)) == 0 {
		return f, nil
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return FileSettings{}, fmt.Errorf("settings file %s is not valid JSON: %w", path, err)
	}
	if f.Version > settingsVersion {
		return FileSettings{}, fmt.Errorf("settings file %s has format version %d; this hlx understands up to %d", path, f.Version, settingsVersion)
	}
	return f, nil
}

// SaveAppCredentials records an app's credentials in the settings file at
// path ("" means SettingsPath()) under apiURL, keeping everything else in the
// file. The file is written atomically with mode 0600 and locked against a
// concurrent writer. It refuses to touch a file it cannot parse.
func SaveAppCredentials(path, apiURL string, app AppCredentials) error {
	if path == "" {
		path = SettingsPath()
	}
	key, err := NormalizeAPIURL(apiURL)
	if err != nil {
		return fmt.Errorf("save app credentials: %w", err)
	}
	if strings.TrimSpace(app.ClientID) == "" || strings.TrimSpace(app.ClientSecret) == "" {
		return errors.New("save app credentials: client id and client secret are required")
	}
	return WithFileLock(path, func() error {
		f, err := ReadSettingsFile(path)
		if err != nil {
			return fmt.Errorf("save app credentials: %w", err)
		}
		f.Version = settingsVersion
		if f.Apps == nil {
			f.Apps = make(map[string]AppCredentials)
		}
		for k := range f.Apps {
			if n, err := NormalizeAPIURL(k); err == nil && n == key {
				delete(f.Apps, k)
			}
		}
		f.Apps[key] = app
		data, err := json.MarshalIndent(f, "", "  ")
		if err != nil {
			return fmt.Errorf("encode settings: %w", err)
		}
		return WriteFileAtomic(path, append(data, '\n'))
	})
}

// lockWait bounds how long a writer waits for another hlx process holding
// the lock. A token refresh holds it for one HTTP round trip at most.
const lockWait = 60 * time.Second

// WithFileLock runs fn while holding an exclusive flock on path + ".lock".
// The lock file is separate from the data file because the data file is
// replaced by rename, which would orphan a lock taken on it.
func WithFileLock(path string, fn func() error) error {
	if err := EnsurePrivateDir(filepath.Dir(path)); err != nil {
		return err
	}
	lock := flock.New(path+".lock", flock.SetPermissions(fileMode))
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := lock.TryLockContext(ctx, 5*time.Millisecond)
	if err != nil || !ok {
		_ = lock.Close()
		if err == nil {
			err = ctx.Err()
		}
		return fmt.Errorf("lock %s (is another hlx stuck?): %w", path, err)
	}
	defer func() { _ = lock.Close() }()
	return fn()
}
