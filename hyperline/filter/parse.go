// Package filter is hlx's one filter language, shared by the explorer's
// filter line and `hlx list --filter`: free text beside key:value terms
// ("status:late due:<today customer:\"Acme\" INV-12"). A list kind names
// the keys it takes (Keys); Parse reads a line against them, or says what
// is allowed; CustomerOptions, SubscriptionOptions and InvoiceOptions turn
// the result into the exact parameters the client sends, so the server
// does the filtering and the paging.
package filter

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
)

// ValueKind is how a term's value is read.
type ValueKind int

// The kinds of value a key takes.
const (
	Enum     ValueKind = iota // one of Values; several with commas when Multi
	Date                      // a date window: 2026-11, >2026-10-01, <today, 7d, a..b
	Customer                  // a customer id, or a name the customer search resolves
)

// Key is one key a list's filter takes.
type Key struct {
	// Name is the key as typed: "status".
	Name string
	// Kind is how its value is read.
	Kind ValueKind
	// Values are the API's values an Enum key takes, in the spec's order.
	Values []string
	// Multi lets an Enum key take several values (sent as name__in).
	Multi bool
	// About says what the key selects and which parameters it sends.
	About string
	// label is the word people read for an Enum value (nil: the value).
	label func(string) string
}

// Term is one parsed key:value term.
type Term struct {
	// Key is the key's name.
	Key string
	// Values are an Enum term's API values, each once, in the order typed.
	Values []string
	// From (inclusive) and Before (exclusive) are a Date term's window;
	// either is zero when that end is open.
	From, Before time.Time
	// Ref is a Customer term's id or name, as typed.
	Ref string
	// Typed is the term as typed, for a header: "status:late".
	Typed string
}

// Query is a filter line read: free text and the terms sent to the server.
type Query struct {
	// Text is the words that are not terms, joined by one space.
	Text string
	// Terms are the key:value terms, in the order typed.
	Terms []Term
}

// Term is the term for key, if given.
func (q Query) Term(key string) (Term, bool) {
	for _, t := range q.Terms {
		if t.Key == key {
			return t, true
		}
	}
	return Term{}, false
}

// Label is the terms as a header shows them: "status:late due:<today".
func (q Query) Label() string {
	parts := make([]string, len(q.Terms))
	for i, t := range q.Terms {
		parts[i] = t.Typed
	}
	return strings.Join(parts, " ")
}

// Parse reads a filter line against the keys a list takes. A word like
// key:value is a term when key is made of letters; an unknown key or value
// is an error that lists what is allowed. Quotes keep spaces in a value
// (customer:"Acme Tools"). Dates are read in loc, relative to now. With no
// keys (a list the API cannot filter) every word is text.
func Parse(line string, keys []Key, now time.Time, loc *time.Location) (Query, error) {
	var q Query
	var text []string
	for _, word := range Words(line) {
		k, v, isTerm := CutTerm(word)
		if !isTerm || len(keys) == 0 {
			text = append(text, word)
			continue
		}
		if err := q.add(keys, k, v, now, loc); err != nil {
			return q, err
		}
	}
	q.Text = strings.Join(text, " ")
	return q, nil
}

// Add reads one more term, key:value, as Parse would read it in a line
// (the command line's --status is status:VALUE).
func (q *Query) Add(keys []Key, key, value string, now time.Time, loc *time.Location) error {
	return q.add(keys, key, value, now, loc)
}

func (q *Query) add(keys []Key, k, v string, now time.Time, loc *time.Location) error {
	i := slices.IndexFunc(keys, func(s Key) bool { return s.Name == strings.ToLower(k) })
	if i < 0 {
		if len(keys) == 0 {
			return fmt.Errorf("unknown filter %q; this list takes no key:value filter", k+":")
		}
		return fmt.Errorf("unknown filter %q; this list takes %s", k+":", keyNames(keys))
	}
	key := keys[i]
	if _, dup := q.Term(key.Name); dup {
		return fmt.Errorf("%s: given twice; join values with commas", key.Name)
	}
	t, err := key.parse(v, now, loc)
	if err != nil {
		return err
	}
	if strings.ContainsFunc(v, unicode.IsSpace) {
		v = `"` + v + `"` // read back as one word
	}
	t.Typed = key.Name + ":" + v
	q.Terms = append(q.Terms, t)
	return nil
}

// Words splits a line at spaces outside double quotes, dropping the
// quotes.
func Words(line string) []string {
	var words []string
	var b strings.Builder
	quoted, started := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, started = !quoted, true
		case unicode.IsSpace(r) && !quoted:
			if started {
				words = append(words, b.String())
				b.Reset()
				started = false
			}
		default:
			b.WriteRune(r)
			started = true
		}
	}
	if started {
		words = append(words, b.String())
	}
	return words
}

// CutTerm splits a word into key and value when it reads key:value with
// a key of one or more letters (or _), and is no URL.
func CutTerm(word string) (key, value string, ok bool) {
	key, value, found := strings.Cut(word, ":")
	if !found || key == "" || strings.HasPrefix(value, "//") { // a URL is text
		return "", "", false
	}
	for _, r := range key {
		if !unicode.IsLetter(r) && r != '_' {
			return "", "", false
		}
	}
	return key, value, true
}

func (k Key) parse(v string, now time.Time, loc *time.Location) (Term, error) {
	t := Term{Key: k.Name}
	if v == "" {
		return t, fmt.Errorf("%s: needs a value; %s", k.Name, k.Allowed(""))
	}
	switch k.Kind {
	case Enum:
		for _, typed := range strings.Split(v, ",") {
			val, ok := k.value(typed)
			if !ok {
				typed = strings.ToLower(strings.TrimSpace(typed))
				return t, fmt.Errorf("%s: unknown value %q; %s", k.Name, typed, k.Allowed(typed))
			}
			if !slices.Contains(t.Values, val) {
				t.Values = append(t.Values, val)
			}
		}
		if len(t.Values) > 1 && !k.Multi {
			return t, fmt.Errorf("%s: takes one value", k.Name)
		}
	case Date:
		from, before, err := parseWindow(strings.ToLower(v), now, loc)
		if err != nil {
			return t, fmt.Errorf("%s: %w", k.Name, err)
		}
		t.From, t.Before = from, before
	case Customer:
		t.Ref = v
	}
	return t, nil
}

// keyNames lists the keys a list takes: "status:, created:".
func keyNames(keys []Key) string {
	names := make([]string, len(keys))
	for i, s := range keys {
		names[i] = s.Name + ":"
	}
	return strings.Join(names, ", ")
}
