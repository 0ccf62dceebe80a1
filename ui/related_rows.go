package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
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
	amount, when := "—", "—"
	if s.NextPaymentAt != nil {
		amount = f.money(s.NextPaymentAmount, s.Currency)
		when = "pays " + f.relDate(s.NextPaymentAt, now)
	}
	if r := ticket.RenewalDate(s); r != nil {
		when = "renews " + f.relDate(r, now)
	}
	return table.Row{ID: s.ID, Cells: []table.Cell{
		{Text: "subscription", Tone: table.ToneInfo},
		{Text: subscriptionLabel(s)},
		subscriptionStatusCell(s.Status),
		{Text: amount},
		{Text: when},
		{Text: s.ID, Tone: table.ToneMuted},
	}}, relatedRef{kind: kindSubscription, id: s.ID, item: s}
}

func relatedInvoiceRow(f formatter, now time.Time, inv hyperline.Invoice) (table.Row, relatedRef) {
	kind, when := "invoice", "due "+f.relDate(inv.DueAt, now)
	if inv.Type == hyperline.InvoiceTypeCreditNote {
		kind, when = "credit note", "issued "+f.relDate(inv.IssuedAt, now)
	}
	return table.Row{ID: inv.ID, Cells: []table.Cell{
		{Text: kind},
		{Text: inv.Number},
		invoiceStatusCell(inv.Status),
		{Text: f.money(inv.TotalAmount, inv.Currency)},
		{Text: when},
		{Text: inv.ID, Tone: table.ToneMuted},
	}}, relatedRef{kind: kindInvoice, id: inv.ID, item: inv}
}

// paymentRows are an invoice's transactions, newest first as the API
// lists them: how it was paid ("American Express •••• 1005", brand and
// full last four), the status with the reason of a failure in plain
// words, the amount and the date; enter opens one.
func paymentRows(f formatter, now time.Time, txs []hyperline.Transaction) ([]table.Row, []relatedRef) {
	rows, refs := make([]table.Row, len(txs)), make([]relatedRef, len(txs))
	for i, t := range txs {
		status := transactionStatusCell(t)
		verb := "on"
		switch t.Status {
		case hyperline.TransactionFailed:
			status.Text, verb = "✗ "+t.FailureReason(), "failed"
		case hyperline.TransactionSettled:
			verb = "paid"
		case hyperline.TransactionScheduled, hyperline.TransactionToProcess:
			verb = "due"
		}
		if t.Type == "refund" {
			verb = "refunded"
		}
		when := transactionDate(t)
		id := "tx:" + t.ID
		rows[i] = table.Row{ID: id, Cells: []table.Cell{
			{Text: transactionKind(t), Tone: table.ToneInfo},
			{Text: t.MethodLabel()},
			status,
			{Text: f.money(t.Amount, t.Currency)},
			{Text: verb + " " + f.relDate(when, now)},
			{Text: t.ID, Tone: table.ToneMuted},
		}}
		refs[i] = relatedRef{kind: kindTransaction, id: id, item: t}
	}
	return rows, refs
}
