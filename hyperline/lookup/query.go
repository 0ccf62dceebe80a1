package lookup

import (
	"fmt"
	"net/url"
	"strings"
)

// maxQueryLen bounds what is sent to the API: a ticket paste longer than
// this is not an ID, an email or a number.
const maxQueryLen = 320

// rule is how a query is looked up.
type rule int

const (
	byReference rule = iota // invoice number or customer external ID
	byID                    // a prefixed Hyperline ID
	byEmail                 // a customer billing email
)

// String is the rule's name in Result.By.
func (r rule) String() string {
	switch r {
	case byID:
		return "id"
	case byEmail:
		return "email"
	}
	return "reference"
}

// tried says what a query looked for, for a NotFoundError.
func (q query) tried() string {
	switch q.rule {
	case byID:
		return fmt.Sprintf("no %s has the ID", q.kind)
	case byEmail:
		return "no customer has the billing email"
	}
	return "no invoice number or customer external ID matches"
}

// idPrefixes maps the ID prefixes a lookup resolves to their kinds.
var idPrefixes = map[string]Kind{
	"cus_": KindCustomer,
	"sub_": KindSubscription,
	"inv_": KindInvoice,
}

// query is a parsed Find input.
type query struct {
	value string
	rule  rule
	kind  Kind // for byID
}

// parseQuery trims what was pasted and picks the rule: an ID (also out of
// a URL), an email, or a reference.
func parseQuery(raw string) (query, error) {
	v := trimPaste(raw)
	if v == "" {
		return query{}, fmt.Errorf("%w: nothing to look up", ErrInvalidQuery)
	}
	if len(v) > maxQueryLen {
		return query{}, fmt.Errorf("%w: %d characters is too long for an ID, email or number", ErrInvalidQuery, len(v))
	}
	if isURL(v) {
		id, ok := idInURL(v)
		if !ok {
			return query{}, fmt.Errorf("%w: the URL %q holds no cus_, sub_ or inv_ ID", ErrInvalidQuery, v)
		}
		v = id
	}
	if kind, ok := idKind(v); ok {
		return query{value: v, rule: byID, kind: kind}, nil
	}
	if email, ok := strings.CutPrefix(v, "mailto:"); ok {
		v = email
	}
	if strings.Contains(v, "@") {
		return query{value: v, rule: byEmail}, nil
	}
	return query{value: v, rule: byReference}, nil
}

// trimPaste drops the spaces and the wrapping that ticket text puts around
// a value: quotes, backticks, angle brackets, and a sentence's final
// punctuation.
func trimPaste(s string) string {
	for {
		before := s
		s = strings.TrimSpace(s)
		s = strings.TrimRight(s, ".,;:!?")
		for _, pair := range []string{`""`, "''", "``", "<>", "()", "[]", "“”", "‘’"} {
			open, close := splitPair(pair)
			if strings.HasPrefix(s, open) && strings.HasSuffix(s, close) && len(s) >= len(open)+len(close) {
				s = s[len(open) : len(s)-len(close)]
			}
		}
		if s == before {
			return s
		}
	}
}

// splitPair splits a two-rune string into its runes.
func splitPair(pair string) (string, string) {
	r := []rune(pair)
	return string(r[0]), string(r[1])
}

// idKind reports the kind of a prefixed ID: the prefix then at least one
// letter or digit, and nothing that cannot be in an ID.
func idKind(v string) (Kind, bool) {
	for prefix, kind := range idPrefixes {
		rest, ok := strings.CutPrefix(v, prefix)
		if ok && rest != "" && isIDBody(rest) {
			return kind, true
		}
	}
	return "", false
}

func isIDBody(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

func isURL(v string) bool {
	lower := strings.ToLower(v)
	return strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")
}

// idInURL returns the last ID-looking segment of a URL's path, or of its
// fragment for an app that routes there (".../#/customers/cus_x"), or a
// query value (".../invoices?id=inv_x") when neither has one.
func idInURL(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	var found string
	for _, part := range []string{u.Path, u.Fragment} {
		for seg := range strings.SplitSeq(part, "/") {
			if _, ok := idKind(seg); ok {
				found = seg
			}
		}
	}
	if found != "" {
		return found, true
	}
	for _, values := range u.Query() {
		for _, v := range values {
			if _, ok := idKind(v); ok {
				return v, true
			}
		}
	}
	return "", false
}
