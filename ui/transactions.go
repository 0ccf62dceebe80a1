package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
	"github.com/hyperline-tui/hlx/ui/table"
)

// transactionsSpec is the transactions tab: every payment, refund and
// chargeback of the company, failed attempts included ("was this card
// charged twice?"): status, type, customer, the invoice it went to (by
// number; enter opens it), how it was paid, why it failed, amount and
// date; at 80 columns the invoice and the method give way (enter opens
// the invoice, whose payments say how it was paid). The API lists transactions by take/skip only, with no filter and
// no documented order, so the filter line filters the loaded rows (and
// says so) and the header says the order is the API's: sorting the loaded
// pages by date would put a later page's older rows out of place.
func transactionsSpec() listSpec[hyperline.ListedTransaction] {
	return listSpec[hyperline.ListedTransaction]{
		kind:     kindTransaction,
		title:    "Transactions",
		short:    "Tx",
		openHelp: "open invoice",
		columns: []table.Column{
			{Title: "Status", Width: 9, Priority: 100},
			{Title: "Type", Width: 10, Priority: 50, Spare: true}, // mostly "payment"
			{Title: "Customer", Width: 10, Ideal: 22, Flex: 2, Priority: 94},
			{Title: "Invoice", Width: 9, Priority: 80},
			{Title: "Payment method", Width: 14, Ideal: 20, Flex: 1, Priority: 70},
			{Title: "Failure", Width: 18, Priority: 92},
			{Title: "Amount", Width: 13, Align: table.AlignRight, Priority: 95},
			{Title: "Date", Width: dateWidth, Priority: 85},
			{Title: "ID", Width: 19, Priority: 30, Spare: true},
		},
		id: func(t hyperline.ListedTransaction) string { return t.ID },
		customerIDs: func(t hyperline.ListedTransaction) []string {
			if t.InvoiceID() != "" {
				return nil // the invoice's look-up brings the name
			}
			return []string{t.CustomerID}
		},
		invoiceIDs:   func(t hyperline.ListedTransaction) []string { return []string{t.InvoiceID()} },
		order:        "in API order", // short enough for the header at 80 columns
		row:          transactionRow,
		exportWriter: exportWriters(export.TransactionColumns, export.TransactionRaw),
		load:         loadTransactions,
		open:         openTransactionInvoice,
	}
}

func transactionRow(f formatter, now time.Time, t hyperline.ListedTransaction, names map[string]string) table.Row {
	failure := table.Cell{Text: "—", Tone: table.ToneMuted}
	if r := t.FailureReason(); r != "" {
		failure = table.Cell{Text: r, Tone: table.ToneBad}
	}
	return table.Row{ID: t.ID, Cells: []table.Cell{
		transactionStatusCell(t.Transaction),
		{Text: transactionKind(t.Transaction), Tone: table.ToneInfo},
		named(names, t.CustomerID),
		named(names, t.InvoiceID()),
		{Text: t.MethodLabel()},
		failure,
		{Text: f.money(t.Amount, t.Currency)},
		{Text: f.relDate(transactionDate(t.Transaction), now)},
		{Text: t.ID, Tone: table.ToneMuted},
	}}
}

// named is the name (or number) looked up for id, the id itself until it
// arrives (muted, it reads as a placeholder), "—" for none.
func named(names map[string]string, id string) table.Cell {
	switch {
	case id == "":
		return table.Cell{Text: "—", Tone: table.ToneMuted}
	case names[id] != "":
		return table.Cell{Text: names[id]}
	}
	return table.Cell{Text: id, Tone: table.ToneMuted}
}

// transactionKind is a transaction's type as support says it: payment,
// refund or chargeback.
func transactionKind(t hyperline.Transaction) string {
	switch t.Type {
	case "refund", "chargeback":
		return t.Type
	}
	return "payment"
}

// transactionStatusCell is a transaction's status in a word and a tone.
func transactionStatusCell(t hyperline.Transaction) table.Cell {
	status := table.Cell{Text: statusWord(t.Status)}
	switch t.Status {
	case hyperline.TransactionSettled:
		status.Tone = table.ToneGood
	case hyperline.TransactionFailed:
		status.Tone = table.ToneBad
	case hyperline.TransactionPending, hyperline.TransactionToProcess, hyperline.TransactionScheduled:
		status.Tone = table.ToneInfo
	case hyperline.TransactionCancelled:
		status.Tone = table.ToneMuted
	}
	return status
}

// transactionDate is when the money moved, else when it was to.
func transactionDate(t hyperline.Transaction) *time.Time {
	if t.SettledAt != nil {
		return t.SettledAt
	}
	return t.ProcessAt
}

// loadTransactions fetches one page of the company's transactions.
func loadTransactions(ctx context.Context, data Data, companyID string, req pageRequest) (*hyperline.Page[hyperline.ListedTransaction], error) {
	return data.Transactions(ctx, companyID, req.page)
}

// openFoundMsg opens an object a command found for a company.
type openFoundMsg struct {
	resultTag
	openDetailMsg
}

// txInvoiceSearchPages bounds the pages of a customer's invoices read to
// find the invoice of a transaction that names none.
const txInvoiceSearchPages = 5

// openTransactionInvoice opens the invoice a transaction went to. A
// settled one names it (allocations); one that moved no money (a failed
// attempt) does not, so the customer's invoices are read for the one
// whose payments hold it.
func openTransactionInvoice(ctx context.Context, c *common, companyID string, t hyperline.ListedTransaction) tea.Cmd {
	if id := t.InvoiceID(); id != "" {
		return c.navigate(openDetailMsg{kind: kindInvoice, id: id})
	}
	if t.CustomerID == "" {
		return emit(noticeMsg("This transaction names no invoice and no customer."))
	}
	data, timeout, txID, customerID := c.data, c.timeout, t.ID, t.CustomerID
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		opts := hyperline.InvoiceListOptions{ListOptions: hyperline.ListOptions{Take: pageSize},
			Status: []string{hyperline.InvoiceFilterAll}, CustomerID: customerID}
		for range txInvoiceSearchPages {
			p, err := data.Invoices(rctx, companyID, opts)
			if err != nil {
				return errMsg{what: "find the transaction's invoice", err: err}
			}
			for _, inv := range p.Items {
				for _, pt := range inv.Transactions {
					if pt.ID == txID {
						return openFoundMsg{resultTag: resultTag{company: companyID},
							openDetailMsg: openDetailMsg{kind: kindInvoice, id: inv.ID, item: inv}}
					}
				}
			}
			if !p.HasMore() {
				break
			}
			opts.ListOptions = p.NextOptions()
		}
		return noticeMsg("No invoice of " + customerID + " holds " + txID + ".")
	}
}
