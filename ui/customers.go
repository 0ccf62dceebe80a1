package ui

import (
	"context"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
	"github.com/hyperline-tui/hlx/hyperline/filter"
	"github.com/hyperline-tui/hlx/ui/table"
)

// customersSpec is the customers tab: name, id, billing email, currency,
// status and creation date, newest first; the filter also asks the
// server's search (name, email, id, as far as the API searches), so it
// finds customers that are not loaded yet.
func customersSpec() listSpec[hyperline.Customer] {
	return listSpec[hyperline.Customer]{
		kind:  kindCustomer,
		title: "Customers",
		short: "Cust",
		columns: []table.Column{
			{Title: "Name", Width: 16, Ideal: 30, Flex: 3, Priority: 100},
			{Title: "ID", Width: 19, Priority: 60, Spare: true},
			{Title: "Billing email", Width: 16, Ideal: 36, Flex: 1, Priority: 70, Cut: table.CutEmail},
			{Title: "Currency", Width: 8, Priority: 50},
			{Title: "Status", Width: 8, Priority: 90},
			{Title: "Created", Width: dateWidth, Priority: 40},
		},
		id:           func(c hyperline.Customer) string { return c.ID },
		label:        func(c hyperline.Customer) string { return c.Name },
		row:          customerRow,
		exportWriter: exportWriters(export.CustomerColumns, export.CustomerRaw),
		load:         loadCustomers,
		serverSearch: func(string) bool { return true },
		searchSays:   "match",
		terms:        filter.Keys(filter.Customers),
		sorts: []sortChoice{
			{"created ↓", hyperline.Sort{Field: hyperline.SortCreatedAt, Order: hyperline.Descending}},
			{"created ↑", hyperline.Sort{Field: hyperline.SortCreatedAt, Order: hyperline.Ascending}},
			{"updated ↓", hyperline.Sort{Field: hyperline.SortUpdatedAt, Order: hyperline.Descending}},
			{"updated ↑", hyperline.Sort{Field: hyperline.SortUpdatedAt, Order: hyperline.Ascending}},
		},
	}
}

func customerRow(f formatter, now time.Time, c hyperline.Customer, _ map[string]string) table.Row {
	return table.Row{ID: c.ID, Cells: []table.Cell{
		{Text: c.Name},
		{Text: c.ID, Tone: table.ToneMuted},
		{Text: orDash(c.BillingEmail)},
		{Text: c.Currency},
		customerStatusCell(c.Status),
		{Text: f.relDate(&c.CreatedAt, now)},
	}}
}

// loadCustomers fetches one page of customers, those the server's search
// finds for the query when it is set.
func loadCustomers(ctx context.Context, data Data, companyID string, req pageRequest) (*hyperline.Page[hyperline.Customer], error) {
	return data.Customers(ctx, companyID, customerListOptions(req))
}
