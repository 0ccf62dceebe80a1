package debuglog

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// minKnownSecret is the shortest value hidden wherever it appears: shorter
// ones (a page number, "true") would blank out ordinary text.
const minKnownSecret = 6

// knownSecrets are the secret values one request carried: its bearer
// token, cookies, and the values of sensitive query and body fields. A
// server that echoes them back in prose ("refresh token X is unknown")
// cannot be caught by key names, but it can by value.
type knownSecrets []string

// add remembers v, and its URL-encoded form, which is how a server that
// echoes a query shows it.
func (k *knownSecrets) add(v string) {
	if len(v) < minKnownSecret {
		return
	}
	*k = append(*k, v)
	if e := url.QueryEscape(v); e != v {
		*k = append(*k, e)
	}
}

// addHeaders remembers the credentials in a request's headers.
func (k *knownSecrets) addHeaders(h http.Header) {
	for _, v := range h.Values("Authorization") {
		k.add(v)
		if f := strings.Fields(v); len(f) > 1 {
			k.add(f[len(f)-1])
		}
	}
	for name, values := range h {
		lower := strings.ToLower(name)
		if lower == "authorization" || lower == "cookie" || lower == "hyperline-companyid" ||
			!strings.HasPrefix(lower, "hyperline-") && !sensitive(lower) {
			continue
		}
		for _, v := range values {
			k.add(v)
		}
	}
	for _, c := range (&http.Request{Header: h}).Cookies() {
		k.add(c.Value)
	}
}

// scrub replaces every known secret in s, longest first so that a secret
// that begins with another is hidden whole.
func (k knownSecrets) scrub(s string) string {
	if len(k) == 0 {
		return s
	}
	sorted := slices.SortedFunc(slices.Values(k), func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	for _, v := range sorted {
		s = strings.ReplaceAll(s, v, redacted)
	}
	return s
}
