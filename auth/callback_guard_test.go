package auth

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestLoginCallbackWithoutStateNeverExchanges: a callback that carries a
// real code but no state at all is refused like a wrong state, and the
// code is never exchanged (a check reading `p.State != "" && …` passed
// the suite).
func TestLoginCallbackWithoutStateNeverExchanges(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	open, visits := scriptedBrowser(t, true, func(u *url.URL) {
		q := u.Query()
		q.Del("state")
		u.RawQuery = q.Encode()
	})
	rejected := make(chan EventCallbackRejected, 1)
	_, err := Login(context.Background(), LoginOptions{
		Settings: e.settings, Store: e.store, OpenBrowser: open,
		Timeout: 200 * time.Millisecond,
		Progress: func(ev Event) {
			if r, ok := ev.(EventCallbackRejected); ok {
				rejected <- r
			}
		},
	})
	if !errors.Is(err, ErrStateMismatch) {
		t.Fatalf("err = %v, want a state mismatch", err)
	}
	v := <-visits
	if v.redirect.Query().Has("state") || v.redirect.Query().Get("code") == "" {
		t.Fatalf("test setup: the callback was %s", v.redirect.Redacted())
	}
	if v.status != http.StatusBadRequest {
		t.Errorf("callback without state answered %d", v.status)
	}
	if r := <-rejected; !errors.Is(r.Err, ErrStateMismatch) {
		t.Errorf("rejection event = %+v", r)
	}
	if n := e.tokenRequests(); n != 0 {
		t.Fatalf("the code was exchanged %d time(s) without a state", n)
	}
	// Neither side may be empty: an empty expected state matches nothing.
	if _, err := (CallbackParams{Code: "c"}).verify(""); !errors.Is(err, ErrStateMismatch) {
		t.Errorf("empty state against empty state: %v", err)
	}
}

// TestLoginListensOnLoopbackOnly: while hlx waits for the callback, its
// port answers on 127.0.0.1 and on no other address of this machine: not
// on another loopback address (127.0.0.2 reaches a socket bound to every
// interface on Linux) nor on any interface's own address.
func TestLoginListensOnLoopbackOnly(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	approve, _ := scriptedBrowser(t, true, nil)
	checked := false
	open := func(authURL string) error {
		u, err := url.Parse(authURL)
		if err != nil {
			return err
		}
		redirect, err := url.Parse(u.Query().Get("redirect_uri"))
		if err != nil {
			return err
		}
		port := redirect.Port()
		dial := func(host string) error {
			c, err := net.DialTimeout("tcp", net.JoinHostPort(host, port), 2*time.Second)
			if err == nil {
				_ = c.Close()
			}
			return err
		}
		if err := dial("127.0.0.1"); err != nil {
			t.Errorf("the callback port %s does not answer on 127.0.0.1: %v", port, err)
		}
		others := []string{"127.0.0.2"}
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
					others = append(others, n.IP.String())
				}
			}
		}
		for _, host := range others {
			if err := dial(host); err == nil {
				t.Errorf("the callback port %s answers on %s: it must listen on loopback only", port, host)
			}
		}
		checked = true
		return approve(authURL)
	}
	if _, err := Login(context.Background(), LoginOptions{
		Settings: e.settings, Store: e.store, OpenBrowser: open, Now: e.clock.Now, Timeout: 30 * time.Second,
	}); err != nil {
		t.Fatalf("login: %v", err)
	}
	if !checked {
		t.Fatal("the browser was never opened")
	}
	if strings.Contains(e.settings.RedirectURI, "0.0.0.0") {
		t.Fatal("test setup: the redirect URI is not a loopback one")
	}
}
