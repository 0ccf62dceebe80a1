package ui

import (
	"context"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/sync/errgroup"
)

// Customer names and invoice numbers for the lists whose objects carry
// only ids (subscriptions, transactions). The API has no way to ask for
// several customers or invoices by id, so each unknown one is one GET
// /v2/customers/{id} or /v1/invoices/{id}, looked up after the page is
// shown, a few at a time, and remembered for the company. An invoice
// brings its customer's name too, so a transaction that names its invoice
// costs one request, not two.

// nameLookupConcurrency bounds the look-ups in flight; a page asks for at
// most its size (100) and the client's rate limiter paces them.
const nameLookupConcurrency = 4

// namesLoadedMsg brings customer names and invoice numbers (by id) for a
// tab; one that could not be found is missing and its id stays on screen.
type namesLoadedMsg struct {
	resultTag
	kind  objectKind
	names map[string]string
}

// lookUpNames asks for the names of the customers items refer to that the
// tab does not know yet. They are marked as asked ("") at once, so the
// next page does not ask again.
func (m *listModel[T]) lookUpNames(items []T) tea.Cmd {
	if m.spec.customerIDs == nil && m.spec.invoiceIDs == nil {
		return nil
	}
	var ids, invoiceIDs []string
	unknown := func(id string) bool {
		if _, known := m.names[id]; known || id == "" {
			return false
		}
		m.names[id] = ""
		return true
	}
	for _, it := range items {
		if m.spec.invoiceIDs != nil {
			for _, id := range m.spec.invoiceIDs(it) {
				if unknown(id) {
					invoiceIDs = append(invoiceIDs, id)
				}
			}
		}
		if m.spec.customerIDs != nil {
			for _, id := range m.spec.customerIDs(it) {
				if unknown(id) {
					ids = append(ids, id)
				}
			}
		}
	}
	if len(ids) == 0 && len(invoiceIDs) == 0 {
		return nil
	}
	data, timeout, company, kind := m.c.data, m.c.timeout, m.sc.company.ID, m.spec.kind
	ctx := m.sc.ctx
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		var mu sync.Mutex
		names := make(map[string]string, len(ids))
		g, gctx := errgroup.WithContext(rctx)
		g.SetLimit(nameLookupConcurrency)
		for _, id := range invoiceIDs {
			g.Go(func() error {
				inv, err := data.Invoice(gctx, company, id)
				if err == nil {
					mu.Lock()
					if inv.Number != "" {
						names[id] = inv.Number
					}
					if inv.Customer.ID != "" && inv.Customer.Name != "" {
						names[inv.Customer.ID] = inv.Customer.Name
					}
					mu.Unlock()
				}
				return nil // best effort: the id stays on screen
			})
		}
		for _, id := range ids {
			g.Go(func() error {
				c, err := data.Customer(gctx, company, id)
				if err == nil && c.Name != "" {
					mu.Lock()
					names[id] = c.Name
					mu.Unlock()
				}
				return nil // best effort: the id stays on screen
			})
		}
		_ = g.Wait()
		return namesLoadedMsg{resultTag: resultTag{company: company}, kind: kind, names: names}
	}
}

// lookUpShown asks for the names of the rows on screen and half a screen
// either side, for a list whose look-ups are dear (an invoice's number is
// one GET per invoice): a page of 100 transactions would otherwise spend
// half of the API's 200 requests per 10 seconds on rows no one scrolled
// to. Called after a page arrives and after every move.
func (m *listModel[T]) lookUpShown() tea.Cmd {
	l := m.shown()
	rows := l.table.Window(max(l.table.Height()/2, 1))
	items := make([]T, 0, len(rows))
	for _, r := range rows {
		if i, ok := l.index[r.ID]; ok {
			items = append(items, l.items[i])
		}
	}
	return m.lookUpNames(items)
}

// handleNames remembers the names and redraws the rows that show them.
func (m listModel[T]) handleNames(msg namesLoadedMsg) listModel[T] {
	if msg.kind != m.spec.kind || msg.company != m.sc.company.ID || len(msg.names) == 0 {
		return m
	}
	for id, name := range msg.names {
		m.names[id] = name
	}
	for _, l := range []*listing[T]{&m.base, &m.server} {
		if len(l.items) == 0 {
			continue
		}
		for i, item := range l.items {
			l.rows[i] = m.spec.row(m.c.fmt, m.c.now, item, m.names)
		}
		l.table.SetRows(l.rows)
	}
	return m
}
