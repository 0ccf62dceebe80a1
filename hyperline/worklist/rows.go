package worklist

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/filter"
)

// Row is one object a worklist found, labelled with its company, with the
// fields every kind can be sorted by.
type Row struct {
	// Company is the company the object lives in.
	Company hyperline.Company
	// ID is the object's id; Title what names it for a person (an
	// invoice's number, a customer's or subscription's name); Customer
	// an invoice's customer name, a subscription's customer id, a
	// customer's billing email.
	ID, Title, Customer string
	// Status is the object's status as the API spells it (a customer's
	// payment method type for a customer).
	Status string
	// Amount is an invoice's amount due or a subscription's next payment
	// (zero for a customer), in Currency.
	Amount   hyperline.Amount
	Currency string
	// Due is an invoice's due date or a subscription's next payment (nil
	// when unknown).
	Due *time.Time
	// Item is the object as listed: *hyperline.Invoice, *hyperline.Customer
	// or *hyperline.Subscription.
	Item any
}

// RowsPage is one page of a worklist in one company, as rows.
type RowsPage struct {
	// Rows are the page's objects.
	Rows []Row
	// Total is the list's total, when the page says it (HasTotal).
	Total    int
	HasTotal bool
	// More says another page follows; Next asks for it (by cursor or
	// skip, as the list pages).
	More bool
	Next hyperline.ListOptions
}

// FirstRows fetches the first page (up to take objects) of w in one
// company, as rows, and the list's total (include_total) so a screen can
// say how many more there are.
func FirstRows(ctx context.Context, src Source, co hyperline.Company, w Worklist, q filter.Query, take int) ([]Row, int, error) {
	p, err := Rows(ctx, src, co, w, q, hyperline.ListOptions{Take: take, WithTotal: true, OmitRaw: true})
	if err != nil {
		return nil, 0, err
	}
	if !p.HasTotal {
		if p.More {
			return nil, 0, errNoTotal
		}
		p.Total = len(p.Rows)
	}
	return p.Rows, p.Total, nil
}

// Rows fetches one page of w in one company: the first with page's take,
// or the next one with the Next of the page before. A 429 waits and asks
// again (patient).
func Rows(ctx context.Context, src Source, co hyperline.Company, w Worklist, q filter.Query, page hyperline.ListOptions) (RowsPage, error) {
	var out RowsPage
	err := patient(ctx, hyperline.SleepContext, func() error {
		out = RowsPage{}
		switch w.List {
		case filter.Customers:
			opts := filter.CustomerOptions(q)
			opts.ListOptions = page
			p, err := src.Customers(ctx, co.ID, opts)
			if err = pageOf(&out, p, err); err != nil {
				return err
			}
			for i := range p.Items {
				out.Rows = append(out.Rows, customerRow(co, &p.Items[i], q))
			}
		case filter.Subscriptions:
			opts := filter.SubscriptionOptions(q, "")
			opts.ListOptions = page
			opts.WithTotal = false // an offset list: its total always comes
			p, err := src.Subscriptions(ctx, co.ID, opts)
			if err = pageOf(&out, p, err); err != nil {
				return err
			}
			for i := range p.Items {
				s := &p.Items[i]
				out.Rows = append(out.Rows, Row{Company: co, ID: s.ID, Title: s.Name, Customer: s.CustomerID, Status: string(s.Status),
					Amount: s.NextPaymentAmount, Currency: s.Currency, Due: s.NextPaymentAt, Item: s})
			}
		case filter.Invoices:
			opts := filter.InvoiceOptions(q, "")
			opts.ListOptions = page
			p, err := src.Invoices(ctx, co.ID, opts)
			if err = pageOf(&out, p, err); err != nil {
				return err
			}
			for i := range p.Items {
				inv := &p.Items[i]
				out.Rows = append(out.Rows, Row{Company: co, ID: inv.ID, Title: inv.Number, Customer: inv.Customer.Name,
					Status: string(inv.Status), Amount: inv.AmountDue, Currency: inv.Currency, Due: inv.DueAt, Item: inv})
			}
		default:
			return fmt.Errorf("worklists do not take %s", w.List)
		}
		return nil
	})
	return out, err
}

// pageOf fills out's paging from p. A first page asked for its total
// that sends none is an error unless it is the whole list (see totalOf).
func pageOf[T any](out *RowsPage, p *hyperline.Page[T], err error) error {
	if err != nil {
		return err
	}
	out.HasTotal, out.More, out.Next = p.HasTotal(), p.HasMore(), p.NextOptions()
	if out.HasTotal {
		out.Total = p.Meta.Total
	}
	return nil
}

// customerRow is a customer as a row, its status what its payment
// method is: the status of a method that is not active when the list
// shows it, else the one payment_method value q asked for ("errored",
// "missing"), then the method's type: "errored · card".
func customerRow(co hyperline.Company, c *hyperline.Customer, q filter.Query) Row {
	var words []string
	if pm := c.PaymentMethod; pm != nil && pm.Status != "" && pm.Status != "active" {
		words = append(words, pm.Status)
	} else if t, ok := q.Term("payment_method"); ok && len(t.Values) == 1 &&
		(t.Values[0] == hyperline.PaymentMethodErrored || t.Values[0] == hyperline.PaymentMethodMissing) {
		words = append(words, t.Values[0])
	}
	if c.PaymentMethodType != nil {
		words = append(words, *c.PaymentMethodType)
	}
	status := strings.Join(words, " · ")
	email := ""
	if c.BillingEmail != nil {
		email = *c.BillingEmail
	}
	return Row{Company: co, ID: c.ID, Title: c.Name, Customer: email, Status: status, Currency: c.Currency, Item: c}
}

// SortKey is what merged rows are ordered by.
type SortKey int

// The orders of merged rows.
const (
	ByAmount  SortKey = iota // largest amount first, currency by currency
	ByDue                    // earliest due date first, unknown last
	ByCompany                // company name, then amount
)

// String names the order for a header: "amount".
func (k SortKey) String() string {
	return [...]string{"amount", "due date", "company"}[k]
}

// Next is the order after k, for a key that cycles through them.
func (k SortKey) Next() SortKey { return (k + 1) % 3 }

// Sort orders rows by k; ties keep company, then id order, so the order
// never depends on which company answered first.
func Sort(rows []Row, k SortKey) {
	slices.SortStableFunc(rows, func(a, b Row) int {
		var c int
		switch k {
		case ByAmount:
			c = compareAmount(a, b)
		case ByDue:
			c = compareDue(a.Due, b.Due)
		case ByCompany:
			c = strings.Compare(strings.ToLower(a.Company.Name), strings.ToLower(b.Company.Name))
			if c == 0 {
				c = compareAmount(a, b)
			}
		}
		if c != 0 {
			return c
		}
		if c = strings.Compare(a.Company.ID, b.Company.ID); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// compareAmount puts the largest amount first. Amounts in different
// currencies do not compare: rows are grouped by currency.
func compareAmount(a, b Row) int {
	if c := strings.Compare(a.Currency, b.Currency); c != 0 {
		return c
	}
	return cmp.Compare(b.Amount, a.Amount)
}

// compareDue puts earlier dates first and unknown ones last.
func compareDue(a, b *time.Time) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return a.Compare(*b)
}
