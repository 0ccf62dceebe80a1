package lookup

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/hyperline-tui/hlx/hyperline"
)

// maxParallel is how many companies are searched at once. The client's
// rate limiter is shared with the rest of the app, so a lookup takes a
// small share of it.
const maxParallel = 4

// lookFunc searches one company. It returns no matches and a nil error
// when the company does not hold the object.
type lookFunc func(ctx context.Context, co hyperline.Company) (matches []Match, more bool, err error)

// companyError is why one company could not be searched.
type companyError struct {
	company hyperline.Company
	err     error
}

// found is what a search of several companies turned up.
type found struct {
	matches []Match // in the order of the companies searched
	more    bool
	errs    []companyError
}

// searchCompanies runs look in every company, at most maxParallel at
// once. With firstWins, the first company to return a match cancels the
// others (an ID names one object, so there is nothing else to find);
// without it every company is searched and every match kept.
func searchCompanies(ctx context.Context, companies []hyperline.Company, firstWins bool, look lookFunc) found {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type answer struct {
		matches []Match
		more    bool
		err     error
	}
	answers := make([]answer, len(companies))
	sem := make(chan struct{}, maxParallel)
	var wg sync.WaitGroup
	for i, co := range companies {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			answers[i].err = ctx.Err()
			continue
		}
		wg.Go(func() {
			defer func() { <-sem }()
			m, more, err := look(ctx, co)
			answers[i] = answer{m, more, err}
			if firstWins && len(m) > 0 {
				cancel()
			}
		})
	}
	wg.Wait()
	var out found
	for i, a := range answers {
		out.matches = append(out.matches, a.matches...)
		out.more = out.more || a.more
		if a.err != nil {
			out.errs = append(out.errs, companyError{companies[i], a.err})
		}
	}
	if firstWins && len(out.matches) > 0 {
		out.matches, out.errs = out.matches[:1], nil // the others were cancelled
	}
	return out
}

// absent reports whether an error only means "this company does not hold
// it": 404, or 403 for a company the token cannot reach.
func absent(err error) bool {
	return errors.Is(err, hyperline.ErrNotFound) || errors.Is(err, hyperline.ErrForbidden)
}

// settle turns a search's outcome into Find's answer: the matches if there
// are any; otherwise the first real error (the object may be in the company
// that failed), or the caller's context error; otherwise not found.
func (f finder) settle(ctx context.Context, out found) (*Result, error) {
	if len(out.matches) > 0 {
		return f.result(out.matches, out.more)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("lookup %q: %w", f.q.value, err)
	}
	for _, ce := range out.errs {
		if !absent(ce.err) {
			return nil, fmt.Errorf("lookup %q in company %s: %w", f.q.value, companyName(ce.company), ce.err)
		}
	}
	return f.result(nil, false)
}

// inCurrentThenOthers searches the current company alone, then, if it
// holds nothing, the others. A failure in the current company that is not
// "absent" is kept: if no other company has a match, it is the answer.
// An unauthorized token fails every company alike, so it stops at once.
func (f finder) inCurrentThenOthers(ctx context.Context, firstWins bool, look lookFunc) (*Result, error) {
	var first found
	if f.current != nil {
		first = searchCompanies(ctx, []hyperline.Company{*f.current}, firstWins, look)
		if len(first.matches) > 0 || ctx.Err() != nil || unauthorized(first.errs) {
			return f.settle(ctx, first)
		}
	}
	rest := searchCompanies(ctx, f.others, firstWins, look)
	rest.errs = append(first.errs, rest.errs...)
	return f.settle(ctx, rest)
}

func unauthorized(errs []companyError) bool {
	for _, ce := range errs {
		if errors.Is(ce.err, hyperline.ErrUnauthorized) {
			return true
		}
	}
	return false
}

// companyName is a company's name for messages, its ID when the name is
// not known.
func companyName(co hyperline.Company) string {
	if co.Name != "" {
		return fmt.Sprintf("%q (%s)", co.Name, co.ID)
	}
	return co.ID
}
