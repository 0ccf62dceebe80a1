// Package cmdutil holds what every hlx command shares: the Factory that
// builds settings, the session store and HTTP clients lazily, the streams
// commands print through, exit codes, object kinds and the resolution of a
// company named on the command line.
package cmdutil

import (
	"fmt"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/debuglog"
)

// Factory gives commands what they need, built only when first asked for,
// so that a command needing no network or no session builds neither. The
// zero value of each seam uses the real thing: os.Getenv, time.Now, the
// files under the XDG config directory, the default browser.
type Factory struct {
	// IO is where commands read and print.
	IO *IOStreams
	// Version is hlx's version, sent in the User-Agent.
	Version string
	// Flags are the global flags the root command binds.
	Flags GlobalFlags

	// Getenv reads the environment (nil: os.Getenv).
	Getenv func(string) string
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// StorePath is the session file ("": config.SessionPath()).
	StorePath string
	// Keyring holds the tokens at rest (nil: none, the session file
	// holds them). main sets the OS keyring; tests leave it nil so they
	// never touch the user's.
	Keyring config.Keyring
	// StoreOptions are more options of the session store (tests inject
	// faults with config.WithFaults).
	StoreOptions []config.StoreOption
	// InsecureStorage keeps the tokens in the session file even where a
	// keyring answers (hlx login --insecure-storage).
	InsecureStorage bool
	// SettingsPath is the settings file ("": config.SettingsPath()).
	SettingsPath string
	// StateDir is where the debug log goes ("": config.StateDir()).
	StateDir string
	// Transport is the base of every HTTP client (nil: the default).
	Transport http.RoundTripper
	// OpenBrowser replaces the default browser opener (tests).
	OpenBrowser func(url string) error
	// LoginTimeout bounds the wait for the browser (0: auth's default).
	LoginTimeout time.Duration
	// RequestTimeout bounds one HTTP exchange (0: HTTPTimeout).
	RequestTimeout time.Duration
	// ClientOptions are more options of the API client (tests: a retry
	// policy that does not sleep).
	ClientOptions []hyperline.Option

	httpOnce   sync.Once
	httpClient *http.Client
	httpErr    error
	closeDebug func()
	debugLog   *debuglog.File
}

// GlobalFlags are the flags every command takes.
type GlobalFlags struct {
	// Sandbox selects the sandbox API (--sandbox).
	Sandbox bool
	// APIURL selects another API, such as the simulator (--api-url).
	APIURL string
	// RedirectURI overrides the loopback callback (--redirect-uri).
	RedirectURI string
	// ClientID overrides the app's client id (--client-id). The secret has
	// no flag: it would show in ps.
	ClientID string
	// Debug logs every HTTP exchange, redacted, under the XDG state
	// directory (--debug, HLX_DEBUG=1).
	Debug bool
}

// HTTPTimeout bounds one HTTP exchange of a command, so a dead network
// ends in an error rather than a hang.
const HTTPTimeout = 60 * time.Second

// Env reads the environment variable k.
func (f *Factory) Env(k string) string {
	if f.Getenv == nil {
		return os.Getenv(k)
	}
	return f.Getenv(k)
}

// Clock is the current time.
func (f *Factory) Clock() time.Time {
	if f.Now == nil {
		return time.Now()
	}
	return f.Now()
}

// NowFunc is the clock as a function, for packages that take one.
func (f *Factory) NowFunc() func() time.Time {
	if f.Now == nil {
		return time.Now
	}
	return f.Now
}

// UserAgent is what hlx sends as User-Agent (hyperline.UserAgent).
func (f *Factory) UserAgent() string { return hyperline.UserAgent(f.Version) }

