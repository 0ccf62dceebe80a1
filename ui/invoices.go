package ui

import (
	"context"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// invoicesSpec is the invoices tab: number, customer, status, total and
// amount due in the invoice's currency, emission and due dates, and id.
func invoicesSpec() listSpec[hyperline.Invoice] {
	return listSpec[hyperline.Invoice]{
		kind:  kindInvoice,
		title: "Invoices",
		columns: []table.Column{
			{Title: "Number", Width: 9, Priority: 100},
			{Title: "Customer", Width: 12, Flex: 1, Priority: 90},
			{Title: "Status", Width: 14, Priority: 95},
			{Title: "Total", Width: 13, Align: table.AlignRight, Priority: 80},
			{Title: "Due amount", Width: 13, Align: table.AlignRight, Priority: 70},
			{Title: "Emitted", Width: 10, Priority: 45},
			{Title: "Due", Width: 11, Priority: 60},
			{Title: "ID", Width: 19, Priority: 30},
		},
		id:   func(inv hyperline.Invoice) string { return inv.ID },
		row:  invoiceRow,
		load: loadInvoices,
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
	if inv.AmountDue > 0 && inv.DueAt != nil && inv.DueAt.Before(now) {
		due.Tone = table.ToneBad // overdue and still owed
	}
	return table.Row{ID: inv.ID, Cells: []table.Cell{
		{Text: number},
		{Text: customer},
		invoiceStatusCell(inv.Status),
		{Text: f.money(inv.TotalAmount, inv.Currency)},
		{Text: f.money(inv.AmountDue, inv.Currency)},
		{Text: f.date(inv.EmittedAt)},
		due,
		{Text: inv.ID, Tone: table.ToneMuted},
	}}
}

// loadInvoices fetches one page of invoices.
func loadInvoices(ctx context.Context, data Data, companyID, _ string, opts hyperline.ListOptions) (*hyperline.Page[hyperline.Invoice], map[string]string, error) {
	page, err := data.Invoices(ctx, companyID, hyperline.InvoiceListOptions{ListOptions: opts})
	return page, nil, err
}
