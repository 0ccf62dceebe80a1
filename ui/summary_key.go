package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline/ticket"
)

// ticketHolder is a screen that holds a customer's ticket already (the
// customer screen): S shows it without asking the server again.
type ticketHolder interface {
	ticketFacts() (*ticket.Facts, bool)
}

// summaryTargeter is a screen whose summary is about its own object (a
// detail: the header's customer, invoice or subscription), whatever row
// the cursor is on.
type summaryTargeter interface {
	summaryTarget() (selection, bool)
}

// summaryTarget is what S summarizes on screen s.
func summaryTarget(s screen) (selection, bool) {
	if t, ok := s.(summaryTargeter); ok {
		return t.summaryTarget()
	}
	return s.selected()
}

// summarizable reports whether S can summarize the selection: a customer,
// or an invoice's or subscription's customer.
func summarizable(sel selection) bool {
	switch sel.kind {
	case kindCustomer, kindInvoice, kindSubscription:
		return sel.id != ""
	}
	return false
}

// summarize copies and shows the ticket summary of what is on screen: the
// screen's own ticket when it holds one, else one loaded for the object
// under the cursor (9 requests at once, 10 for an invoice).
func (a *App) summarize(top screen) tea.Cmd {
	if h, ok := top.(ticketHolder); ok {
		if f, ok := h.ticketFacts(); ok {
			return showSummary(a.c, f)
		}
	}
	sel, ok := summaryTarget(top)
	if !ok || !summarizable(sel) || a.scope.company.ID == "" {
		return nil
	}
	return tea.Batch(emit(noticeMsg("Gathering the ticket summary…")),
		loadTicket(a.scope.ctx, a.c, a.scope.company.ID, sel.kind, sel.id))
}

// handleTicketLoaded shows a summary gathered for a list row.
func (a *App) handleTicketLoaded(msg ticketLoadedMsg) tea.Cmd {
	if msg.company != a.scope.company.ID {
		return nil
	}
	if msg.err != nil {
		return a.handleError(errMsg{what: "gather the ticket summary", err: msg.err})
	}
	return showSummary(a.c, msg.facts)
}
