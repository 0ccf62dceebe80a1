package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
)

// dataSource reads one company through Data, for package ticket.
type dataSource struct {
	data    Data
	company string
}

func (s dataSource) GetCustomer(ctx context.Context, id string) (*hyperline.Customer, error) {
	return s.data.Customer(ctx, s.company, id)
}

func (s dataSource) ListInvoices(ctx context.Context, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error) {
	return s.data.Invoices(ctx, s.company, opts)
}

func (s dataSource) ListSubscriptions(ctx context.Context, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error) {
	return s.data.Subscriptions(ctx, s.company, opts)
}

func (s dataSource) ListWallets(ctx context.Context, opts hyperline.WalletListOptions) (*hyperline.Page[hyperline.Wallet], error) {
	ws, err := s.data.Wallets(ctx, s.company, opts.CustomerID)
	if err != nil {
		return nil, err
	}
	return &hyperline.Page[hyperline.Wallet]{Items: ws, Meta: hyperline.Meta{Total: len(ws), Taken: len(ws)}}, nil
}

func (s dataSource) CustomerPortalURL(ctx context.Context, id string) (string, error) {
	return s.data.CustomerPortalURL(ctx, s.company, id)
}

func (s dataSource) ListPaymentMethods(ctx context.Context, customerID string) ([]hyperline.PaymentMethod, error) {
	return s.data.PaymentMethods(ctx, s.company, customerID)
}

func (s dataSource) ListAuditLogs(ctx context.Context, opts hyperline.AuditLogListOptions) (*hyperline.Page[hyperline.AuditLog], error) {
	return s.data.AuditLogs(ctx, s.company, opts)
}

// ticketPartMsg answers one part of a customer's ticket.
type ticketPartMsg struct {
	resultTag
	part string
	set  func(*ticket.Facts)
}

// loadTicketPart runs one part's requests (at once when it has several).
func loadTicketPart(ctx context.Context, c *common, companyID, customerID string, part ticket.Part, reqID uint64) tea.Cmd {
	src, timeout := dataSource{data: c.data, company: companyID}, c.timeout
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		return ticketPartMsg{resultTag: resultTag{reqID: reqID, company: companyID}, part: part.Name,
			set: part.Load(rctx, src, customerID)}
	}
}

// loadMoreActivity fetches the audit log's next page.
func loadMoreActivity(ctx context.Context, c *common, companyID, customerID, cursor string, reqID uint64) tea.Cmd {
	src, timeout := dataSource{data: c.data, company: companyID}, c.timeout
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		return ticketPartMsg{resultTag: resultTag{reqID: reqID, company: companyID}, part: ticket.PartActivity,
			set: ticket.LoadActivity(rctx, src, customerID, cursor)}
	}
}

// ticketLoadedMsg brings a whole ticket, for the summary key on a list
// row (the detail screens hold theirs already).
type ticketLoadedMsg struct {
	resultTag
	facts *ticket.Facts
	err   error
}

// loadTicket gathers the ticket of a customer (or of an invoice's
// customer, the invoice included): every part at once.
func loadTicket(ctx context.Context, c *common, companyID string, kind objectKind, id string) tea.Cmd {
	src, timeout := dataSource{data: c.data, company: companyID}, c.timeout
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		msg := ticketLoadedMsg{resultTag: resultTag{company: companyID}}
		customerID := id
		var inv *hyperline.Invoice
		switch kind {
		case kindInvoice:
			if inv, msg.err = c.data.Invoice(rctx, companyID, id); msg.err != nil {
				return msg
			}
			customerID = inv.Customer.ID
		case kindSubscription:
			sub, err := c.data.Subscription(rctx, companyID, id)
			if msg.err = err; err != nil {
				return msg
			}
			customerID = sub.CustomerID
		}
		msg.facts = ticket.Load(rctx, src, customerID)
		msg.facts.Invoice = inv
		msg.err = msg.facts.CustomerErr
		return msg
	}
}
