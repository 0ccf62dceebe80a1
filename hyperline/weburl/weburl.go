// Package weburl decides whether an address from Hyperline (an invoice's
// public page, a customer's portal link) or built by hlx (a dashboard
// page, the login URL) may be opened in a browser or printed for the user
// to open. Only a web page passes: an absolute http or https URL with a
// host, no user info, and no character a terminal or a shell would act on.
// Everything hlx opens or prints for opening goes through Check. It also
// holds the URL facts the client, the settings, the login and the
// simulator share (hosts.go): the API's base URLs, what a loopback host
// is, and a URL shown without its credentials.
package weburl

import (
	"fmt"
	"net/url"
	"strings"
)

// maxLen bounds an address; a browser's address bar takes more, but no
// page hlx opens needs it, and a longer one is more likely an attack.
// Not documented: Hyperline's URLs have no stated maximum.
const maxLen = 4096

// shellChars are characters RFC 3986 leaves out of a URL (or allows but no
// Hyperline URL uses) that a shell acts on inside or around quotes: a
// $BROWSER wrapper script or a pasted command line would run them.
const shellChars = "\"'<>\\^`{|}$"

// RefusedError reports an address that is not a web page. It never holds
// the address itself, which may carry escape sequences: only the reason.
type RefusedError struct {
	Reason string
}

// Error says that the address was refused and why.
func (e *RefusedError) Error() string {
	return "refused to open an address that is not a web page: " + e.Reason
}

// Check returns raw unchanged if it is a web page hlx may open or print
// for opening, else a *RefusedError.
func Check(raw string) (string, error) {
	if reason := refusal(raw); reason != "" {
		return "", &RefusedError{Reason: reason}
	}
	return raw, nil
}

// OK reports whether Check accepts raw.
func OK(raw string) bool { return refusal(raw) == "" }

// refusal is why raw is refused, "" when it is not.
func refusal(raw string) string {
	switch {
	case raw == "":
		return "the address is empty"
	case len(raw) > maxLen:
		return fmt.Sprintf("the address is longer than %d bytes", maxLen)
	case raw[0] == '-':
		return "it starts with '-', which a program would take for an option"
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c <= ' ' || c == 0x7f:
			return "it holds a space or a control character"
		case c >= 0x80:
			return "it holds characters outside ASCII (a URL encodes them)"
		case strings.IndexByte(shellChars, c) >= 0:
			return fmt.Sprintf("it holds %q, which a shell acts on", c)
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "it is not a valid URL"
	}
	switch {
	case !strings.EqualFold(u.Scheme, "https") && !strings.EqualFold(u.Scheme, "http"):
		if u.Scheme == "" {
			return "it is not an absolute URL"
		}
		return fmt.Sprintf("its scheme is %q, not http or https", u.Scheme)
	case u.Opaque != "":
		return "it is not an absolute URL with a host"
	case u.User != nil:
		return "it holds a user name before the host (user@host), a way to disguise the host"
	case u.Hostname() == "":
		return "it has no host"
	}
	return ""
}
