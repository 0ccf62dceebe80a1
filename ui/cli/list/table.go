package list

import (
	"errors"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// tableColumn is one column of `hlx list`'s table. Widths are fixed, not
// measured, so that rows can be printed as pages arrive.
type tableColumn[T any] struct {
	title string
	// width is the column's width in terminal cells. A longer value
	// overflows it unless truncate is set (IDs are never cut: they are what
	// support copies).
	width    int
	truncate bool
	right    bool
	value    func(T) string
}

// table writes rows of T under a header; it is an export.Writer.
type table[T any] struct {
	w       io.Writer
	cols    []tableColumn[T]
	started bool
	closed  bool
}

func newTable[T any](w io.Writer, cols []tableColumn[T]) *table[T] {
	return &table[T]{w: w, cols: cols}
}

// Write prints the header before the first row, then one row.
func (t *table[T]) Write(item T) error {
	if t.closed {
		return errors.New("write to a closed table")
	}
	if err := t.header(); err != nil {
		return err
	}
	cells := make([]string, len(t.cols))
	for i, c := range t.cols {
		cells[i] = termsafe.Line(c.value(item))
	}
	return t.row(cells)
}

// Close prints the header if no row came.
func (t *table[T]) Close() error {
	t.closed = true
	return t.header()
}

func (t *table[T]) header() error {
	if t.started {
		return nil
	}
	t.started = true
	titles := make([]string, len(t.cols))
	for i, c := range t.cols {
		titles[i] = c.title
	}
	return t.row(titles)
}

func (t *table[T]) row(cells []string) error {
	var b strings.Builder
	for i, c := range t.cols {
		v := cells[i]
		if c.truncate && ansi.StringWidth(v) > c.width {
			v = ansi.Truncate(v, c.width, "…")
		}
		if i > 0 {
			b.WriteString("  ")
		}
		last := i == len(t.cols)-1
		switch {
		case c.right:
			b.WriteString(cmdutil.PadLeft(v, c.width))
		case last:
			b.WriteString(v)
		default:
			b.WriteString(cmdutil.PadRight(v, c.width))
		}
	}
	b.WriteByte('\n')
	_, err := io.WriteString(t.w, b.String())
	return err
}

// day is t's date at UTC, "" for null.
func day(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// idWidth fits Hyperline's IDs ("cus_Typ0px2W0aiEtl").
const idWidth = 18

func customerTable() []tableColumn[hyperline.Customer] {
	type c = hyperline.Customer
	return []tableColumn[c]{
		{title: "ID", width: idWidth, value: func(c c) string { return c.ID }},
		{title: "NAME", width: 28, truncate: true, value: func(c c) string { return c.Name }},
		{title: "STATUS", width: 8, value: func(c c) string { return hyperline.CustomerStatusText(c.Status) }},
		{title: "CUR", width: 3, value: func(c c) string { return c.Currency }},
		{title: "BILLING EMAIL", width: 30, truncate: true, value: func(c c) string { return deref(c.BillingEmail) }},
		{title: "CREATED", width: 10, value: func(c c) string { return day(&c.CreatedAt) }},
	}
}

func subscriptionTable() []tableColumn[hyperline.Subscription] {
	type s = hyperline.Subscription
	return []tableColumn[s]{
		{title: "ID", width: idWidth, value: func(s s) string { return s.ID }},
		{title: "CUSTOMER", width: idWidth, value: func(s s) string { return s.CustomerID }},
		{title: "NAME", width: 24, truncate: true, value: func(s s) string { return s.Name }},
		{title: "STATUS", width: 16, value: func(s s) string { return s.Status.Text() }},
		{title: "NEXT PAYMENT", width: 16, right: true, value: func(s s) string {
			if s.NextPaymentAt == nil {
				return ""
			}
			return s.NextPayment().String()
		}},
		{title: "ON", width: 10, value: func(s s) string { return day(s.NextPaymentAt) }},
		{title: "CREATED", width: 10, value: func(s s) string { return day(&s.CreatedAt) }},
	}
}

func invoiceTable() []tableColumn[hyperline.Invoice] {
	type i = hyperline.Invoice
	return []tableColumn[i]{
		{title: "ID", width: idWidth, value: func(i i) string { return i.ID }},
		{title: "NUMBER", width: 12, value: func(i i) string { return i.Number }},
		{title: "STATUS", width: 22, value: func(i i) string { return i.Status.Text() }},
		{title: "CUSTOMER", width: 24, truncate: true, value: func(i i) string { return i.Customer.Name }},
		{title: "TOTAL", width: 16, right: true, value: func(i i) string { return i.Total().String() }},
		{title: "DUE", width: 16, right: true, value: func(i i) string { return i.Due().String() }},
		{title: "ISSUED", width: 10, value: func(i i) string { return day(i.IssuedAt) }},
	}
}

// deref is *s, or "" for null.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
