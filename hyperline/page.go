package hyperline

import (
	"fmt"
	"net/url"
	"strconv"
)

// MaxTake is the largest page size the API serves; DefaultTake is what it
// serves when no take is sent.
const (
	MaxTake     = 100
	DefaultTake = 50
)

// ListOptions selects one page of an offset-paginated list.
type ListOptions struct {
	// Take is the page size: 0 lets the server choose (50), at most MaxTake.
	// The iterators and All* functions use MaxTake when Take is 0.
	Take int
	// Skip is the number of items to skip.
	Skip int
}

// validate rejects what the docs leave undefined (take > 100: clamp or 400 is
// not documented) before any request is made.
func (o ListOptions) validate() error {
	if o.Take < 0 || o.Take > MaxTake {
		return fmt.Errorf("hyperline: take must be between 0 and %d, got %d", MaxTake, o.Take)
	}
	if o.Skip < 0 {
		return fmt.Errorf("hyperline: skip must not be negative, got %d", o.Skip)
	}
	return nil
}

// values encodes take and skip; zero values are left to the server's defaults.
func (o ListOptions) values() url.Values {
	q := url.Values{}
	if o.Take > 0 {
		q.Set("take", strconv.Itoa(o.Take))
	}
	if o.Skip > 0 {
		q.Set("skip", strconv.Itoa(o.Skip))
	}
	return q
}

// Meta is the "meta" object of a list response.
type Meta struct {
	// Total is the number of items matching the query.
	Total int `json:"total"`
	// Taken is the number of items in this page; an empty page may echo the
	// requested take instead of 0, so it is not used to decide anything.
	Taken int `json:"taken"`
	// Skipped is the offset used.
	Skipped int `json:"skipped"`
	// ApproximateCount says Total is an estimate (meaning inferred from the name).
	ApproximateCount bool `json:"approximateCount"`
}

// Page is one page of a list, with the numbers needed to ask for the next one.
type Page[T any] struct {
	// Items are the page's items, after the client-side filter check.
	Items []T
	// Meta is the page's meta object as the server sent it.
	Meta Meta
	// Dropped counts items the server sent that did not match the filters
	// asked for (the API silently ignores filters it does not know; see the
	// List* methods). They still count for paging.
	Dropped int

	// Set by the client: what was asked and how many items came back before
	// the client-side check. Hand-built pages (known == false) fall back to Meta.
	known    bool
	take     int
	skip     int
	received int
	hasTotal bool
}

// HasMore reports whether another page may follow. It never trusts
// Meta.Taken (an empty page may echo the requested take): it stops on an empty
// page, on a page shorter than the take asked for, and once
// skip + items reaches a non-approximate total.
func (p *Page[T]) HasMore() bool {
	if p == nil {
		return false
	}
	received, skip, hasTotal := len(p.Items)+p.Dropped, p.Meta.Skipped, true
	if p.known {
		received, skip, hasTotal = p.received, p.skip, p.hasTotal
	}
	if received == 0 {
		return false
	}
	if p.known && p.take > 0 && received < p.take {
		return false
	}
	// Not documented: what approximateCount means; an estimated total could
	// stop a walk early, so only the page-size rules apply to it.
	if hasTotal && !p.Meta.ApproximateCount && skip+received >= p.Meta.Total {
		return false
	}
	return true
}

// NextSkip is the skip of the next page: this page's skip plus the number of
// items the server sent (including any the client-side check dropped).
func (p *Page[T]) NextSkip() int {
	if p == nil {
		return 0
	}
	if p.known {
		return p.skip + p.received
	}
	return p.Meta.Skipped + len(p.Items) + p.Dropped
}

// NextOptions returns the options that fetch the next page with the same size.
func (p *Page[T]) NextOptions() ListOptions {
	take := 0
	if p != nil && p.known {
		take = p.take
	}
	return ListOptions{Take: take, Skip: p.NextSkip()}
}
