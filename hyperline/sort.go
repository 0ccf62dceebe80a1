package hyperline

import (
	"fmt"
	"net/url"
)

// Order is a list's sort direction (the order parameter; the API's
// default is Descending).
type Order string

// Sort directions.
const (
	Ascending  Order = "asc"
	Descending Order = "desc"
)

// Sort fields the lists take (the sort parameter): customers sort by
// SortCreatedAt or SortUpdatedAt, invoices by SortCreatedAt or
// SortEmittedAt.
const (
	SortCreatedAt = "created_at"
	SortUpdatedAt = "updated_at"
	SortEmittedAt = "emitted_at"
)

// Sort is a list's order: a field and a direction. The zero value leaves
// both to the server (newest first).
type Sort struct {
	Field string
	Order Order
}

// set encodes the sort, checking the field against those the list takes.
func (s Sort) set(q url.Values, fields ...string) error {
	if s.Field != "" {
		ok := false
		for _, f := range fields {
			ok = ok || f == s.Field
		}
		if !ok {
			return fmt.Errorf("cannot sort by %q (only %v)", s.Field, fields)
		}
		q.Set("sort", s.Field)
	}
	switch s.Order {
	case "":
	case Ascending, Descending:
		q.Set("order", string(s.Order))
	default:
		return fmt.Errorf("order must be asc or desc, got %q", s.Order)
	}
	return nil
}
