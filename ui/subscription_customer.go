package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/table"
)

// A subscription names its customer by ID only; the subscription screen
// asks for the customer once it knows the ID, to show whose it is.

// subscriptionCustomerMsg answers the request for a subscription's customer.
type subscriptionCustomerMsg struct {
	resultTag
	customer *hyperline.Customer
	err      error
}

// loadSubscriptionCustomer asks for the customer of the subscription
// shown, when its ID is known and it was not asked for yet.
func (m *detailModel) loadSubscriptionCustomer() tea.Cmd {
	sub, ok := m.item.(*hyperline.Subscription)
	if !ok || sub.CustomerID == "" || m.customerReq != 0 || len(m.extras) > 0 {
		return nil
	}
	m.customerReq = m.c.nextID()
	data, company, id, reqID := m.c.data, m.sc.company.ID, sub.CustomerID, m.customerReq
	return request(m.sc.ctx, m.c.timeout, func(ctx context.Context) (*hyperline.Customer, error) {
		return data.Customer(ctx, company, id)
	}, func(c *hyperline.Customer, err error) tea.Msg {
		return subscriptionCustomerMsg{resultTag: resultTag{reqID: reqID, company: company}, customer: c, err: err}
	})
}

// absorbSubscriptionCustomer shows the customer's name beside the
// subscription's fields.
func (m *detailModel) absorbSubscriptionCustomer(msg subscriptionCustomerMsg) {
	if msg.reqID == 0 || msg.reqID != m.customerReq {
		return
	}
	m.customerReq = 0
	fd := field{label: "Customer"}
	if msg.err != nil {
		fd.value, fd.tone = "unavailable: "+plainError(msg.err), table.ToneMuted
	} else {
		fd.value = termsafe.Line(msg.customer.Name)
	}
	base := len(m.fields) - len(m.extras)
	m.extras = []field{fd}
	m.fields = append(m.fields[:base:base], m.extras...)
	m.layoutJSON()
}
