package auth

import (
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

func TestLoginSuccess(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{AccessTTL: 2 * time.Hour})
	open, visits := scriptedBrowser(t, true, nil)
	var (
		mu     sync.Mutex
		events []Event
	)
	res, err := Login(context.Background(), LoginOptions{
		Settings: e.settings, Store: e.store, OpenBrowser: open, Now: e.clock.Now,
		Progress: func(ev Event) { mu.Lock(); events = append(events, ev); mu.Unlock() },
	})
	if err != nil {
		t.Fatal(err)
	}
	v := <-visits

	// The authorize request carries everything the docs ask for, plus PKCE.
	q := v.authorizeURL.Query()
	if v.authorizeURL.Path != "/oauth/authorize" || q.Get("client_id") != e.settings.ClientID ||
		q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" {
		t.Errorf("authorize URL = %s", v.authorizeURL)
	}
	if raw, err := base64.RawURLEncoding.DecodeString(q.Get("state")); err != nil || len(raw)*8 < 128 {
		t.Errorf("state %q has fewer than 128 random bits", q.Get("state"))
	}
	redirect, _ := url.Parse(q.Get("redirect_uri"))
	if redirect.Hostname() != "127.0.0.1" || redirect.Port() == "0" || redirect.Path != "/callback" {
		t.Errorf("redirect_uri = %s", redirect)
	}
	if v.status != http.StatusOK || !strings.Contains(v.page, "close this window") {
		t.Errorf("callback answered %d %q", v.status, v.page)
	}

	// The account is saved and current, with profile and companies.
	user := e.sim.User()
	a := e.stored(t, user.Email)
	if a == nil || res.Account.Email != user.Email || a.Name != user.Name {
		t.Fatalf("stored account = %+v", a)
	}
	s, _ := e.store.Load()
	if s.Current(e.settings.APIURL).Email != user.Email {
		t.Error("new account is not current")
	}
	if len(a.Companies) != len(e.sim.Companies()) || a.Companies[0].ID != e.sim.Companies()[0].ID {
		t.Errorf("companies = %+v", a.Companies)
	}
	now := e.clock.Now()
	if !a.Token.Expiry.Equal(now.Add(2*time.Hour)) || !a.Token.IssuedAt.Equal(now) || a.Token.RefreshToken == "" {
		t.Errorf("token times: expiry %v issued %v (now %v), refresh token held: %v",
			a.Token.Expiry, a.Token.IssuedAt, now, a.Token.RefreshToken != "")
	}
	assertMode(t, e.store.Path(), 0o600)
	assertMode(t, filepath.Dir(e.store.Path()), 0o700)

	// Events in order, browser reported as opened.
	mu.Lock()
	defer mu.Unlock()
	var kinds []string
	for _, ev := range events {
		kinds = append(kinds, strings.TrimPrefix(typeName(ev), "auth."))
	}
	want := "EventURL EventWaiting EventCodeReceived EventExchanging EventLoadingAccount EventDone"
	if strings.Join(kinds, " ") != want {
		t.Errorf("events = %v, want %s", kinds, want)
	}
	if u, ok := events[0].(EventURL); !ok || !u.BrowserOpened {
		t.Errorf("first event = %#v", events[0])
	}
}

