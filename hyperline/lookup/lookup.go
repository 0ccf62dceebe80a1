// Package lookup resolves what a support person pastes from a ticket (an
// object ID, a dashboard URL, a billing email, an invoice number or a
// customer's external ID) into the one Hyperline object it names, in
// whichever company the token can reach holds it.
//
// A lookup is fast and bounded: an ID is one GET in the current company
// and, only if that company does not have it, one GET in each other
// company; an email is one filtered list call per company; anything else is
// two filtered list calls per company (invoice number and external ID).
// Lists are never scanned page by page. Other companies are searched at
// most four at a time, and the caller's context deadline stops everything.
//
// The package does no printing and knows nothing about the UI.
package lookup

import (
	"context"
	"fmt"

	"github.com/hyperline-tui/hlx/hyperline"
)

// Kind is the type of object a lookup found.
type Kind string

// The kinds of object a lookup can find. Credit notes are invoices.
const (
	KindCustomer     Kind = "customer"
	KindSubscription Kind = "subscription"
	KindInvoice      Kind = "invoice"
)

// Match is one object found: its kind, the company that holds it, and the
// object itself in the one field its Kind names (the others are nil).
type Match struct {
	Kind    Kind
	Company hyperline.Company

	Customer     *hyperline.Customer
	Subscription *hyperline.Subscription
	Invoice      *hyperline.Invoice
}

// ID is the object's Hyperline ID ("cus_…", "sub_…", "inv_…").
func (m Match) ID() string {
	switch {
	case m.Customer != nil:
		return m.Customer.ID
	case m.Subscription != nil:
		return m.Subscription.ID
	case m.Invoice != nil:
		return m.Invoice.ID
	}
	return ""
}

// Label is what a person calls the object: a customer's or subscription's
// name, an invoice's number (its ID when it has none yet, as drafts do).
// It is the API's text: pass it through termsafe before a terminal.
func (m Match) Label() string {
	switch {
	case m.Customer != nil:
		return m.Customer.Name
	case m.Subscription != nil:
		return m.Subscription.Name
	case m.Invoice != nil && m.Invoice.Number != "":
		return m.Invoice.Number
	}
	return m.ID()
}

// Result is the answer to a Find. Either exactly one object matched and
// the embedded Match holds it, or several did and Candidates lists them
// (the embedded Match is then zero) so the UI can offer a choice.
type Result struct {
	// Query is what was looked up: the input trimmed, with an ID taken out
	// of a pasted URL.
	Query string
	// By says which rule matched: "id", "email" or "reference".
	By string

	Match
	// Candidates holds every match when there are two or more: all from
	// the current company when it has any, else from the other companies
	// in the order they were given. A billing email, an external ID or an
	// invoice number can be shared; an ID cannot, so an ID lookup never
	// has candidates.
	Candidates []Match
	// MoreCandidates reports that some company had more matches than the
	// MaxCandidates a lookup asks it for.
	MoreCandidates bool
}

// Ambiguous reports whether several objects matched and the caller must
// choose among Candidates.
func (r *Result) Ambiguous() bool { return len(r.Candidates) > 1 }

// MaxCandidates bounds the customers one company contributes to an email
// lookup's candidates (the page size of its one list call).
const MaxCandidates = 20

// Find resolves query to one object, or to candidates when it is shared.
//
// currentCompanyID is the company the user is browsing: it is searched
// first, and the others only when it has no match. companies are the
// companies the token can reach (nil: Find asks the API, one more
// request). A query that matches nothing anywhere is a *NotFoundError
// (errors.Is ErrNotFound) naming what was tried; an empty or unusable query
// is ErrInvalidQuery. If some company could not be searched (a server
// error, say) and nothing was found elsewhere, that error is returned
// instead of ErrNotFound, since the object may be there.
func Find(ctx context.Context, c *hyperline.Client, currentCompanyID string, companies []hyperline.Company, query string) (*Result, error) {
	q, err := parseQuery(query)
	if err != nil {
		return nil, err
	}
	if companies == nil {
		if companies, err = c.AllCompanies(ctx); err != nil {
			return nil, fmt.Errorf("lookup %q: list companies: %w", q.value, err)
		}
	}
	current, others := splitCompanies(currentCompanyID, companies)
	f := finder{c: c, q: q, current: current, others: others}
	switch q.rule {
	case byID:
		return f.findID(ctx)
	case byEmail:
		return f.findEmail(ctx)
	default:
		return f.findReference(ctx)
	}
}

// finder carries one Find's inputs to the rule that runs it.
type finder struct {
	c       *hyperline.Client
	q       query
	current *hyperline.Company // nil: no current company
	others  []hyperline.Company
}

// reach is the number of companies a Find searched, for messages.
func (f finder) reach() int {
	if f.current != nil {
		return len(f.others) + 1
	}
	return len(f.others)
}

// only names the one company a Find searched (its name, else its ID), ""
// when it searched several or none.
func (f finder) only() string {
	var co hyperline.Company
	switch {
	case f.reach() != 1:
		return ""
	case f.current != nil:
		co = *f.current
	default:
		co = f.others[0]
	}
	if co.Name != "" {
		return co.Name
	}
	return co.ID
}

// result builds the Result for the matches found by one rule.
func (f finder) result(matches []Match, more bool) (*Result, error) {
	r := &Result{Query: f.q.value, By: f.q.rule.String(), MoreCandidates: more}
	switch len(matches) {
	case 0:
		return nil, &NotFoundError{Query: f.q.value, Tried: f.q.tried(), Companies: f.reach(), Company: f.only()}
	case 1:
		r.Match = matches[0]
	default:
		r.Candidates = matches
	}
	return r, nil
}

// splitCompanies returns the current company and the others, each once.
// A current company missing from the list (a list fetched before it was
// created, say) is still searched, known by its ID only.
func splitCompanies(currentID string, companies []hyperline.Company) (*hyperline.Company, []hyperline.Company) {
	var current *hyperline.Company
	if currentID != "" {
		current = &hyperline.Company{ID: currentID}
	}
	seen := map[string]bool{currentID: true}
	others := make([]hyperline.Company, 0, len(companies))
	for _, co := range companies {
		if co.ID == currentID && current != nil {
			current = &co
		}
		if seen[co.ID] || co.ID == "" {
			continue
		}
		seen[co.ID] = true
		others = append(others, co)
	}
	return current, others
}
