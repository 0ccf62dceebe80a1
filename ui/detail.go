package ui

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
	"github.com/hyperline-tui/hlx/ui/table"
)

// detailModel shows one object: a readable summary on top and every field
// the API returned below, as pretty-printed JSON in a scrollable viewport. A
// customer's detail also lists its subscriptions and invoices; enter opens
// one of them.
type detailModel struct {
	c    *common
	sc   scope // its ctx is the detail's own: cancel ends it when the user leaves
	keys detailKeys
	kind objectKind
	id   string

	cancel context.CancelFunc

	title   string
	fields  []field
	pretty  string // the raw JSON, indented
	json    viewport.Model
	reqID   uint64 // the full object request in flight, 0 if none
	loadErr string

	related      relatedList // customers and invoices
	focusRelated bool
	// extras are summary fields that come from requests of their own (a
	// customer's portal link).
	extras []field
	// ticket is what a customer's screen knows to answer a ticket.
	ticket customerTicket
	// nextLink is the linked record l opens next.
	nextLink int
	// item is the object shown, as last set; customerReq is the request
	// for a subscription's customer in flight.
	item        any
	customerReq uint64
	// payment is the payment shown when the detail is one.
	payment *hyperline.Transaction
	// jsonStart is the viewport line where the raw JSON starts (after a
	// customer's sections).
	jsonStart int
	// invoice is the object shown when it is an invoice (d downloads it).
	invoice *hyperline.Invoice

	width, height int
}

// jsonLoading stands for the JSON while the full object loads.
const jsonLoading = "(loading the JSON…)"

// field is one label and value of a summary.
type field struct {
	label, value string
	tone         table.Tone
}

// objectLoadedMsg answers the request for the full object.
type objectLoadedMsg struct {
	resultTag
	item any
	err  error
}

// loadObject fetches the full object; item is a *hyperline.Customer,
// *hyperline.Subscription or *hyperline.Invoice.
func loadObject(ctx context.Context, c *common, companyID string, kind objectKind, id string, reqID uint64) tea.Cmd {
	data, timeout := c.data, c.timeout
	get := func(ctx context.Context) (any, error) { return kind.getObject(ctx, data, companyID, id) }
	return request(ctx, timeout, get, func(item any, err error) tea.Msg {
		return objectLoadedMsg{resultTag: resultTag{reqID: reqID, company: companyID}, item: item, err: err}
	})
}

// newDetail shows item (the object as listed) at once and loads the full
// object, and for a customer its subscriptions and invoices. Its requests
// run under a context of its own, within the company's.
func newDetail(c *common, sc scope, kind objectKind, id string, item any) (detailModel, tea.Cmd) {
	ctx, cancel := context.WithCancel(sc.ctx)
	sc.ctx = ctx
	m := detailModel{c: c, sc: sc, cancel: cancel, keys: newDetailKeys(), kind: kind, id: id, json: viewport.New(0, 0)}
	m.json.MouseWheelEnabled = true
	m.title = strings.ToUpper(kind.String()[:1]) + kind.String()[1:]
	if related := kind.spec().related; related != nil {
		m.related = related(c)
	}
	if kind == kindCustomer {
		m.ticket.facts = &ticket.Facts{Loaded: map[string]bool{}}
	}
	if item != nil {
		m.setItem(item)
	}
	return m.reload()
}

// reload asks for the object (and its related lists) again.
func (m detailModel) reload() (detailModel, tea.Cmd) {
	if m.kind.spec().get == nil {
		// A payment shows as its invoice listed it: there is nothing to load.
		m.reqID, m.loadErr = 0, ""
		m.syncFocus()
		return m, nil
	}
	m.reqID, m.loadErr = m.c.nextID(), ""
	cmds := []tea.Cmd{loadObject(m.sc.ctx, m.c, m.sc.company.ID, m.kind, m.id, m.reqID)}
	if more := m.kind.spec().loadMore; more != nil {
		cmds = append(cmds, more(&m))
	}
	m.syncFocus()
	return m, tea.Batch(cmds...)
}

// setItem fills the summary and the JSON from an object.
func (m *detailModel) setItem(item any) {
	var raw json.RawMessage
	m.title, m.fields, raw = summarize(m.c.fmt, m.c.now, item)
	m.fields = append(m.fields, m.extras...)
	if c := asCustomer(item); c != nil && m.ticket.facts != nil {
		m.ticket.facts.Customer = c
	}
	switch t := item.(type) {
	case hyperline.Transaction:
		m.payment = &t
	case *hyperline.ListedTransaction:
		m.payment = &t.Transaction
	}
	switch it := item.(type) {
	case hyperline.Subscription:
		m.item = &it
	default:
		m.item = item
	}
	if inv := asInvoice(item); inv != nil && m.related.ready {
		m.invoice = inv
		m.keys.Download.SetEnabled(true)
		rows, refs := paymentRows(m.c.fmt, m.c.now, inv.Transactions)
		m.related = m.related.fill(sectionPayments, rows, refs)
	}
	m.title = termsafe.Line(m.title)
	for i := range m.fields {
		m.fields[i].value = termsafe.Line(m.fields[i].value)
	}
	// The JSON shows what the API sent, with any control, bidi or
	// invisible character escaped (\u001b) so support sees it is there.
	pretty, err := termsafe.JSON(raw)
	switch {
	case len(raw) == 0 && m.reqID == 0 && m.pretty == "":
		// Opened from a list, whose rows keep no JSON: the full object,
		// JSON included, is on its way (newDetail asks for it next).
		pretty = []byte(jsonLoading)
	case err != nil || len(raw) == 0:
		pretty = []byte("(no JSON was kept for this object)")
	}
	m.pretty = string(pretty)
	m.layoutJSON()
}

