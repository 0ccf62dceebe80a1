package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// objectKind is the kind of object get and list read.
type objectKind int

const (
	kindCustomer objectKind = iota
	kindSubscription
	kindInvoice
)

// parseKind reads "customer", "subscription" or "invoice", singular or
// plural.
func parseKind(s string) (objectKind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "customer", "customers":
		return kindCustomer, nil
	case "subscription", "subscriptions":
		return kindSubscription, nil
	case "invoice", "invoices":
		return kindInvoice, nil
	case "":
		return 0, usageError(errors.New("name what to read: customer, subscription or invoice"))
	}
	return 0, usageError(fmt.Errorf("unknown object %q: want customer, subscription or invoice", s))
}

// String is the kind's name in messages ("customer").
func (k objectKind) String() string {
	return [...]string{"customer", "subscription", "invoice"}[k]
}

// plural is "customers", "subscriptions" or "invoices".
func (k objectKind) plural() string { return k.String() + "s" }

// notFound says which object of which company is missing.
func (k objectKind) notFound(id, company string, err error) error {
	if errors.Is(err, hyperline.ErrNotFound) {
		return fmt.Errorf("no %s %q in company %s: %w", k, id, company, err)
	}
	return err
}

// terminalSafe is an error whose message may quote the API (the message
// of an error body): Error passes it through termsafe.Line, since main
// prints it on a terminal.
type terminalSafe struct{ err error }

func (e terminalSafe) Error() string { return termsafe.Line(e.err.Error()) }
func (e terminalSafe) Unwrap() error { return e.err }

// fail gives a data command's error its exit code and a message safe to
// print.
func fail(err error) error {
	if err == nil {
		return nil
	}
	return coded(terminalSafe{err})
}
