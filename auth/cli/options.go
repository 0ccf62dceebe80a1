// Package cli implements hlx's session commands — login, logout, status,
// token and switch — and its scripting commands on that session — get,
// list and api — on top of packages auth, config and hyperline, so that
// main.go only parses flags and dispatches. Commands write results to stdout,
// progress and warnings to stderr, and return errors that carry an exit
// code (see ExitCode).
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/hyperline-tui/hlx/config"
)

// Options are shared by every session command. The zero value uses the
// production API, the settings and session files under the XDG config
// directory, the real environment and the default browser.
type Options struct {
	// Sandbox selects the sandbox API (--sandbox).
	Sandbox bool
	// APIURL selects another API, such as the simulator (--api-url). It
	// excludes Sandbox.
	APIURL string
	// NoBrowser prints the login URL instead of opening it (--no-browser).
	NoBrowser bool
	// RedirectURI overrides the loopback callback (--redirect-uri).
	RedirectURI string
	// ClientID and ClientSecret override the app credentials. There is no
	// flag for the secret (it would show in ps); it is here for callers
	// that hold it already, such as the demo.
	ClientID     string
	ClientSecret string

	// StorePath is the session file ("" = config.SessionPath()).
	StorePath string
	// SettingsPath is the settings file ("" = config.SettingsPath()).
	SettingsPath string
	// Stdin is read for a pasted redirect URL during login (nil: none).
	Stdin io.Reader
	// Getenv reads the environment (nil: os.Getenv).
	Getenv func(string) string
	// HTTPClient makes OAuth and API requests (nil: a client with a 60 s
	// timeout).
	HTTPClient *http.Client
	// OpenBrowser replaces the default browser opener (tests, demo).
	OpenBrowser func(url string) error
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// LoginTimeout bounds the wait for the browser (0: 5 minutes).
	LoginTimeout time.Duration

	// Company is the company the data commands (get, list, api) read
	// (--company); "" means the one chosen in the session.
	Company string
	// UserAgent is sent by the data commands ("": the API client's
	// default, "hlx/<version> (+https://github.com/hyperline-tui/hlx)").
	UserAgent string
}

// RegisterFlags adds the flags every session command takes to fs, bound
// to o: --sandbox, --api-url, --no-browser, --redirect-uri, --client-id.
func RegisterFlags(fs *flag.FlagSet, o *Options) {
	fs.BoolVar(&o.Sandbox, "sandbox", o.Sandbox, "use the sandbox API ("+config.SandboxURL+")")
	fs.StringVar(&o.APIURL, "api-url", o.APIURL, "API base `url`, e.g. the simulator's http://127.0.0.1:7878 (env "+config.EnvAPIURL+")")
	fs.BoolVar(&o.NoBrowser, "no-browser", o.NoBrowser, "print the login URL instead of opening a browser")
	fs.StringVar(&o.RedirectURI, "redirect-uri", o.RedirectURI, "loopback callback `uri` registered on the app (default "+config.DefaultRedirectURI+", env "+config.EnvRedirectURI+")")
	fs.StringVar(&o.ClientID, "client-id", o.ClientID, "OAuth app client `id` (env "+config.EnvClientID+"; the secret comes from "+config.EnvClientSecret+" or the config file)")
}

func (o Options) withDefaults() Options {
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: 60 * time.Second}
	}
	if o.StorePath == "" {
		o.StorePath = config.SessionPath()
	}
	if o.SettingsPath == "" {
		o.SettingsPath = config.SettingsPath()
	}
	return o
}

// settings resolves the settings for o (flags > env > file > defaults).
func (o Options) settings() (config.Settings, error) {
	if o.Sandbox && o.APIURL != "" {
		return config.Settings{}, usageError(errors.New("--sandbox and --api-url exclude each other"))
	}
	if o.APIURL != "" {
		if _, err := config.NormalizeAPIURL(o.APIURL); err != nil {
			return config.Settings{}, usageError(fmt.Errorf("--api-url: %w", err))
		}
	}
	s, err := config.LoadSettings(config.Flags{
		ClientID:     o.ClientID,
		ClientSecret: o.ClientSecret,
		APIURL:       o.APIURL,
		RedirectURI:  o.RedirectURI,
		Sandbox:      o.Sandbox,
	}, o.SettingsPath, o.Getenv)
	if err != nil {
		return config.Settings{}, &ExitError{Code: ExitConfig, Err: err}
	}
	return s, nil
}

// store opens the session store.
func (o Options) store() *config.Store {
	return config.NewStore(o.StorePath)
}

// envLabel is "sandbox (https://sandbox.api.hyperline.co)" or the URL.
func envLabel(apiURL string) string {
	if name := config.EnvironmentName(apiURL); name != apiURL {
		return name + " (" + apiURL + ")"
	}
	return apiURL
}

// Resolve returns the settings and the session store o describes, with the
// same precedence and errors as the session commands, for the explorer.
func (o Options) Resolve() (config.Settings, *config.Store, error) {
	o = o.withDefaults()
	s, err := o.settings()
	if err != nil {
		return config.Settings{}, nil, err
	}
	return s, o.store(), nil
}