func (m detailModel) update(msg tea.Msg) (detailModel, tea.Cmd) {
	switch msg := msg.(type) {
	case objectLoadedMsg:
		if msg.reqID != m.reqID {
			return m, nil
		}
		m.reqID = 0
		if msg.err != nil {
			m.loadErr = plainError(msg.err)
			if m.pretty == jsonLoading {
				m.pretty = "(the object's JSON could not be loaded: r tries again)"
				m.layoutJSON()
			}
			return m, emit(errMsg{what: "load the " + m.kind.String(), err: msg.err})
		}
		m.setItem(msg.item)
		if c := asCustomer(msg.item); c != nil && m.ticket.facts != nil {
			m.ticket.facts.Apply(ticket.PartCustomer, func(f *ticket.Facts) { f.Customer = c })
		}
		return m, tea.Batch(emit(resolvedMsg{what: "load the " + m.kind.String()}), m.loadSubscriptionCustomer())
	case subscriptionCustomerMsg:
		m.absorbSubscriptionCustomer(msg)
		return m, nil
	case relatedLoadedMsg:
		m.absorbRelated(msg)
		var cmd tea.Cmd
		m.related, cmd = m.related.update(m.c, msg)
		m.syncFocus()
		m.layoutJSON()
		return m, cmd
	case ticketPartMsg:
		m.absorbTicketPart(msg)
		return m, nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		var cmd tea.Cmd
		if m.focusRelated {
			m.related.table, cmd = m.related.table.Update(msg)
		} else {
			m.json, cmd = m.json.Update(msg)
		}
		return m, cmd
	}
	return m, nil
}

func (m detailModel) handleKey(msg tea.KeyMsg) (detailModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Back):
		return m, m.c.navigate(popScreenMsg{})
	case key.Matches(msg, m.keys.Reload):
		return m.reload()
	case key.Matches(msg, m.keys.Download):
		if m.invoice != nil {
			return m, downloadInvoice(m.c, m.sc.company.ID, *m.invoice)
		}
		return m, nil
	case key.Matches(msg, m.keys.Link):
		cmd := m.openNextLink()
		return m, cmd
	case key.Matches(msg, m.keys.RawJSON):
		m.json.SetYOffset(m.jsonStart)
		return m, nil
	case key.Matches(msg, m.keys.More):
		if f := m.ticket.facts; f != nil && f.ActivityNext != "" && m.ticket.moreReq == 0 {
			m.ticket.moreReq = m.c.nextID()
			m.keys.More.SetEnabled(false)
			m.layoutJSON()
			return m, loadMoreActivity(m.sc.ctx, m.c, m.sc.company.ID, m.id, f.ActivityNext, m.ticket.moreReq)
		}
		return m, nil
	case key.Matches(msg, m.keys.Focus):
		m.focusRelated = !m.focusRelated
		m.syncFocus()
		return m, nil
	case key.Matches(msg, m.keys.Select):
		if m.focusRelated {
			if ref, ok := m.related.selectedRef(); ok {
				return m, m.c.navigate(openDetailMsg(ref))
			}
		}
		return m, nil
	}
	if m.focusRelated {
		var cmd tea.Cmd
		m.related.table, cmd = m.related.table.Update(msg)
		return m, cmd
	}
	switch {
	case key.Matches(msg, m.keys.Top):
		m.json.GotoTop()
		return m, nil
	case key.Matches(msg, m.keys.Bottom):
		m.json.GotoBottom()
		return m, nil
	}
	var cmd tea.Cmd
	m.json, cmd = m.json.Update(msg)
	return m, cmd
}

// syncFocus points the keys at the related list or the JSON.
func (m *detailModel) syncFocus() {
	hasRelated := m.related.ready
	if !hasRelated {
		m.focusRelated = false
	}
	m.related.table.SetFocused(m.focusRelated)
	m.keys.Focus.SetEnabled(hasRelated)
	_, ok := m.related.selectedRef()
	m.keys.Select.SetEnabled(m.focusRelated && ok)
	if m.focusRelated {
		m.keys.Up.SetHelp("↑/k", "up")
		m.keys.Down.SetHelp("↓/j", "down")
	} else {
		m.keys.Up.SetHelp("↑/k", "scroll up")
		m.keys.Down.SetHelp("↓/j", "scroll down")
	}
}

// summaryColumns is how many label/value columns fit the width.
func (m detailModel) summaryColumns() int { return min(max(m.width/40, 1), 3) }

// summaryHeight is the number of lines the summary takes.
func (m detailModel) summaryHeight() int {
	cols := m.summaryColumns()
	return (len(m.fields) + cols - 1) / cols
}

// relatedHeight is the related table's height, header included.
func (m detailModel) relatedHeight() int {
	if !m.related.ready {
		return 0
	}
	// As tall as its rows (and header), within a quarter of the screen.
	return min(max(m.related.table.Len()+1, 3), max(m.height/4, 4), 12)
}

// layoutJSON sizes the viewport to what the summary leaves and wraps the
// JSON to its width, so every field can be read without side scrolling.
func (m *detailModel) layoutJSON() {
	used := 1 + m.summaryHeight() + 1 // title, summary, JSON heading
	if rh := m.relatedHeight(); rh > 0 {
		used += 1 + rh + 1 // heading, table, blank
	}
	if m.width <= 2 {
		return // not sized yet
	}
	m.json.Width = m.width - 2
	m.json.Height = max(m.height-used, 1)
	sections := m.sectionsView(m.json.Width)
	m.jsonStart = strings.Count(sections, "\n")
	m.keys.RawJSON.SetEnabled(m.jsonStart > 0)
	m.keys.Link.SetEnabled(m.c.openURL != nil && len(m.linkURLs()) > 0)
	m.json.SetContent(sections + ansi.Wrap(m.pretty, m.json.Width, ""))
	m.related.table.SetSize(m.width, m.relatedHeight())
}

func (m detailModel) view() string {
	st := m.c.styles
	var b strings.Builder
	status := m.id
	switch {
	case m.reqID != 0:
		status = "loading… " + status
	case m.loadErr != "":
		status = "✗ " + m.loadErr
	}
	b.WriteString(spread(st.Title.Render(" ‹ ")+st.Heading.Render(m.title), st.HeaderInfo.Render(status+" "), m.width) + "\n")
	b.WriteString(m.summaryView())
	if m.related.ready {
		b.WriteString("\n" + m.related.heading(st, m.focusRelated, m.width) + "\n")
		b.WriteString(m.related.table.View() + "\n")
	}
	jsonTitle, jsonNote := "Raw JSON", " · every field the API returned"
	switch {
	case m.kind == kindCustomer:
		jsonTitle, jsonNote = "Account", " · then the Raw JSON (J)"
	case m.jsonStart > 0 && m.payment != nil:
		jsonTitle, jsonNote = "Payment", " · why it failed"
	case m.jsonStart > 0:
		jsonTitle, jsonNote = "Failed payments", " · then the Raw JSON (J)"
	}
	if !m.focusRelated {
		jsonTitle = st.SelectedMarker + jsonTitle
	} else {
		jsonTitle = "  " + jsonTitle
	}
	pct := ""
	if m.json.TotalLineCount() > m.json.Height {
		pct = formatCount(int(m.json.ScrollPercent()*100)) + "% "
	}
	b.WriteString("\n" + spread(st.Heading.Render(jsonTitle)+st.Muted.Render(jsonNote), st.Muted.Render(pct), m.width) + "\n")
	b.WriteString(indent(m.json.View(), " "))
	return b.String()
}

// summaryView lays the fields out in columns, row by row.
func (m detailModel) summaryView() string {
	st := m.c.styles
	cols := m.summaryColumns()
	colWidth := m.width / cols
	labelWidth := 13
	rows := m.summaryHeight()
	lines := make([]string, rows)
	for i, f := range m.fields {
		r, col := i%rows, i/rows
		if r >= rows || col >= cols {
			continue
		}
		valueWidth := max(colWidth-labelWidth-2, 4)
		cell := " " + st.Label.Render(fitLine(f.label, labelWidth)) + " " +
			st.toneStyle(f.tone).Render(ansi.Truncate(f.value, valueWidth, "…"))
		lines[r] += fitLine(cell, colWidth)
	}
	return strings.Join(lines, "\n")
}

// The screen interface.

func (m *detailModel) updateScreen(msg tea.Msg) (screen, tea.Cmd) {
	var cmd tea.Cmd
	*m, cmd = m.update(msg)
	return m, cmd
}

func (m *detailModel) resize(w, h int) screen {
	m.width, m.height = w, h
	m.layoutJSON()
	return m
}
func (m *detailModel) close()             { m.cancel() }
func (m detailModel) keyMap() help.KeyMap { return m.keys }
func (m detailModel) capturing() bool     { return false }
func (m detailModel) selected() (selection, bool) {
	if m.focusRelated {
		if ref, ok := m.related.selectedRef(); ok {
			return selection{kind: ref.kind, id: ref.id, url: publicURL(ref.item), label: itemLabel(ref.item)}, true
		}
	}
	sel := selection{kind: m.kind, id: m.id}
	if _, name, ok := strings.Cut(m.title, " · "); ok {
		sel.label = name
	}
	if m.invoice != nil {
		sel.url = m.invoice.PublicURL
	}
	return sel, true
}
func (m detailModel) wantsTick() bool        { return false }
func (m detailModel) screenKind() screenKind { return screenDetail }
