package weburl

import (
	"net"
	"strings"
)

// The URL facts the client, the settings, the login and the simulator
// share, written once: the API's base URLs, what counts as a loopback
// host, and how a URL is shown without its credentials.

// Base URLs of the two Hyperline environments.
const (
	ProductionAPI = "https://api.hyperline.co"
	SandboxAPI    = "https://sandbox.api.hyperline.co"
)

// IsLoopbackHost reports whether host (a URL's Hostname(): no brackets,
// no port) names this machine: "localhost" in any case, an IPv4 address
// in 127.0.0.0/8, or ::1. Plain http and a login's callback are allowed
// only there. A name that merely resolves to a loopback address
// (127.0.0.1.nip.io) is not one: what it resolves to can change.
func IsLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// HideUserInfo drops the user info from a URL as written, without parsing
// it ("https://key@host/x" gives "https://host/x"), so that an error about
// the URL never repeats a credential: the API accepts an API key as the
// Basic user name.
func HideUserInfo(raw string) string {
	scheme, rest := "", raw
	if i := strings.Index(raw, "://"); i >= 0 {
		scheme, rest = raw[:i+3], raw[i+3:]
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if at := strings.LastIndex(rest[:end], "@"); at >= 0 {
		rest = rest[at+1:]
	}
	return scheme + rest
}
