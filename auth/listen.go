package auth

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"

	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// loopbackRedirect is a parsed redirect URI that hlx can listen on.
type loopbackRedirect struct {
	url  *url.URL
	host string // as written: 127.0.0.1, [::1] or localhost
	port string // "0" asks for a free port
}

// parseRedirectURI accepts an http URL on a loopback host with an explicit
// port (RFC 8252 §7.3). Port 0 means "any free port": the URI is then
// rewritten with the port actually bound, which suits a server that allows
// any loopback port (the simulator does; real Hyperline matches exactly).
func parseRedirectURI(raw string) (*loopbackRedirect, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("redirect URI %q: %w", raw, err)
	}
	if u.Scheme != "http" {
		return nil, fmt.Errorf("redirect URI %q: must start with http:// (hlx listens on a loopback port)", raw)
	}
	host := u.Hostname()
	if !weburl.IsLoopbackHost(host) {
		return nil, fmt.Errorf("redirect URI %q: host must be 127.0.0.1, [::1] or localhost", raw)
	}
	port := u.Port()
	if port == "" {
		return nil, fmt.Errorf("redirect URI %q: needs an explicit port, e.g. http://127.0.0.1:8765/callback", raw)
	}
	if u.User != nil || u.Fragment != "" {
		return nil, fmt.Errorf("redirect URI %q: must not carry user info or a fragment", raw)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return &loopbackRedirect{url: u, host: host, port: port}, nil
}

// listen binds the redirect URI's host and port and returns the listener
// and the redirect URI to send (with the real port when port was 0).
// "localhost" is bound as Go resolves it (127.0.0.1 first on most systems).
func (r *loopbackRedirect) listen() (net.Listener, string, error) {
	addr := net.JoinHostPort(r.host, r.port)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, "", &PortInUseError{Addr: addr, Port: r.port, Err: err}
		}
		return nil, "", fmt.Errorf("listen on %s for the OAuth callback: %w", addr, err)
	}
	u := *r.url
	if r.port == "0" {
		_, port, _ := net.SplitHostPort(ln.Addr().String())
		u.Host = net.JoinHostPort(r.host, port)
	}
	return ln, u.String(), nil
}
