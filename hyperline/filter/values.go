package filter

import (
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
)

// What an Enum key's values are called. A value is accepted as the API
// spells it ("partially_paid") or as people read it ("partly paid"), in
// any case, with spaces, hyphens and underscores alike: status:error,
// status:"payment failed" and status:payment-failed are one term.

// Label is the word people read for an Enum value: "payment failed" for
// "error"; the value itself where it reads well.
func (k Key) Label(value string) string {
	if k.label == nil {
		return value
	}
	return k.label(value)
}

// Text is a value as people read it whole: the label, with the API's
// value beside it where they differ ("partly paid (partially_paid)"), as
// lists, the explorer's picker and `hlx get` show statuses.
func (k Key) Text(value string) string { return hyperline.StatusText(k.Label(value), value) }

// Choice is a value as a list of what can be typed shows it (a filter
// error): the one vocabulary's Text, since either half may be typed.
func (k Key) Choice(value string) string { return k.Text(value) }

// value is the API value typed names, by its value or its label.
func (k Key) value(typed string) (string, bool) {
	f := fold(typed)
	if f == "" {
		return "", false
	}
	for _, v := range k.Values {
		if f == fold(v) || f == fold(k.Label(v)) {
			return v, true
		}
	}
	return "", false
}

// fold is s as values compare: lower case, trimmed, spaces, hyphens and
// underscores alike.
func fold(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t'
	}), "_")
}

// Allowed says what a key takes, the values starting with typed first
// (all of them when none does).
func (k Key) Allowed(typed string) string {
	switch k.Kind {
	case Date:
		return dateHelp
	case Customer:
		return "a customer id (cus_…) or name"
	}
	values := k.Values
	if f := fold(typed); f != "" {
		var near []string
		for _, v := range values {
			if strings.HasPrefix(fold(v), f) || strings.HasPrefix(fold(k.Label(v)), f) {
				near = append(near, v)
			}
		}
		if len(near) > 0 {
			values = near
		}
	}
	choices := make([]string, len(values))
	for i, v := range values {
		choices[i] = k.Choice(v)
	}
	sep := "one of "
	if k.Multi {
		sep = "any of (comma-separated) "
	}
	return sep + strings.Join(choices, ", ")
}
