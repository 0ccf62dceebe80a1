// Package export writes lists of customers, subscriptions and invoices to
// files and pipes, for support work done outside hlx: a CSV sheet with the
// columns support looks at (see CustomerColumns, SubscriptionColumns and
// InvoiceColumns), or a JSON array of the objects exactly as the API sent
// them.
//
// The writers stream: they take one item at a time (CSV.Write, JSON.Write)
// and hold none of them, so an export of thousands of pages needs no more
// memory than one page. WriteFile puts such an export in a file atomically.
//
// Everything in an export was typed by strangers. Two defences apply:
//
//   - CSV cells that came from the API are guarded against formula
//     injection (see CSV): a spreadsheet never runs a customer name.
//   - Output meant for a terminal (ForTerminal) goes through package
//     termsafe: CSV cells through termsafe.Line, JSON items through
//     termsafe.JSON, so that an escape sequence in a name is shown, not
//     obeyed. Files get the exact bytes instead.
package export

import (
	"encoding/json"

	"github.com/hyperline-tui/hlx/hyperline"
)

// Writer is what CSV and JSON have in common, for callers that pick the
// format at run time: Write adds one item, Close ends the document. Close
// does not close the underlying io.Writer.
type Writer[T any] interface {
	Write(item T) error
	Close() error
}

// Option changes how a writer formats its output.
type Option func(*options)

type options struct {
	terminal bool
}

// ForTerminal makes the output safe to show on a terminal (standard
// output, which may be one): CSV cells go through termsafe.Line, which
// also puts every cell on one line, and each JSON item is re-indented
// through termsafe.JSON, which writes control and invisible characters as
// \u escapes. The output stays valid CSV or JSON; only files should carry
// the exact bytes.
func ForTerminal() Option {
	return func(o *options) { o.terminal = true }
}

func buildOptions(opts []Option) options {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// CustomerRaw is the customer's JSON as the API sent it, for NewJSON.
func CustomerRaw(c hyperline.Customer) json.RawMessage { return c.Raw }

// SubscriptionRaw is the subscription's JSON as the API sent it, for NewJSON.
func SubscriptionRaw(s hyperline.Subscription) json.RawMessage { return s.Raw }

// InvoiceRaw is the invoice's JSON as the API sent it, for NewJSON.
func InvoiceRaw(inv hyperline.Invoice) json.RawMessage { return inv.Raw }
