// Package auth logs hlx in to Hyperline with the OAuth 2.0 Authorization
// Code flow (RFC 6749 §4.1) and PKCE, the way RFC 8252 asks native apps to:
// the system browser, a loopback redirect, a one-shot callback listener.
// It also keeps the tokens alive afterwards: a TokenSource that refreshes
// ahead of expiry and saves every new token to the session store before
// using it, and Logout, which revokes the refresh token.
//
// auth depends on config (settings, session store) and hyperline (user info
// and companies after login); it has no UI and prints nothing.
package auth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// DefaultLoginTimeout is how long Login waits for the browser.
const DefaultLoginTimeout = 5 * time.Minute

// LoginOptions configure Login. Settings and Store are required.
type LoginOptions struct {
	// Settings hold the app credentials, API URL and redirect URI.
	Settings config.Settings
	// Store receives the logged-in account.
	Store *config.Store
	// HTTPClient makes the token, user info and companies requests
	// (default http.DefaultClient).
	HTTPClient *http.Client
	// OpenBrowser starts a browser on the authorize URL (default
	// DefaultOpenBrowser(Getenv)). An error means "not opened": the URL is
	// then reported with the error as the reason. It may block briefly; a
	// scripted browser may even complete the callback before returning.
	OpenBrowser func(url string) error
	// NoBrowser skips OpenBrowser: the user opens the URL themselves.
	NoBrowser bool
	// InsecureStorage keeps this account's tokens in the session file
	// (mode 0600) even where an OS keyring answers, from now on, until a
	// login without it (hlx login --insecure-storage).
	InsecureStorage bool
	// Stdin, when set, is read line by line for a pasted redirected URL
	// (for a browser on another machine). Login does not close it; a read
	// that is blocked when Login returns stays blocked until it is closed.
	Stdin io.Reader
	// Timeout bounds the wait for the browser (default DefaultLoginTimeout).
	Timeout time.Duration
	// Progress receives the steps of the flow (see Event). It is called
	// from one goroutine at a time and must not block.
	Progress func(Event)
	// Now is the clock for token expiry and timestamps (default time.Now).
	Now func() time.Time
	// Getenv is used by the default browser opener (default os.Getenv).
	Getenv func(string) string
	// RegisterRedirectURIs are the loopback callbacks hlx registers for
	// itself, and tries in order, when neither a client id nor a redirect
	// URI is configured (default RegisteredRedirectURIs()).
	RegisterRedirectURIs []string
}

// LoginResult is what a successful Login saved.
type LoginResult struct {
	// APIURL names the environment the account was saved under.
	APIURL string
	// Account is a copy of the saved account. It holds the tokens: never
	// print it whole.
	Account *config.Account
	// BrowserOpened says whether a browser was started.
	BrowserOpened bool
	// Warnings are problems that did not stop the login: the company list
	// could not be fetched, the old session file was corrupt, an earlier
	// refresh token could not be revoked.
	Warnings []error
	// TokenLocation says where the tokens were saved, as hlx status says
	// it: the OS keyring or the session file.
	TokenLocation string
	// Client names the OAuth client the tokens belong to (DescribeClient).
	Client string
	// Registered says hlx registered itself with the environment during
	// this login (the registration is saved and reused).
	Registered bool
	// StorageNotice is a one-line notice to show when the store wanted the
	// OS keyring but none answered, so the tokens went to the 0600 file;
	// "" otherwise.
	StorageNotice string
}

