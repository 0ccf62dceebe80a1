package ui

import (
	"context"
	"strings"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
	"github.com/hyperline-tui/hlx/hyperline/filter"
	"github.com/hyperline-tui/hlx/ui/table"
)

// invoicesSpec is the invoices tab: number, customer, status, total and
// amount due in the invoice's currency, issue and due dates, and id. When
// the width is short, support's priority decides what stays: number,
// status, customer, amount due, due, issued; the total, then the id (one
// `y` away) go first.
func invoicesSpec() listSpec[hyperline.Invoice] {
	return listSpec[hyperline.Invoice]{
		kind:     kindInvoice,
		title:    "Invoices",
		short:    "Inv",
		url:      invoicePage,
		label:    func(inv hyperline.Invoice) string { return inv.Number },
		download: downloadInvoice,
		columns: []table.Column{
			{Title: "Number", Width: 9, Priority: 100},
			{Title: "Customer", Width: 10, Ideal: 24, Flex: 1, Priority: 90},
			{Title: "Status", Width: 14, Ideal: 17, Priority: 95},
			{Title: "Total", Width: 13, Align: table.AlignRight, Priority: 60},
			{Title: "Amount due", Width: 13, Align: table.AlignRight, Priority: 85},
			{Title: "Issued", Width: dateWidth, Priority: 70},
			{Title: "Due", Width: dateWidth, Priority: 80},
			{Title: "ID", Width: 19, Priority: 30, Spare: true},
		},
		id:           func(inv hyperline.Invoice) string { return inv.ID },
		row:          invoiceRow,
		exportWriter: exportWritersAt(export.InvoiceColumns, export.InvoiceRaw),
		load:         loadInvoices,
		// The API searches invoices by number only: a query with a digit
		// goes to the server, a name filters the loaded rows.
		serverSearch: func(q string) bool { return strings.ContainsAny(q, "0123456789") },
		searchSays:   "numbers contain",
		terms:        filter.Keys(filter.Invoices),
		sorts: []sortChoice{
			{"created ↓", hyperline.Sort{Field: hyperline.SortCreatedAt, Order: hyperline.Descending}},
			{"created ↑", hyperline.Sort{Field: hyperline.SortCreatedAt, Order: hyperline.Ascending}},
			{"issued ↓", hyperline.Sort{Field: hyperline.SortEmittedAt, Order: hyperline.Descending}},
			{"issued ↑", hyperline.Sort{Field: hyperline.SortEmittedAt, Order: hyperline.Ascending}},
		},
	}
}

func invoiceRow(f formatter, now time.Time, inv hyperline.Invoice, _ map[string]string) table.Row {
	number := inv.Number
	if number == "" {
		number = "—"
	}
	customer := inv.Customer.Name
	if customer == "" {
		customer = inv.Customer.ID
	}
	due := table.Cell{Text: f.relDate(inv.DueAt, now)}
	if inv.Overdue(now) {
		due.Tone = table.ToneBad
	}
	return table.Row{ID: inv.ID, Cells: []table.Cell{
		{Text: number},
		{Text: customer},
		invoiceStatusCell(inv.Status),
		{Text: f.money(inv.TotalAmount, inv.Currency)},
		{Text: f.money(inv.AmountDue, inv.Currency)},
		{Text: f.relDate(inv.IssuedAt, now)},
		due,
		{Text: inv.ID, Tone: table.ToneMuted},
	}}
}

// loadInvoices fetches one page of invoices (see invoiceListOptions).
func loadInvoices(ctx context.Context, data Data, companyID string, req pageRequest) (*hyperline.Page[hyperline.Invoice], error) {
	return data.Invoices(ctx, companyID, invoiceListOptions(req))
}
