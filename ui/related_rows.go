package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// The related lists of a customer (its subscriptions and invoices) and of
// an invoice (its payments and credit notes): what they load and how each
// object becomes a row.

// Sections of a customer's related list, and of an invoice's.
const (
	sectionSubscriptions = 0
	sectionInvoices      = 1
	sectionPayments      = 0
	sectionCreditNotes   = 1
)

// loadCustomerRelated asks for the customer's subscriptions (of every
// status) and invoices.
func loadCustomerRelated(c *common, sc scope, r *relatedList, customerID string) tea.Cmd {
	data, company := c.data, sc.company.ID
	subsOpts := hyperline.SubscriptionListOptions{ListOptions: hyperline.ListOptions{Take: pageSize},
		Status: []hyperline.SubscriptionStatus{hyperline.StatusAny}, CustomerID: customerID}
	invOpts := hyperline.InvoiceListOptions{ListOptions: hyperline.ListOptions{Take: pageSize, WithTotal: true},
		Status: []string{hyperline.InvoiceFilterAll}, CustomerID: customerID}
	return tea.Batch(
		loadFirstPage(sc.ctx, c.timeout, company, r.start(c, sectionSubscriptions),
			func(ctx context.Context) (*hyperline.Page[hyperline.Subscription], error) {
				return data.Subscriptions(ctx, company, subsOpts)
			},
			func(s hyperline.Subscription) bool { return s.CustomerID == customerID }, relatedSubscriptionRow),
		loadFirstPage(sc.ctx, c.timeout, company, r.start(c, sectionInvoices),
			func(ctx context.Context) (*hyperline.Page[hyperline.Invoice], error) {
				return data.Invoices(ctx, company, invOpts)
			},
			func(inv hyperline.Invoice) bool { return inv.Customer.ID == customerID }, relatedInvoiceRow))
}

// loadCreditNotes asks for the credit notes issued against an invoice.
func loadCreditNotes(c *common, sc scope, r *relatedList, invoiceID string) tea.Cmd {
	data, company := c.data, sc.company.ID
	opts := hyperline.InvoiceListOptions{ListOptions: hyperline.ListOptions{Take: pageSize},
		Status: []string{hyperline.InvoiceFilterAll}, OriginalInvoiceID: invoiceID}
	return loadFirstPage(sc.ctx, c.timeout, company, r.start(c, sectionCreditNotes),
		func(ctx context.Context) (*hyperline.Page[hyperline.Invoice], error) {
			return data.Invoices(ctx, company, opts)
		},
		func(inv hyperline.Invoice) bool {
			return inv.OriginalInvoiceID != nil && *inv.OriginalInvoiceID == invoiceID && inv.ID != invoiceID
		}, relatedInvoiceRow)
}

func relatedSubscriptionRow(f formatter, now time.Time, s hyperline.Subscription) (table.Row, relatedRef) {
	amount := "—"
	if s.NextPaymentAt != nil {
		amount = f.money(s.NextPaymentAmount, s.Currency)
	}
	return table.Row{ID: s.ID, Cells: []table.Cell{
		{Text: "subscription", Tone: table.ToneInfo},
		{Text: subscriptionLabel(s)},
		subscriptionStatusCell(s.Status),
		{Text: amount},
		{Text: labelledDate("next", f.relDate(s.NextPaymentAt, now))},
		{Text: s.ID, Tone: table.ToneMuted},
	}}, relatedRef{kind: kindSubscription, id: s.ID, item: s}
}

func relatedInvoiceRow(f formatter, now time.Time, inv hyperline.Invoice) (table.Row, relatedRef) {
	kind := "invoice"
	if inv.Type == hyperline.InvoiceTypeCreditNote {
		kind = "credit note"
	}
	return table.Row{ID: inv.ID, Cells: []table.Cell{
		{Text: kind},
		{Text: inv.Number},
		invoiceStatusCell(inv.Status),
		{Text: f.money(inv.TotalAmount, inv.Currency)},
		{Text: labelledDate("due", f.relDate(inv.DueAt, now))},
		{Text: inv.ID, Tone: table.ToneMuted},
	}}, relatedRef{kind: kindInvoice, id: inv.ID, item: inv}
}

// whenWidth is the width of a labelled date: "next 30 days ago".
const whenWidth = 6 + dateWidth

// labelledDate is a date that says what it is ("due in 3 days"), for a
// column whose rows are of several kinds; "—" stays alone.
func labelledDate(label, date string) string {
	if date == "—" {
		return date
	}
	return label + " " + date
}

// transactionDateLabel names transactionDate: when the money moved, or
// when it was tried or is planned to.
func transactionDateLabel(t hyperline.Transaction) string {
	switch {
	case t.SettledAt != nil && transactionKind(t) == "payment":
		return "paid"
	case t.SettledAt == nil && t.Status == hyperline.TransactionFailed:
		return "tried"
	}
	return "on"
}

// paymentRows are an invoice's transactions, newest first as the API
// lists them: how it was paid ("Visa •••• 4242"), the status with the
// reason of a failure in plain words, the amount and the date; enter
// opens one, y copies its id.
func paymentRows(f formatter, now time.Time, txs []hyperline.Transaction) ([]table.Row, []relatedRef) {
	rows, refs := make([]table.Row, len(txs)), make([]relatedRef, len(txs))
	for i, t := range txs {
		status := transactionStatusCell(t)
		if t.Status == hyperline.TransactionFailed {
			status.Text = "✗ " + t.FailureReason()
		}
		when := transactionDate(t)
		refs[i] = relatedRef{kind: kindTransaction, id: t.ID, item: t}
		rows[i] = table.Row{ID: "tx:" + t.ID, Cells: []table.Cell{
			{Text: transactionKind(t), Tone: table.ToneInfo},
			{Text: t.MethodLabel()},
			status,
			{Text: f.money(t.Amount, t.Currency)},
			{Text: labelledDate(transactionDateLabel(t), f.relDate(when, now))},
			{Text: t.ID, Tone: table.ToneMuted},
		}}
	}
	return rows, refs
}
