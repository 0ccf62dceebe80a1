package lookup

import (
	"errors"
	"fmt"
)

// Sentinel errors, matched with errors.Is.
var (
	// ErrNotFound matches a lookup that found nothing in any company the
	// token can reach. The error itself is a *NotFoundError.
	ErrNotFound = errors.New("lookup: not found")
	// ErrInvalidQuery matches an input that cannot be looked up: empty,
	// too long, or a URL without an ID in it. No request was made.
	ErrInvalidQuery = errors.New("lookup: invalid query")
)

// NotFoundError says what a lookup tried and where.
type NotFoundError struct {
	// Query is what was looked up (trimmed, taken out of a URL).
	Query string
	// Tried is the rule's failure in words: "no customer has the billing email".
	Tried string
	// Companies is how many companies were searched.
	Companies int
	// Company names the company searched when it was the only one (its
	// name, else its ID): one company searched is not always the only one
	// the login reaches.
	Company string
}

// Error reads like `no customer has the billing email "a@b.co" in the 3
// companies you can reach`, or `… in "Acme"` when one company was
// searched. The query and the name are quoted with %q, so text pasted
// from a ticket or sent by the API reaches a terminal without control
// characters.
func (e *NotFoundError) Error() string {
	where := fmt.Sprintf("the %d companies you can reach", e.Companies)
	switch e.Companies {
	case 0:
		where = "any company (the token reaches none)"
	case 1:
		where = "the one company searched"
		if e.Company != "" {
			where = fmt.Sprintf("%q", e.Company)
		}
	}
	return fmt.Sprintf("%s %q in %s", e.Tried, e.Query, where)
}

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }
