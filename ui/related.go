package ui

import (
	"context"
	"strconv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// relatedList is the table of a customer's subscriptions and invoices in
// the customer's detail.
type relatedList struct {
	table    table.Model
	ready    bool
	refs     map[string]relatedRef
	subs     []table.Row
	invoices []table.Row
	subsReq  uint64
	invReq   uint64
	subsNote string
	invNote  string
}

// relatedRef is what enter on a related row opens.
type relatedRef struct {
	kind objectKind
	id   string
	item any
}

// relatedLoadedMsg answers the request for a customer's subscriptions or
// invoices (first page of each).
type relatedLoadedMsg struct {
	resultTag
	subs     []hyperline.Subscription
	invoices []hyperline.Invoice
	total    int
	more     bool
	err      error
}

// loadCustomerSubscriptions fetches the first page of a customer's
// subscriptions, of every status.
func loadCustomerSubscriptions(ctx context.Context, c *common, companyID, customerID string, reqID uint64) tea.Cmd {
	data := c.data
	opts := hyperline.SubscriptionListOptions{ListOptions: hyperline.ListOptions{Take: pageSize},
		Status: []hyperline.SubscriptionStatus{hyperline.StatusAny}, CustomerID: customerID}
	return loadOfCustomer(ctx, c.timeout, companyID, reqID,
		func(ctx context.Context) (*hyperline.Page[hyperline.Subscription], error) {
			return data.Subscriptions(ctx, companyID, opts)
		},
		func(s hyperline.Subscription) bool { return s.CustomerID == customerID },
		func(msg *relatedLoadedMsg, subs []hyperline.Subscription) { msg.subs = subs })
}

// loadCustomerInvoices fetches the first page of a customer's invoices.
func loadCustomerInvoices(ctx context.Context, c *common, companyID, customerID string, reqID uint64) tea.Cmd {
	data := c.data
	opts := hyperline.InvoiceListOptions{ListOptions: hyperline.ListOptions{Take: pageSize, WithTotal: true},
		Status: []string{hyperline.InvoiceFilterAll}, CustomerID: customerID}
	return loadOfCustomer(ctx, c.timeout, companyID, reqID,
		func(ctx context.Context) (*hyperline.Page[hyperline.Invoice], error) {
			return data.Invoices(ctx, companyID, opts)
		},
		func(inv hyperline.Invoice) bool { return inv.Customer.ID == customerID },
		func(msg *relatedLoadedMsg, invoices []hyperline.Invoice) { msg.invoices = invoices })
}

// loadOfCustomer fetches the first page of one kind of a customer's objects
// and keeps those that belong to the customer: the client already drops
// items the server did not filter; this keeps the list right even if a fake
// or a future server does not. put stores them in the message.
func loadOfCustomer[T any](ctx context.Context, timeout time.Duration, companyID string, reqID uint64,
	list func(context.Context) (*hyperline.Page[T], error), belongs func(T) bool, put func(*relatedLoadedMsg, []T)) tea.Cmd {
	return request(ctx, timeout, list, func(p *hyperline.Page[T], err error) tea.Msg {
		msg := relatedLoadedMsg{resultTag: resultTag{reqID: reqID, company: companyID}, err: err}
		if err == nil {
			var kept []T
			for _, item := range p.Items {
				if belongs(item) {
					kept = append(kept, item)
				}
			}
			put(&msg, kept)
			msg.total, msg.more = p.Meta.Total, p.HasMore()
		}
		return msg
	})
}

// load asks for the customer's subscriptions and invoices.
func (r relatedList) load(c *common, sc scope, customerID string) (relatedList, tea.Cmd) {
	if !r.ready {
		r.table = table.New([]table.Column{
			{Title: "Kind", Width: 12, Priority: 100},
			{Title: "Name / number", Width: 14, Flex: 1, Priority: 90},
			{Title: "Status", Width: 10, Priority: 95},
			{Title: "Amount", Width: 14, Align: table.AlignRight, Priority: 80},
			{Title: "Date", Width: 11, Priority: 60},
			{Title: "ID", Width: 19, Priority: 40},
		}, table.WithStyles(c.styles.Table), table.WithEmptyText("No subscriptions or invoices."))
		r.refs, r.ready = map[string]relatedRef{}, true
	}
	r.subsReq, r.invReq = c.nextID(), c.nextID()
	r.subsNote, r.invNote = "loading…", "loading…"
	return r, tea.Batch(
		loadCustomerSubscriptions(sc.ctx, c, sc.company.ID, customerID, r.subsReq),
		loadCustomerInvoices(sc.ctx, c, sc.company.ID, customerID, r.invReq))
}

func (r relatedList) update(c *common, msg relatedLoadedMsg) (relatedList, tea.Cmd) {
	var note *string
	switch msg.reqID {
	case r.subsReq:
		r.subsReq, note = 0, &r.subsNote
	case r.invReq:
		r.invReq, note = 0, &r.invNote
	default:
		return r, nil
	}
	if msg.err != nil {
		*note = "failed"
		return r, emit(errMsg{what: "load the customer's related objects", err: msg.err})
	}
	*note = strconv.Itoa(len(msg.subs) + len(msg.invoices))
	if msg.more {
		*note = "first " + *note + " of " + formatCount(msg.total)
	}
	if note == &r.subsNote {
		r.subs = r.subs[:0:0]
		for _, s := range msg.subs {
			r.subs = append(r.subs, relatedSubscriptionRow(c.fmt, c.now, s))
			r.refs[s.ID] = relatedRef{kind: kindSubscription, id: s.ID, item: s}
		}
	} else {
		r.invoices = r.invoices[:0:0]
		for _, inv := range msg.invoices {
			r.invoices = append(r.invoices, relatedInvoiceRow(c.fmt, c.now, inv))
			r.refs[inv.ID] = relatedRef{kind: kindInvoice, id: inv.ID, item: inv}
		}
	}
	rows := make([]table.Row, 0, len(r.subs)+len(r.invoices))
	untouched := r.table.Cursor() == 0
	r.table.SetRows(append(append(rows, r.subs...), r.invoices...))
	if untouched {
		r.table.SetCursor(0) // the first row, not the one that happened to arrive first
	}
	return r, nil
}

func relatedSubscriptionRow(f formatter, now time.Time, s hyperline.Subscription) table.Row {
	amount := "—"
	if s.NextPaymentAt != nil {
		amount = f.money(s.NextPaymentAmount, s.Currency)
	}
	return table.Row{ID: s.ID, Cells: []table.Cell{
		{Text: "subscription", Tone: table.ToneInfo},
		{Text: subscriptionLabel(s)},
		subscriptionStatusCell(s.Status),
		{Text: amount},
		{Text: f.relDate(s.NextPaymentAt, now)},
		{Text: s.ID, Tone: table.ToneMuted},
	}}
}

func relatedInvoiceRow(f formatter, now time.Time, inv hyperline.Invoice) table.Row {
	return table.Row{ID: inv.ID, Cells: []table.Cell{
		{Text: "invoice"},
		{Text: inv.Number},
		invoiceStatusCell(inv.Status),
		{Text: f.money(inv.TotalAmount, inv.Currency)},
		{Text: f.relDate(inv.DueAt, now)},
		{Text: inv.ID, Tone: table.ToneMuted},
	}}
}

// selectedRef is the related object under the cursor.
func (r relatedList) selectedRef() (relatedRef, bool) {
	if !r.ready {
		return relatedRef{}, false
	}
	row, ok := r.table.SelectedRow()
	if !ok {
		return relatedRef{}, false
	}
	ref, ok := r.refs[row.ID]
	return ref, ok
}

// heading names the list with its counts; the marker shows it has the keys.
func (r relatedList) heading(st Styles, focused bool, width int) string {
	title := "  Subscriptions and invoices"
	if focused {
		title = st.SelectedMarker + "Subscriptions and invoices"
	}
	counts := "subscriptions " + r.subsNote + " · invoices " + r.invNote + " "
	return spread(st.Heading.Render(title), st.Muted.Render(counts), width)
}
