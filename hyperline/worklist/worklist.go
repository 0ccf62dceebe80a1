// Package worklist is hlx's worklists: named questions a support agent
// asks of every company each morning ("whose payment failed?", "which
// invoices are 30 days late?"), each a list kind and a line of the filter
// language (package filter). The same worklist is counted in every company
// with one include_total request (Count), and its first rows fetched and
// merged across companies (FirstRows), by the explorer's `w` and by
// `hlx worklist` alike.
package worklist

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/filter"
)

// Worklist is one named question: a list and a filter line.
type Worklist struct {
	// Name is what the user reads: "Payment failed".
	Name string
	// List is the list it asks: invoices, customers or subscriptions.
	List filter.List
	// Filter is a line of the filter language, read when the worklist
	// runs so that relative dates ("due:<30d") follow the clock.
	Filter string
	// Builtin marks hlx's own worklists, as opposed to the config file's.
	Builtin bool
}

// Builtins are the questions every support agent asks: failed payments,
// invoices more than 30 days late, customers whose payment method errored,
// customers whose card or mandate was never saved, and errored
// subscriptions (one worklist each: each asks for another action). Expired cards have no
// filter value of their own in the spec (payment_method_type knows
// "errored" and "missing" only), so they are not a worklist.
func Builtins() []Worklist {
	return []Worklist{
		{Name: "Payment failed", List: filter.Invoices, Filter: "status:error", Builtin: true},
		{Name: "Late over 30 days", List: filter.Invoices, Filter: "status:late due:<30d", Builtin: true},
		{Name: "Payment method errored", List: filter.Customers, Filter: "payment_method:errored", Builtin: true},
		{Name: "Payment method missing", List: filter.Customers, Filter: "payment_method:missing", Builtin: true},
		{Name: "Subscriptions errored", List: filter.Subscriptions, Filter: "status:errored", Builtin: true},
	}
}

// Spec is a worklist as the config file holds it: its name, its kind
// ("invoices", "customers" or "subscriptions") and its filter line.
type Spec struct {
	Name   string
	Kind   string
	Filter string
}

// ListNamed is the list a worklist's kind names, singular or plural, in
// any case. Transactions have no filter, so no worklist.
func ListNamed(kind string) (filter.List, error) {
	k := strings.ToLower(strings.TrimSpace(kind))
	for _, l := range []filter.List{filter.Customers, filter.Subscriptions, filter.Invoices} {
		if k == l.String() || k == strings.TrimSuffix(l.String(), "s") {
			return l, nil
		}
	}
	return 0, fmt.Errorf("kind %q: want invoices, customers or subscriptions", kind)
}

// Query reads w's filter line as of now, in loc.
func (w Worklist) Query(now time.Time, loc *time.Location) (filter.Query, error) {
	q, err := filter.Parse(w.Filter, filter.Keys(w.List), now, loc)
	if err != nil {
		return q, err
	}
	if _, ok := q.Term("customer"); ok {
		return q, errors.New("customer: names one company's customer; a worklist runs in every company")
	}
	if err := filter.TextError(w.List, q); err != nil {
		return q, err
	}
	return q, nil
}

// Load is the built-in worklists followed by the user's, each checked as
// it will run: a name, a kind with a filter, and a filter line the kind
// takes. A bad one is an error naming it and saying what is allowed; names
// are unique (case aside), so a user's list may not shadow a built-in one.
func Load(user []Spec, now time.Time, loc *time.Location) ([]Worklist, error) {
	all := Builtins()
	seen := map[string]bool{}
	for _, w := range all {
		seen[strings.ToLower(w.Name)] = true
	}
	var errs []error
	for i, s := range user {
		w, err := fromSpec(s, now, loc)
		if err == nil && seen[strings.ToLower(w.Name)] {
			err = fmt.Errorf("the name %q is taken; give each worklist its own", w.Name)
		}
		if err != nil {
			name := strings.TrimSpace(s.Name)
			if name == "" {
				name = fmt.Sprintf("number %d", i+1)
			} else {
				name = fmt.Sprintf("%q", name)
			}
			errs = append(errs, fmt.Errorf("worklist %s: %w", name, err))
			continue
		}
		seen[strings.ToLower(w.Name)] = true
		all = append(all, w)
	}
	return all, errors.Join(errs...)
}

// fromSpec checks one user worklist.
func fromSpec(s Spec, now time.Time, loc *time.Location) (Worklist, error) {
	w := Worklist{Name: strings.TrimSpace(s.Name), Filter: strings.TrimSpace(s.Filter)}
	if w.Name == "" {
		return w, errors.New(`needs a "name"`)
	}
	if strings.TrimSpace(s.Kind) == "" {
		return w, errors.New(`needs a "kind": invoices, customers or subscriptions`)
	}
	l, err := ListNamed(s.Kind)
	if err != nil {
		return w, err
	}
	w.List = l
	if w.Filter == "" {
		return w, fmt.Errorf(`needs a "filter", e.g. %q`, exampleFilter(l))
	}
	if _, err := w.Query(now, loc); err != nil {
		return w, fmt.Errorf("filter %q: %w", w.Filter, err)
	}
	return w, nil
}

// exampleFilter is a filter line list l takes, for a message.
func exampleFilter(l filter.List) string {
	switch l {
	case filter.Customers:
		return "payment_method:errored"
	case filter.Subscriptions:
		return "status:errored"
	}
	return "status:late due:<30d"
}
