package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// API base URLs of the two Hyperline environments, declared once in
// package weburl (which imports no HTTP code) and shared with package
// hyperline.
const (
	ProductionURL = weburl.ProductionAPI
	SandboxURL    = weburl.SandboxAPI
)

// DefaultRedirectURI is the loopback callback hlx listens on when none is
// configured. It must be registered as a callback on the Hyperline app.
const DefaultRedirectURI = "http://127.0.0.1:8765/callback"

// Environment variables read by LoadSettings.
const (
	EnvClientID     = "HYPERLINE_CLIENT_ID"
	EnvClientSecret = "HYPERLINE_CLIENT_SECRET"
	EnvAPIURL       = "HYPERLINE_API_URL"
	EnvRedirectURI  = "HYPERLINE_REDIRECT_URI"
)

// Source says where a setting's value came from, for `hlx status`.
type Source string

// The places a setting can come from, highest precedence first.
const (
	SourceFlag    Source = "flag"
	SourceEnv     Source = "env"
	SourceFile    Source = "config file"
	SourceDefault Source = "default"
	SourceUnset   Source = "not set"
)

// Flags are the command-line values that take part in settings resolution.
// Empty strings mean "not given". Sandbox selects SandboxURL unless APIURL is
// also given (the command layer rejects that combination as a usage error).
type Flags struct {
	ClientID     string
	ClientSecret string
	APIURL       string
	RedirectURI  string
	Sandbox      bool
}

// Sources records the Source of each field of Settings.
type Sources struct {
	ClientID     Source `json:"client_id"`
	ClientSecret Source `json:"client_secret"`
	APIURL       Source `json:"api_url"`
	RedirectURI  Source `json:"redirect_uri"`
}

// Settings are the resolved values hlx needs to log in: the OAuth app's
// credentials, the API base URL (which also names the session environment)
// and the loopback redirect URI.
type Settings struct {
	ClientID     string
	ClientSecret string
	APIURL       string
	RedirectURI  string
	// Sources says where each value came from.
	Sources Sources
	// File is the settings file that was consulted (it may not exist).
	File string
}

// LoadSettings resolves Settings with the precedence flags > environment >
// settings file > defaults. path "" means SettingsPath(); getenv nil means
// os.Getenv. A missing file is fine; an unreadable or invalid one is an error
// naming the file, since the user wrote it and should fix it.
func LoadSettings(flags Flags, path string, getenv func(string) string) (Settings, error) {
	if path == "" {
		path = SettingsPath()
	}
	if getenv == nil {
		getenv = os.Getenv
	}
	file, err := ReadSettingsFile(path)
	if err != nil {
		return Settings{}, err
	}
	s, err := ResolveSettings(flags, getenv, file)
	if err != nil {
		return Settings{}, err
	}
	s.File = path
	return s, nil
}

// ResolveSettings applies the precedence rules to already-read inputs. The
// API URL is resolved first because the file may hold app credentials per API
// URL (an app registered in sandbox has different credentials from one in
// production): for client id, secret and redirect URI the file's entry for
// the resolved API URL wins over its top-level values.
func ResolveSettings(flags Flags, getenv func(string) string, file FileSettings) (Settings, error) {
	var s Settings
	apiFlag := flags.APIURL
	if apiFlag == "" && flags.Sandbox {
		apiFlag = SandboxURL
	}
	s.APIURL, s.Sources.APIURL = pick(apiFlag, getenv(EnvAPIURL), file.APIURL, ProductionURL)
	normalized, err := NormalizeAPIURL(s.APIURL)
	if err != nil {
		return Settings{}, fmt.Errorf("API URL from %s: %w", s.Sources.APIURL, err)
	}
	s.APIURL = normalized

	app := file.appFor(s.APIURL)
	s.ClientID, s.Sources.ClientID = pick(flags.ClientID, getenv(EnvClientID), firstNonEmpty(app.ClientID, file.ClientID), "")
	s.ClientSecret, s.Sources.ClientSecret = pick(flags.ClientSecret, getenv(EnvClientSecret), firstNonEmpty(app.ClientSecret, file.ClientSecret), "")
	s.RedirectURI, s.Sources.RedirectURI = pick(flags.RedirectURI, getenv(EnvRedirectURI), firstNonEmpty(app.RedirectURI, file.RedirectURI), DefaultRedirectURI)
	return s, nil
}

// pick returns the first non-empty value in precedence order and its Source.
func pick(flag, env, file, def string) (string, Source) {
	switch {
	case strings.TrimSpace(flag) != "":
		return strings.TrimSpace(flag), SourceFlag
	case strings.TrimSpace(env) != "":
		return strings.TrimSpace(env), SourceEnv
	case strings.TrimSpace(file) != "":
		return strings.TrimSpace(file), SourceFile
	case def != "":
		return def, SourceDefault
	}
	return "", SourceUnset
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// NormalizeAPIURL checks that raw is an absolute https URL (http only for a
// loopback host) without query or fragment and returns it with a lower-case scheme and host and no trailing
// slash, so that "https://API.hyperline.co/" and "https://api.hyperline.co"
// name the same session environment.
func NormalizeAPIURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	shown := weburl.HideUserInfo(raw)
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // its message repeats the URL, user info included
		}
		return "", fmt.Errorf("parse API URL %q: %w", shown, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("API URL %q: scheme must be http or https", shown)
	}
	if u.Host == "" {
		return "", fmt.Errorf("API URL %q: missing host", shown)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("API URL %q: must not carry user info, query or fragment", shown)
	}
	u.Host = strings.ToLower(u.Host)
	// Tokens and the client secret must not cross a network in clear
	// text; plain http is for a local simulator only.
	if u.Scheme == "http" && !weburl.IsLoopbackHost(u.Hostname()) {
		return "", fmt.Errorf("API URL %q: plain http is only allowed for loopback hosts (127.0.0.1, ::1, localhost)", shown)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u.String(), nil
}

// EnvironmentName is a short label for an API URL: "production", "sandbox",
// or the URL itself for anything else (such as the simulator).
func EnvironmentName(apiURL string) string {
	switch apiURL {
	case ProductionURL:
		return "production"
	case SandboxURL:
		return "sandbox"
	}
	return apiURL
}