func TestLoginKeepsChosenCompany(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.login(t)
	email := e.sim.User().Email
	chosen := e.sim.Companies()[1].ID
	if err := e.store.Update(func(s *configSession) error {
		s.Account(e.settings.APIURL, email).CompanyID = chosen
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	oldRefresh := e.stored(t, email).Token.RefreshToken
	e.sim.ResetRequests()
	res := e.login(t)
	if res.Account.CompanyID != chosen || e.stored(t, email).CompanyID != chosen {
		t.Errorf("company after second login = %q, want %q", res.Account.CompanyID, chosen)
	}
	// The replaced grant is revoked, not left alive on the server.
	if _, err := newEndpoint(e.settings, nil, e.clock.Now).refresh(context.Background(), oldRefresh); err == nil {
		t.Error("the previous refresh token still works after logging in again")
	}
}

func TestLoginConsentDenied(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	open, visits := scriptedBrowser(t, false, nil)
	_, err := Login(context.Background(), LoginOptions{Settings: e.settings, Store: e.store, OpenBrowser: open})
	if !errors.Is(err, ErrConsentDenied) {
		t.Fatalf("err = %v, want ErrConsentDenied", err)
	}
	if v := <-visits; v.status != http.StatusOK || !strings.Contains(v.page, "denied") {
		t.Errorf("callback page %d %q", v.status, v.page)
	}
	if n := e.tokenRequests(); n != 0 {
		t.Errorf("%d token requests after a denied consent", n)
	}
	if s, _ := e.store.Load(); len(s.Environments) != 0 {
		t.Error("denied login saved an account")
	}
}

func TestLoginStateMismatchNeverExchanges(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	open, visits := scriptedBrowser(t, true, func(u *url.URL) {
		q := u.Query()
		q.Set("state", "forged-"+q.Get("state"))
		u.RawQuery = q.Encode()
	})
	rejected := make(chan EventCallbackRejected, 1)
	_, err := Login(context.Background(), LoginOptions{
		Settings: e.settings, Store: e.store, OpenBrowser: open,
		// The forged callback arrives before the wait starts, so a short
		// timeout ends the test without racing it.
		Timeout: 200 * time.Millisecond,
		Progress: func(ev Event) {
			if r, ok := ev.(EventCallbackRejected); ok {
				rejected <- r
			}
		},
	})
	if !errors.Is(err, ErrStateMismatch) || !errors.Is(err, ErrCallbackTimeout) {
		t.Fatalf("err = %v, want state mismatch and timeout", err)
	}
	if v := <-visits; v.status != http.StatusBadRequest {
		t.Errorf("forged callback answered %d", v.status)
	}
	if r := <-rejected; !errors.Is(r.Err, ErrStateMismatch) || r.FromPaste {
		t.Errorf("rejection event = %+v", r)
	}
	for _, r := range e.sim.Requests() {
		if strings.HasSuffix(r.Path, "/oauth/tokens") {
			t.Fatalf("the code was exchanged despite the state mismatch: %+v", r)
		}
	}
}

func TestLoginCallbackTimeout(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	_, err := Login(context.Background(), LoginOptions{
		Settings: e.settings, Store: e.store, Timeout: 20 * time.Millisecond,
		OpenBrowser: func(string) error { return nil }, // the user never comes back
	})
	if !errors.Is(err, ErrCallbackTimeout) {
		t.Fatalf("err = %v, want ErrCallbackTimeout", err)
	}
}

func TestLoginContextCancelled(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Login(ctx, LoginOptions{
		Settings: e.settings, Store: e.store,
		OpenBrowser: func(string) error { cancel(); return nil }, // Ctrl-C while waiting
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestLoginPortInUse(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	_, port, _ := net.SplitHostPort(busy.Addr().String())
	e.settings.RedirectURI = "http://127.0.0.1:" + port + "/callback"
	_, err = Login(context.Background(), LoginOptions{
		Settings: e.settings, Store: e.store,
		OpenBrowser: func(string) error { t.Error("browser opened although the port is taken"); return nil },
	})
	var pe *PortInUseError
	if !errors.As(err, &pe) || pe.Port != port {
		t.Fatalf("err = %v, want *PortInUseError for port %s", err, port)
	}
	for _, want := range []string{port, "--redirect-uri", "HYPERLINE_REDIRECT_URI", "callback"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestLoginNotConfigured(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	e.settings.ClientSecret = ""
	_, err := Login(context.Background(), LoginOptions{Settings: e.settings, Store: e.store})
	if !errors.Is(err, ErrNotConfigured) {
		t.Fatalf("err = %v", err)
	}
}

// TestLoginCodeReuse replays the code after a successful login: the
// simulator refuses it and, as RFC 6749 §4.1.2 recommends, revokes the
// grant; the token source then reports "login required".
func TestLoginCodeReuse(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	open, visits := scriptedBrowser(t, true, nil)
	if _, err := Login(context.Background(), LoginOptions{Settings: e.settings, Store: e.store, OpenBrowser: open, Now: e.clock.Now}); err != nil {
		t.Fatal(err)
	}
	v := <-visits
	// The listener is gone after one completed attempt.
	if resp, err := http.Get(v.redirect.String()); err == nil {
		resp.Body.Close()
		t.Error("callback listener still answering after the login completed")
	}
	code := v.redirect.Query().Get("code")
	ep := newEndpoint(e.settings, nil, e.clock.Now)
	_, err := ep.exchange(context.Background(), code, v.authorizeURL.Query().Get("redirect_uri"), strings.Repeat("a", 43))
	var oe *OAuthError
	if !errors.As(err, &oe) || !oe.invalidGrant() {
		t.Fatalf("replayed code: err = %v, want an invalid grant", err)
	}
	ts := e.tokenSource(t, TokenSourceOptions{})
	e.clock.Advance(25 * time.Hour)
	if _, err := ts.Token(); !errors.Is(err, ErrLoginRequired) {
		t.Errorf("after code reuse, Token err = %v, want ErrLoginRequired", err)
	}
}

func TestLoginPastedRedirectURL(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	stdinR, stdinW := io.Pipe()
	defer stdinW.Close()
	var (
		pasteRejected bool
		fromPaste     bool
	)
	_, err := Login(context.Background(), LoginOptions{
		Settings: e.settings, Store: e.store, NoBrowser: true, Stdin: stdinR, Now: e.clock.Now,
		OpenBrowser: func(string) error { t.Error("browser opened with NoBrowser"); return nil },
		Progress: func(ev Event) {
			switch ev := ev.(type) {
			case EventURL:
				if ev.BrowserOpened || ev.Reason != "--no-browser" {
					t.Errorf("EventURL = %+v", ev)
				}
				// The user opens the URL on another machine and pastes
				// where the browser landed; a typo first.
				go func() {
					loc, err := simulator.Consent(context.Background(), nil, ev.URL, true)
					if err != nil {
						t.Error(err)
						return
					}
					_, _ = io.WriteString(stdinW, "not a url\n\n  \""+loc.String()+"\"  \n")
				}()
			case EventPasteRejected:
				pasteRejected = true
			case EventCodeReceived:
				fromPaste = ev.FromPaste
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !pasteRejected || !fromPaste {
		t.Errorf("paste rejected %v, code from paste %v", pasteRejected, fromPaste)
	}
	if e.stored(t, e.sim.User().Email) == nil {
		t.Error("pasted login saved no account")
	}
}

func typeName(v any) string {
	return strings.TrimPrefix(strings.TrimPrefix(fmtType(v), "*"), "auth.")
}

// TestLoginOnAServerWithOnlyTheGuidesPaths: a server without the spec's
// /oauth/ paths (404 there) still gets a whole login: the browser is sent
// to /v1/oauth/authorize and the code is exchanged at /v1/oauth/tokens.
func TestLoginOnAServerWithOnlyTheGuidesPaths(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{GuideOAuthPathsOnly: true})
	open, visits := scriptedBrowser(t, true, nil)
	res, err := Login(context.Background(), LoginOptions{Settings: e.settings, Store: e.store, OpenBrowser: open, Now: e.clock.Now})
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	if v := <-visits; v.authorizeURL.Path != "/v1/oauth/authorize" {
		t.Errorf("the browser went to %s", v.authorizeURL.Path)
	}
	if res.Account == nil || res.Account.Token.AccessToken == "" {
		t.Fatalf("no account saved: %+v", res)
	}
}

// TestLoginAsksTheSpecsAuthorizePath: on a server with both, the browser
// goes to the spec's /oauth/authorize.
func TestLoginAsksTheSpecsAuthorizePath(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	open, visits := scriptedBrowser(t, true, nil)
	if _, err := Login(context.Background(), LoginOptions{Settings: e.settings, Store: e.store, OpenBrowser: open, Now: e.clock.Now}); err != nil {
		t.Fatalf("login: %v", err)
	}
	if v := <-visits; v.authorizeURL.Path != "/oauth/authorize" {
		t.Errorf("the browser went to %s", v.authorizeURL.Path)
	}
	for _, r := range e.sim.Requests() {
		if strings.HasPrefix(r.Path, "/v1/oauth/") {
			t.Errorf("%s %s: the guide's path was asked on a server that has the spec's", r.Method, r.Path)
		}
	}
}