// Login runs the Authorization Code flow with PKCE: it listens on the
// redirect URI, opens the browser on the authorize URL, waits for one
// callback (or a pasted redirect URL), exchanges the code, fetches the
// user's profile and companies, and saves the account as the current one of
// its environment. Logging in again as the same user keeps the chosen
// company.
func Login(ctx context.Context, opts LoginOptions) (*LoginResult, error) {
	opts = opts.withDefaults()
	s := opts.Settings
	if !dynamic(s) && s.ClientSecret == "" {
		return nil, fmt.Errorf("%w: a client id is set (%s) but no secret: set %s or save both with hlx apps create --save "+
			"in %s; or unset the client id, and hlx registers itself", ErrNotConfigured, s.Sources.ClientID,
			config.EnvClientSecret, displayPath(s.File))
	}
	if opts.Store == nil {
		return nil, errors.New("login: no session store")
	}
	state, err := randomState()
	if err != nil {
		return nil, err
	}
	verifier := oauth2.GenerateVerifier()

	var progressMu sync.Mutex
	progress := func(e Event) {
		progressMu.Lock()
		defer progressMu.Unlock()
		opts.Progress(e)
	}
	// Listen before the browser opens, so the redirect cannot beat us,
	// and before registering, so the port registered is the one bound.
	candidates := redirectCandidates(s, opts.RegisterRedirectURIs)
	redirect, ln, redirectURI, err := listenFirst(candidates, dynamic(s))
	if err != nil {
		return nil, err
	}
	if dynamic(s) {
		progress(EventListening{RedirectURI: redirectURI})
	}
	client, err := resolveClient(ctx, opts, redirectURI, candidates, progress)
	if err != nil {
		ln.Close()
		return nil, err
	}
	s = client.settings(s)
	opts.Settings = s

	var mismatches atomic.Int32
	handler := newCallbackHandler(redirect.url.Path, state, func(err error, fromPaste bool) {
		mismatches.Add(1)
		progress(EventCallbackRejected{Err: err, FromPaste: fromPaste})
	})
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	stopServer := sync.OnceFunc(func() { shutdown(srv) })
	defer stopServer()

	authURL := authorizeURL(s, newEndpoint(s, opts.HTTPClient, opts.Now).authorizePath(ctx), redirectURI, state, verifier)
	// The URL is printed for the user to open and handed to a browser:
	// a hostile API URL or discovery document must not reach either.
	if _, err := weburl.Check(authURL); err != nil {
		return nil, fmt.Errorf("login URL: %w", err)
	}
	opened, reason := false, "--no-browser"
	if !opts.NoBrowser {
		if err := opts.OpenBrowser(authURL); err != nil {
			reason = err.Error()
		} else {
			opened, reason = true, ""
		}
	}
	progress(EventURL{URL: authURL, BrowserOpened: opened, Reason: reason, RedirectURI: redirectURI})

	waitCtx, cancelWait := context.WithTimeout(ctx, opts.Timeout)
	defer cancelWait()
	// stdinDone closes when nothing more can be pasted: stdin ended.
	stdinDone := make(chan struct{})
	if opts.Stdin != nil {
		go func() {
			readPastes(waitCtx, opts.Stdin, handler, progress)
			close(stdinDone)
		}()
	}
	// With no browser opened and stdin at its end, nothing can finish the
	// login: say so now rather than wait out the timeout.
	var nothingPasted <-chan struct{}
	if !opened && opts.Stdin != nil {
		nothingPasted = stdinDone
	}
	progress(EventWaiting{RedirectURI: redirectURI, Deadline: opts.Now().Add(opts.Timeout), AcceptsPaste: opts.Stdin != nil})

	var res callbackResult
	select {
	case res = <-handler.results:
	case <-nothingPasted:
		select {
		case res = <-handler.results: // the last paste completed it
		default:
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("login: %w", err)
			}
			return nil, ErrNothingPasted
		}
	case <-waitCtx.Done():
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("login: %w", err)
		}
		if mismatches.Load() > 0 {
			return nil, fmt.Errorf("%w after %s (%w: a callback was refused)", ErrCallbackTimeout, opts.Timeout, ErrStateMismatch)
		}
		return nil, fmt.Errorf("%w after %s", ErrCallbackTimeout, opts.Timeout)
	}
	cancelWait()
	stopServer() // one completed attempt: stop listening
	if res.err != nil {
		return nil, res.err
	}
	progress(EventCodeReceived{FromPaste: res.fromPaste})
	progress(EventExchanging{})

	result, err := finishLogin(ctx, opts, client, res.code, redirectURI, verifier, progress)
	var oe *OAuthError
	if client.public && errors.As(err, &oe) && oe.invalidClient() {
		// The server dropped the client it just sent the browser back
		// for: the next login registers again without asking first.
		_, _ = opts.Store.Registrations().Forget(s.APIURL, client.id)
	}
	if err != nil {
		return nil, err
	}
	result.BrowserOpened = opened
	result.Client = DescribeClient(client.id, client.public)
	result.Registered = client.registered
	progress(EventDone{Email: result.Account.Email})
	return result, nil
}

func (o LoginOptions) withDefaults() LoginOptions {
	if o.HTTPClient == nil {
		o.HTTPClient = http.DefaultClient
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if o.OpenBrowser == nil {
		o.OpenBrowser = DefaultOpenBrowser(o.Getenv)
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultLoginTimeout
	}
	if o.Progress == nil {
		o.Progress = func(Event) {}
	}
	return o
}

// randomState returns 256 bits from crypto/rand, base64url-encoded.
func randomState() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("generate state: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// authorizeURL builds the authorize URL at path: client_id, redirect_uri,
// response_type=code, state, and the S256 PKCE challenge.
func authorizeURL(s config.Settings, path, redirectURI, state, verifier string) string {
	conf := oauth2.Config{
		ClientID:    s.ClientID,
		Endpoint:    oauth2.Endpoint{AuthURL: s.APIURL + path, TokenURL: s.APIURL + tokenPath},
		RedirectURL: redirectURI,
	}
	return conf.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier))
}

// shutdown stops the callback server, giving an answer in flight a moment.
func shutdown(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if srv.Shutdown(ctx) != nil {
		_ = srv.Close()
	}
}

func displayPath(p string) string {
	if p == "" {
		return config.SettingsPath()
	}
	return p
}
