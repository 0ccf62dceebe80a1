package auth

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"

	"github.com/hyperline-tui/hlx/config"
)

// registeredPorts are the loopback ports hlx registers when it registers
// itself and no redirect URI is configured: a small fixed set (RFC 8252
// §7.3 with a server that matches ports exactly), so a busy port has a
// registered fallback. The first is config.DefaultRedirectURI's.
func registeredPorts() []string { return []string{"8765", "8766", "8767"} }

// RegisteredRedirectURIs are the callbacks hlx registers for itself when
// no redirect URI is configured, in the order a login tries them.
func RegisteredRedirectURIs() []string {
	var out []string
	for _, p := range registeredPorts() {
		out = append(out, "http://"+net.JoinHostPort("127.0.0.1", p)+"/callback")
	}
	return out
}

// loginClient is the OAuth client one login uses: the configured app
// (with its secret), or hlx's own registration, a public client.
type loginClient struct {
	id, secret string
	public     bool
	registered bool // registered during this login
}

// settings returns s speaking as this client.
func (c loginClient) settings(s config.Settings) config.Settings {
	s.ClientID, s.ClientSecret = c.id, c.secret
	return s
}

// DescribeClient names the client an account's tokens belong to, for hlx
// status and the token panel: "registered app abcd…" or "hlx, registered
// dynamically (public client dyn_…)". The id is masked like a secret:
// it is nobody's business on a shared screen.
func DescribeClient(clientID string, public bool) string {
	switch {
	case public:
		return "hlx, registered dynamically (public client " + Mask(clientID) + ")"
	case clientID == "":
		return "registered app"
	}
	return "registered app " + Mask(clientID)
}

// dynamic reports whether a login with s registers hlx itself: no client
// id is configured for the environment.
func dynamic(s config.Settings) bool { return strings.TrimSpace(s.ClientID) == "" }

// redirectCandidates are the redirect URIs a login may listen on, in
// order: the configured one, or for hlx's own registration with no
// redirect URI configured, the registered set (set, or by default
// RegisteredRedirectURIs()).
func redirectCandidates(s config.Settings, set []string) []string {
	if dynamic(s) && (s.Sources.RedirectURI == config.SourceDefault || s.RedirectURI == "" ||
		s.RedirectURI == config.DefaultRedirectURI) {
		if len(set) > 0 {
			return slices.Clone(set)
		}
		return RegisteredRedirectURIs()
	}
	return []string{s.RedirectURI}
}

// listenFirst binds the first candidate whose port is free and returns
// parsed form, its listener and the redirect URI to send. When
// every port is taken it returns a *PortInUseError naming them all.
func listenFirst(candidates []string, registered bool) (*loopbackRedirect, net.Listener, string, error) {
	var (
		busy []string
		last *PortInUseError
	)
	for _, raw := range candidates {
		r, err := parseRedirectURI(raw)
		if err != nil {
			return nil, nil, "", fmt.Errorf("login: %w", err)
		}
		ln, uri, err := r.listen()
		if errors.As(err, &last) {
			busy = append(busy, r.port)
			continue
		}
		if err != nil {
			return nil, nil, "", err
		}
		return r, ln, uri, nil
	}
	if len(busy) == 1 && !registered {
		return nil, nil, "", last
	}
	return nil, nil, "", &PortInUseError{Addr: "127.0.0.1", Port: strings.Join(busy, ", "), Err: last, Registered: registered}
}

// resolveClient picks the client of a login that listens on redirectURI:
// the configured app if there is one; else hlx's registration for the
// environment, registered now (once, under the registration store's lock)
// if there is none that covers redirectURI, and registered again, once,
// if the server says the stored client is unknown.
func resolveClient(ctx context.Context, opts LoginOptions, redirectURI string, candidates []string, progress func(Event)) (loginClient, error) {
	s := opts.Settings
	if !dynamic(s) {
		return loginClient{id: s.ClientID, secret: s.ClientSecret}, nil
	}
	want := slices.Clone(candidates)
	for i, c := range want {
		if u, err := url.Parse(c); err == nil && u.Port() == "0" {
			want[i] = redirectURI // a free port: register the one bound
		}
	}
	ep := newEndpoint(config.Settings{APIURL: s.APIURL}, opts.HTTPClient, opts.Now)
	register := func() (config.Registration, error) {
		progress(EventRegistering{})
		return ep.register(ctx, want)
	}
	covers := func(r config.Registration) bool { return slices.Contains(r.RedirectURIs, redirectURI) }
	regs := opts.Store.Registrations()
	reg, created, err := regs.Ensure(s.APIURL, covers, register)
	if err != nil {
		return loginClient{}, err
	}
	if !created {
		ep.clientID = reg.ClientID
		if ep.clientUnknown(ctx, redirectURI) {
			stale := reg.ClientID
			// Another hlx may have registered again meanwhile: keep theirs.
			reg, created, err = regs.Ensure(s.APIURL, func(r config.Registration) bool {
				return r.ClientID != stale && covers(r)
			}, register)
			if err != nil {
				return loginClient{}, err
			}
		}
	}
	if created {
		progress(EventRegistered{ClientID: reg.ClientID})
	}
	return loginClient{id: reg.ClientID, public: true, registered: created}, nil
}

// forAccount returns the endpoint that speaks for the client an account's
// tokens were issued to: hlx's registration, a public client (client_id
// alone); or the configured app e speaks for, with its secret. Tokens of an
// app that is no longer configured get its id and no secret, which
// a refresh refuses to
// send (ErrNotConfigured).
func (e *endpoint) forAccount(acc *config.Account) *endpoint {
	switch {
	case acc == nil:
		return e
	case acc.PublicClient && acc.ClientID != "":
		return e.as(acc.ClientID, "")
	case acc.ClientID == "" || acc.ClientID == e.clientID:
		return e
	}
	return e.as(acc.ClientID, "")
}

// as is e speaking for another client.
func (e *endpoint) as(clientID, secret string) *endpoint {
	c := &endpoint{apiURL: e.apiURL, clientID: clientID, clientSecret: secret, hc: e.hc, now: e.now}
	c.legacy.Store(e.legacy.Load())
	return c
}

// AccountClient names the client an account's tokens belong to, for hlx
// status and the token panel: DescribeClient of the recorded client, or of
// the configured app (s) for an account saved before clients were
// recorded.
func AccountClient(acc *config.Account, s config.Settings) string {
	if acc.ClientID == "" {
		return DescribeClient(s.ClientID, false)
	}
	return DescribeClient(acc.ClientID, acc.PublicClient)
}
