package hyperline

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
)

// MaxTake is the largest page size the API serves; DefaultTake is what it
// serves when no size is sent. Both are the same for offset lists (take) and
// cursor lists (limit).
const (
	MaxTake     = 100
	DefaultTake = 50
)

// ListOptions selects one page of a list. Offset lists (GET /v1/companies,
// /v2/subscriptions) page with Skip; cursor lists (GET /v2/customers,
// /v2/invoices) page with Cursor. The zero value is the first page of either.
type ListOptions struct {
	// Take is the page size: 0 lets the server choose (50), at most MaxTake.
	// It is sent as take on offset lists and as limit on cursor lists. The
	// iterators and All* functions use MaxTake when Take is 0.
	Take int
	// Skip is the number of items to skip (offset lists only).
	Skip int
	// Cursor is the previous page's next_cursor (cursor lists only).
	Cursor string
	// WithTotal asks a cursor list for its total (include_total=true),
	// which the server otherwise leaves out. Offset lists always send it.
	WithTotal bool
	// OmitRaw leaves every item's Raw empty, for a caller that holds many
	// items and shows their typed fields (the explorer's lists): the page's
	// JSON is then not kept at all, and a detail fetches its object, Raw
	// included. Otherwise each item's Raw is its exact JSON, a slice of the
	// page's body, which the items hold once between them. It is not sent.
	OmitRaw bool
}

// IsFirst reports whether the options ask for a list's first page.
func (o ListOptions) IsFirst() bool { return o.Skip == 0 && o.Cursor == "" }

// errCursorOnOffsetList and errSkipOnCursorList catch options meant for the
// other kind of list before any request is made.
var (
	errCursorOnOffsetList = errors.New("hyperline: this list pages by skip, not by cursor")
	errSkipOnCursorList   = errors.New("hyperline: this list pages by cursor, not by skip")
)

// validate rejects a page size the API refuses (limit is 1 to 100, take 0
// to 100) before any request is made.
func (o ListOptions) validate() error {
	if o.Take < 0 || o.Take > MaxTake {
		return fmt.Errorf("hyperline: take must be between 0 and %d, got %d", MaxTake, o.Take)
	}
	if o.Skip < 0 {
		return fmt.Errorf("hyperline: skip must not be negative, got %d", o.Skip)
	}
	return nil
}

// offsetValues encodes take and skip; zero values are left to the server's
// defaults.
func (o ListOptions) offsetValues() (url.Values, error) {
	if o.Cursor != "" {
		return nil, errCursorOnOffsetList
	}
	q := url.Values{}
	if o.Take > 0 {
		q.Set("take", strconv.Itoa(o.Take))
	}
	if o.Skip > 0 {
		q.Set("skip", strconv.Itoa(o.Skip))
	}
	return q, nil
}

// cursorValues encodes limit, cursor and include_total.
func (o ListOptions) cursorValues() (url.Values, error) {
	if o.Skip != 0 {
		return nil, errSkipOnCursorList
	}
	q := url.Values{}
	if o.Take > 0 {
		q.Set("limit", strconv.Itoa(o.Take))
	}
	if o.Cursor != "" {
		q.Set("cursor", o.Cursor)
	}
	if o.WithTotal {
		q.Set("include_total", "true")
	}
	return q, nil
}

// Meta is the paging numbers of a list response: the "meta" object of an
// offset list, or the total a cursor list sends with include_total.
type Meta struct {
	// Total is the number of items matching the query (0 on a cursor page
	// that was not asked for it; see Page.HasTotal).
	Total int `json:"total"`
	// Taken is the number of items in this page (offset lists); an empty
	// page may echo the requested take instead of 0, so it is not used to
	// decide anything.
	Taken int `json:"taken"`
	// Skipped is the offset used (offset lists).
	Skipped int `json:"skipped"`
}

// Page is one page of a list, with what is needed to ask for the next one.
type Page[T any] struct {
	// Items are the page's items, after the client-side filter check.
	Items []T
	// Meta is the page's paging numbers as the server sent them.
	Meta Meta
	// NextCursor is a cursor list's next_cursor ("" when null or on an
	// offset list).
	NextCursor string
	// Dropped counts items the server sent that did not match the filters
	// asked for (the API silently ignores filters it does not know; see the
	// List* methods). They still count for paging.
	Dropped int

	// Set by the client: what was asked and what came back before the
	// client-side check. Hand-built pages (known == false) fall back to Meta.
	known    bool
	cursor   bool // a cursor list's page
	hasMore  bool // a cursor page's has_more
	take     int
	skip     int
	received int
	hasTotal bool
	omitRaw  bool
}

// HasTotal reports whether Meta.Total is the list's total: always on an
// offset page with a meta object, only when asked (WithTotal) on a cursor
// page.
func (p *Page[T]) HasTotal() bool { return p != nil && (p.hasTotal || !p.known) }

// HasMore reports whether another page may follow.
//
// A cursor page has more when it says has_more and gives a next_cursor
// (Not documented: has_more without a cursor; nothing could fetch it, so
// the list ends). An offset page never trusts Meta.Taken (an empty page may
// echo the requested take): it stops on an empty page, on a page shorter
// than the take asked for, and once skip + items reaches the total.
func (p *Page[T]) HasMore() bool {
	if p == nil {
		return false
	}
	if p.cursor {
		return p.hasMore && p.NextCursor != ""
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
	if hasTotal && skip+received >= p.Meta.Total {
		return false
	}
	return true
}

// NextSkip is the skip of an offset list's next page: this page's skip plus
// the number of items the server sent (including any the client-side check
// dropped). It is 0 on a cursor page.
func (p *Page[T]) NextSkip() int {
	if p == nil || p.cursor {
		return 0
	}
	if p.known {
		return p.skip + p.received
	}
	return p.Meta.Skipped + len(p.Items) + p.Dropped
}

// NextOptions returns the options that fetch the next page with the same
// size: the next skip, or the next cursor.
func (p *Page[T]) NextOptions() ListOptions {
	take, omitRaw := 0, false
	if p != nil && p.known {
		take, omitRaw = p.take, p.omitRaw
	}
	if p != nil && p.cursor {
		return ListOptions{Take: take, Cursor: p.NextCursor, OmitRaw: omitRaw}
	}
	return ListOptions{Take: take, Skip: p.NextSkip(), OmitRaw: omitRaw}
}
