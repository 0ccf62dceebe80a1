package ui

import "github.com/hyperline-tui/hlx/hyperline"

// The tabs' lists as values, for tests to read (a copy: what the tab held
// when asked).

func (m browserModel) customers() listModel[hyperline.Customer] {
	return *m.tabs[tabCustomers].(*listModel[hyperline.Customer])
}

func (m browserModel) subscriptions() listModel[hyperline.Subscription] {
	return *m.tabs[tabSubscriptions].(*listModel[hyperline.Subscription])
}

func (m browserModel) invoices() listModel[hyperline.Invoice] {
	return *m.tabs[tabInvoices].(*listModel[hyperline.Invoice])
}

func (m browserModel) transactions() listModel[hyperline.ListedTransaction] {
	return *m.tabs[tabTransactions].(*listModel[hyperline.ListedTransaction])
}
