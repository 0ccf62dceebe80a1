package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
	"github.com/hyperline-tui/hlx/ui/table"
)

// customerTicket is what the customer screen knows to answer a ticket:
// the facts, filled part by part as their requests return, and the
// requests in flight. The customer, its invoices and its subscriptions
// come from the screen's own requests; the other parts have one each.
type customerTicket struct {
	facts   *ticket.Facts
	reqs    map[string]uint64 // part → request in flight
	moreReq uint64            // the audit log's next page in flight
}

// ownParts are the parts the customer screen asks for besides the object
// and its related lists: with those, a customer screen costs
// ticket.Requests() requests, all sent at once.
func ownParts() []ticket.Part {
	var out []ticket.Part
	for _, p := range ticket.Parts() {
		switch p.Name {
		case ticket.PartCustomer, ticket.PartInvoices, ticket.PartSubscriptions:
			continue
		}
		out = append(out, p)
	}
	return out
}

// startTicket resets the ticket and sends its parts' requests.
func (m *detailModel) startTicket() []tea.Cmd {
	old := m.ticket.facts
	m.ticket = customerTicket{facts: &ticket.Facts{Loaded: map[string]bool{}}, reqs: map[string]uint64{}}
	if old != nil {
		m.ticket.facts.Customer = old.Customer
	}
	var cmds []tea.Cmd
	for _, p := range ownParts() {
		id := m.c.nextID()
		m.ticket.reqs[p.Name] = id
		cmds = append(cmds, loadTicketPart(m.sc.ctx, m.c, m.sc.company.ID, m.id, p, id))
	}
	return cmds
}

// absorbTicketPart applies a part that returned, if it is the one awaited.
func (m *detailModel) absorbTicketPart(msg ticketPartMsg) {
	switch {
	case msg.reqID != 0 && msg.reqID == m.ticket.moreReq:
		m.ticket.moreReq = 0
	case msg.reqID != 0 && msg.reqID == m.ticket.reqs[msg.part]:
		delete(m.ticket.reqs, msg.part)
	default:
		return
	}
	m.ticket.facts.Apply(msg.part, msg.set)
	if msg.part == ticket.PartPortal {
		m.setPortal()
	}
	m.keys.More.SetEnabled(m.ticket.facts.ActivityNext != "" && m.ticket.moreReq == 0)
	m.layoutJSON()
}

// setPortal shows the portal link among the identity fields.
func (m *detailModel) setPortal() {
	f := m.ticket.facts
	portal := field{label: "Portal"}
	if f.PortalErr != nil {
		portal.value, portal.tone = "unavailable: "+plainError(f.PortalErr), table.ToneMuted
	} else if portal = webField("Portal", f.PortalURL); portal.value == f.PortalURL {
		portal.tone = table.ToneInfo
	}
	portal.value = termsafe.Line(portal.value)
	base := len(m.fields) - len(m.extras)
	m.extras = []field{portal}
	m.fields = append(m.fields[:base:base], m.extras...)
}

// absorbRelated feeds the customer's invoices and subscriptions, as the
// related list loaded them, into the ticket.
func (m *detailModel) absorbRelated(msg relatedLoadedMsg) {
	if m.ticket.facts == nil || msg.reqID == 0 {
		return
	}
	switch msg.reqID {
	case m.related.sections[sectionInvoices].req:
		invs, _ := msg.items.([]hyperline.Invoice)
		m.ticket.facts.Apply(ticket.PartInvoices, func(f *ticket.Facts) { f.Invoices, f.InvoicesErr = invs, msg.err })
	case m.related.sections[sectionSubscriptions].req:
		subs, _ := msg.items.([]hyperline.Subscription)
		m.ticket.facts.Apply(ticket.PartSubscriptions, func(f *ticket.Facts) { f.Subscriptions, f.SubscriptionsErr = subs, msg.err })
	}
}

// ticketFacts is the customer's ticket once the customer is known.
func (m *detailModel) ticketFacts() (*ticket.Facts, bool) {
	if m.kind != kindCustomer || m.ticket.facts == nil || m.ticket.facts.Customer == nil {
		return nil, false
	}
	return m.ticket.facts, true
}

// summaryTarget is the detail's own object: S summarizes it whatever row
// the cursor is on.
func (m *detailModel) summaryTarget() (selection, bool) {
	return selection{kind: m.kind, id: m.id}, m.id != ""
}

// linkURLs are the addresses of the customer's linked records that a
// template makes a web page of.
func (m *detailModel) linkURLs() []ticket.Link {
	f := m.ticket.facts
	if f == nil || f.Customer == nil {
		return nil
	}
	var out []ticket.Link
	for _, l := range m.c.links.Links(f.Customer.Integrations) {
		if l.URL != "" {
			out = append(out, l)
		}
	}
	return out
}

// openNextLink opens the next linked record in the browser (the first
// after the last one opened), so l walks through them.
func (m *detailModel) openNextLink() tea.Cmd {
	links := m.linkURLs()
	if len(links) == 0 {
		return nil
	}
	l := links[m.nextLink%len(links)]
	m.nextLink++
	return openCmd(m.c.openURL, l.URL)
}
