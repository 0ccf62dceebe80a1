package ui

import (
	"context"
	"fmt"
	"net/url"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline/lookup"
)

// objectKind is the type of Hyperline object a row or detail shows.
type objectKind int

// The kinds of object, one row each in kindTable.
const (
	kindCustomer objectKind = iota
	kindSubscription
	kindInvoice
	kindTransaction
	kindCount
)

// kindSpec is everything the screens know about one kind of object, so a
// new kind is one row of kindTable (the registrar k9s keeps of its
// resources) instead of a case in every screen.
type kindSpec struct {
	noun string // singular, for titles and messages: "invoice"
	// lookup is what the go-to prompt calls this kind ("" for none).
	lookup lookup.Kind
	// dashboardPath is the kind's path in the Hyperline web app, before
	// the object's id; "" when it is not documented.
	dashboardPath string
	// get fetches one object (a *hyperline.Customer, ...); nil: the kind
	// has no object of its own to fetch.
	get func(ctx context.Context, data Data, companyID, id string) (any, error)
	// related builds the detail's related list; nil: the detail has none.
	related func(c *common) relatedList
	// loadMore asks for what the detail shows beside the object (related
	// rows, extra fields) each time it (re)loads.
	loadMore func(m *detailModel) tea.Cmd
	// open builds the screen that shows one object; nil: the detail.
	open func(c *common, sc scope, id string, item any) (screen, tea.Cmd)
}

// kindTable is the kinds' specs, indexed by kind.
func kindTable() [kindCount]kindSpec {
	return [kindCount]kindSpec{
		kindCustomer: {
			noun:          "customer",
			lookup:        lookup.KindCustomer,
			dashboardPath: "/app/customers/",
			get: func(ctx context.Context, data Data, companyID, id string) (any, error) {
				return data.Customer(ctx, companyID, id)
			},
			related: func(c *common) relatedList {
				return newRelated(c, "Subscriptions and invoices", "No subscriptions or invoices.", "subscriptions", "invoices")
			},
			// The object, its subscriptions and invoices, and the ticket's
			// own parts: ticket.Requests() requests, all sent at once.
			loadMore: func(m *detailModel) tea.Cmd {
				m.focusRelated = true
				return tea.Batch(append([]tea.Cmd{loadCustomerRelated(m.c, m.sc, &m.related, m.id)}, m.startTicket()...)...)
			},
		},
		// Not documented: the dashboard paths of subscriptions and invoices.
		// Guessing would open wrong pages, so `o` is disabled for them.
		kindSubscription: {
			noun:   "subscription",
			lookup: lookup.KindSubscription,
			get: func(ctx context.Context, data Data, companyID, id string) (any, error) {
				return data.Subscription(ctx, companyID, id)
			},
			// The customer's name, when the subscription (from a list) is
			// already known: sent with the object's request.
			loadMore: func(m *detailModel) tea.Cmd { return m.loadSubscriptionCustomer() },
		},
		kindInvoice: {
			noun:   "invoice",
			lookup: lookup.KindInvoice,
			get: func(ctx context.Context, data Data, companyID, id string) (any, error) {
				return data.Invoice(ctx, companyID, id)
			},
			related: func(c *common) relatedList {
				return newRelated(c, "Payments and credit notes", "No payments or credit notes.", "payments", "credit notes")
			},
			loadMore: func(m *detailModel) tea.Cmd {
				return loadCreditNotes(m.c, m.sc, &m.related, m.id)
			},
		},
		// A transaction row of the transactions tab opens the invoice it
		// went to (transactionsSpec); a payment row of an invoice opens
		// the payment.
		kindTransaction: {
			noun: "transaction",
			get: func(ctx context.Context, data Data, companyID, id string) (any, error) {
				return data.Transaction(ctx, companyID, id)
			},
		},
	}
}

// spec is the kind's row of kindTable.
func (k objectKind) spec() kindSpec {
	if k < 0 || k >= kindCount {
		return kindSpec{noun: "object"}
	}
	return kindTable()[k]
}

// String is the singular noun, for titles and messages.
func (k objectKind) String() string { return k.spec().noun }

// kindOfLookup is the kind the go-to prompt's lookup kind names.
func kindOfLookup(lk lookup.Kind) (objectKind, bool) {
	for k, spec := range kindTable() {
		if spec.lookup != "" && spec.lookup == lk {
			return objectKind(k), true
		}
	}
	return 0, false
}

// getObject fetches one object of kind k.
func (k objectKind) getObject(ctx context.Context, data Data, companyID, id string) (any, error) {
	get := k.spec().get
	if get == nil {
		return nil, fmt.Errorf("a %s has no page of its own", k)
	}
	return get(ctx, data, companyID, id)
}

// dashboardURL is the page of an object in the Hyperline web app, or "" when
// no URL is known.
func (e Environment) dashboardURL(kind objectKind, id string) string {
	path := kind.spec().dashboardPath
	if e.Dashboard == "" || id == "" || path == "" {
		return ""
	}
	return e.Dashboard + path + url.PathEscape(id)
}
