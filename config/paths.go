// Package config holds hlx's settings and its session store under the XDG
// config directory: where the files live, how settings are resolved (flags,
// then environment, then the config file, then defaults), and a session file
// that several running hlx processes can share without losing a token.
//
// The package does no HTTP and knows nothing about the UI.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// File and directory names under the XDG config home.
const (
	appDirName       = "hlx"
	settingsFileName = "config.json"
	sessionFileName  = "session.json"
)

// Modes for everything hlx writes: the files hold secrets, so only the owner
// may read them, and the directory is closed to others too.
const (
	fileMode fs.FileMode = 0o600
	dirMode  fs.FileMode = 0o700
)

// Dir is hlx's directory under the XDG config home ($XDG_CONFIG_HOME/hlx,
// ~/.config/hlx by default on Linux). Tests call xdg.Reload after changing
// XDG_CONFIG_HOME.
func Dir() string {
	return filepath.Join(xdg.ConfigHome, appDirName)
}

// StateDir is hlx's directory under the XDG state home
// ($XDG_STATE_HOME/hlx, ~/.local/state/hlx by default on Linux): what hlx
// keeps between runs that is neither a setting nor a secret, such as debug
// logs and recent jumps. Callers create it (0700) before writing.
func StateDir() string {
	return filepath.Join(xdg.StateHome, appDirName)
}

// SettingsPath is the default settings file, Dir()/config.json.
func SettingsPath() string {
	return filepath.Join(Dir(), settingsFileName)
}

// SessionPath is the default session file, Dir()/session.json.
func SessionPath() string {
	return filepath.Join(Dir(), sessionFileName)
}

// EnsurePrivateDir creates dir (and parents) with mode 0700 and narrows an
// existing dir that is open to group or others, since it holds token files.
// A sticky directory such as /tmp is shared by design and is left alone.
func EnsurePrivateDir(dir string) error {
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return fmt.Errorf("create directory %s: %w", dir, err)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("inspect directory %s: %w", dir, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	if info.Mode()&os.ModeSticky != 0 {
		return nil
	}
	if info.Mode().Perm()&^dirMode != 0 {
		if err := os.Chmod(dir, dirMode); err != nil {
			return fmt.Errorf("restrict directory %s to 0700: %w", dir, err)
		}
	}
	return nil
}

// WriteFileAtomic replaces path with data so that a reader sees either the
// old or the new content, never a torn file: write a temp file in the same
// directory, fsync it, rename it over path, then fsync the directory so the
// rename itself survives a crash.
func WriteFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := EnsurePrivateDir(dir); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("create temp file for %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(fileMode); err != nil {
		return fmt.Errorf("chmod temp file for %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("write temp file for %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("sync temp file for %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close temp file for %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	return syncDir(dir)
}

// syncDir fsyncs a directory so a rename inside it is durable. Some
// filesystems refuse fsync on directories; that is not worth failing over.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("open directory %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	return nil
}