// Settings resolves the app settings: flags, then environment, then the
// settings file, then the defaults.
func (f *Factory) Settings() (config.Settings, error) {
	g := f.Flags
	if g.Sandbox && g.APIURL != "" {
		return config.Settings{}, UsageErrorf("--sandbox and --api-url exclude each other")
	}
	if g.APIURL != "" {
		if _, err := config.NormalizeAPIURL(g.APIURL); err != nil {
			return config.Settings{}, UsageErrorf("--api-url: %v", err)
		}
	}
	s, err := config.LoadSettings(config.Flags{
		ClientID:    g.ClientID,
		APIURL:      g.APIURL,
		RedirectURI: g.RedirectURI,
		Sandbox:     g.Sandbox,
	}, f.SettingsFile(), f.Env)
	if err != nil {
		return config.Settings{}, &ExitError{Code: ExitConfig, Err: err}
	}
	return s, nil
}

// SettingsFor resolves the settings of another environment of the
// session (the explorer's account switch): its app credentials from the
// environment and the settings file, as if --api-url named it.
func (f *Factory) SettingsFor(apiURL string) (config.Settings, error) {
	s, err := config.LoadSettings(config.Flags{APIURL: apiURL, RedirectURI: f.Flags.RedirectURI}, f.SettingsFile(), f.Env)
	if err != nil {
		return config.Settings{}, &ExitError{Code: ExitConfig, Err: err}
	}
	return s, nil
}

// SettingsFile is the path of the settings file.
func (f *Factory) SettingsFile() string {
	if f.SettingsPath == "" {
		return config.SettingsPath()
	}
	return f.SettingsPath
}

// Store opens the session store: tokens in the keyring where one answers,
// the rest in the session file.
func (f *Factory) Store() *config.Store {
	path := f.StorePath
	if path == "" {
		path = config.SessionPath()
	}
	opts := append([]config.StoreOption{}, f.StoreOptions...)
	if f.Keyring != nil {
		opts = append(opts, config.WithKeyring(f.Keyring))
	}
	if f.InsecureStorage {
		opts = append(opts, config.WithInsecureStorage())
	}
	return config.NewStore(path, opts...)
}

// HTTPClient is the client every request of the command goes through:
// bounded by HTTPTimeout and, with --debug, logged (redacted) to a file
// whose path is said once on stderr.
func (f *Factory) HTTPClient() (*http.Client, error) {
	f.httpOnce.Do(func() {
		timeout := f.RequestTimeout
		if timeout <= 0 {
			timeout = HTTPTimeout
		}
		hc := &http.Client{Timeout: timeout, Transport: f.Transport}
		if f.Flags.Debug {
			dir := f.StateDir
			if dir == "" {
				dir = config.StateDir()
			}
			file, path, err := debuglog.OpenFile(dir)
			if err != nil {
				f.httpErr = fmt.Errorf("open the debug log: %w", err)
				return
			}
			f.closeDebug = func() { file.Close() }
			f.debugLog = &debuglog.File{Path: path, Recent: debuglog.NewRecent(500)}
			hc.Transport = debuglog.New(file, debuglog.WithRecent(f.debugLog.Recent)).Transport(hc.Transport)
			fmt.Fprintf(f.IO.ErrOut, "hlx: debug log: %s\n", f.IO.Safe(path))
		}
		f.httpClient = hc
	})
	return f.httpClient, f.httpErr
}

// Debug is the debug log HTTPClient opened with --debug, or nil.
func (f *Factory) Debug() *debuglog.File {
	if _, err := f.HTTPClient(); err != nil {
		return nil
	}
	return f.debugLog
}

// OAuth is what the session commands talk to the OAuth endpoints with:
// the settings and the HTTP client.
func (f *Factory) OAuth() (config.Settings, *http.Client, error) {
	s, err := f.Settings()
	if err != nil {
		return config.Settings{}, nil, err
	}
	hc, err := f.HTTPClient()
	return s, hc, err
}

// Close releases what the factory opened (the debug log).
func (f *Factory) Close() {
	if f.closeDebug != nil {
		f.closeDebug()
	}
}
