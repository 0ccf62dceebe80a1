package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// relatedList is the table under an object's summary: a customer's
// subscriptions and invoices, an invoice's payments and credit notes. It
// is made of sections, each filled by a request (or by the object itself)
// and counted in the heading.
type relatedList struct {
	title    string
	table    table.Model
	ready    bool
	refs     map[string]relatedRef
	sections []relatedSection
}

// relatedSection is one kind of row of a related list.
type relatedSection struct {
	name string // "invoices"
	req  uint64 // the request that fills it, 0 when none is in flight
	note string // "loading…", "3", "first 100 of 250", "failed"
	rows []table.Row
}

// relatedRef is what enter on a related row opens.
type relatedRef struct {
	kind objectKind
	id   string
	item any
}

// relatedLoadedMsg answers the request for one section of a related list.
type relatedLoadedMsg struct {
	resultTag
	// rows builds the section's rows and what enter opens on them.
	rows  func(f formatter, now time.Time) ([]table.Row, []relatedRef)
	count int
	total int
	more  bool
	err   error
	// items are the objects kept ([]hyperline.Invoice, …), for a screen
	// that reads more of them than the rows show.
	items any
}

// newRelated builds an empty related list with one section per name.
func newRelated(c *common, title, empty string, names ...string) relatedList {
	r := relatedList{title: title, refs: map[string]relatedRef{}, ready: true}
	// A narrow screen gives up the ID, then the kind, before it cuts a
	// name (a card's brand and last four) or a status (why it failed).
	r.table = table.New([]table.Column{
		{Title: "Kind", Width: 12, Priority: 30},
		// 27 holds a payment's brand and full last four ("Bacs direct debit
		// •••• 4306", "American Express •••• 1005"): a narrow screen gives
		// up the ID, then the kind, then the date before it cuts them.
		{Title: "Name / number / method", Width: 27, Flex: 1, Priority: 90},
		{Title: "Status", Width: 20, Flex: 1, Priority: 95}, // "✗ insufficient funds", never cut
		{Title: "Amount", Width: 13, Align: table.AlignRight, Priority: 80},
		// A row's date says what it is: "due …", "next …", "paid …".
		{Title: "When", Width: whenWidth, Priority: 60},
		{Title: "ID", Width: 19, Priority: 40, Spare: true},
	}, table.WithStyles(c.styles.Table), table.WithEmptyText(empty))
	for _, n := range names {
		r.sections = append(r.sections, relatedSection{name: n, note: "loading…"})
	}
	return r
}

// loadFirstPage fetches the first page of one section's objects and keeps
// those that belong to the object shown: the client already drops items
// the server did not filter; this keeps the list right even if a fake or
// a future server does not.
func loadFirstPage[T any](ctx context.Context, timeout time.Duration, companyID string, reqID uint64,
	list func(context.Context) (*hyperline.Page[T], error), belongs func(T) bool,
	row func(formatter, time.Time, T) (table.Row, relatedRef)) tea.Cmd {
	return request(ctx, timeout, list, func(p *hyperline.Page[T], err error) tea.Msg {
		msg := relatedLoadedMsg{resultTag: resultTag{reqID: reqID, company: companyID}, err: err}
		if err != nil {
			return msg
		}
		var kept []T
		for _, item := range p.Items {
			if belongs(item) {
				kept = append(kept, item)
			}
		}
		msg.count, msg.total, msg.more, msg.items = len(kept), p.Meta.Total, p.HasMore(), kept
		msg.rows = func(f formatter, now time.Time) ([]table.Row, []relatedRef) {
			rows, refs := make([]table.Row, len(kept)), make([]relatedRef, len(kept))
			for i, it := range kept {
				rows[i], refs[i] = row(f, now, it)
			}
			return rows, refs
		}
		return msg
	})
}

// start marks a section as loading under a new request id and returns it.
func (r *relatedList) start(c *common, section int) uint64 {
	r.sections[section].req, r.sections[section].note = c.nextID(), "loading…"
	return r.sections[section].req
}

// fill sets a section's rows directly (from the object itself); refs[i]
// is what enter opens on rows[i].
func (r relatedList) fill(section int, rows []table.Row, refs []relatedRef) relatedList {
	s := &r.sections[section]
	s.rows, s.req, s.note = rows, 0, strconv.Itoa(len(rows))
	for i, ref := range refs {
		if ref.id != "" && i < len(rows) {
			r.refs[rows[i].ID] = ref // a row's id may differ from its object's ("tx:…")
		}
	}
	r.redraw()
	return r
}

func (r relatedList) update(c *common, msg relatedLoadedMsg) (relatedList, tea.Cmd) {
	i := -1
	for k := range r.sections {
		if msg.reqID != 0 && r.sections[k].req == msg.reqID {
			i = k
		}
	}
	if i < 0 {
		return r, nil
	}
	s := &r.sections[i]
	if msg.err != nil {
		s.req, s.note = 0, "failed"
		return r, emit(errMsg{what: "load the " + s.name, err: msg.err})
	}
	rows, refs := msg.rows(c.fmt, c.now)
	r = r.fill(i, rows, refs)
	if msg.more {
		r.sections[i].note = "first " + strconv.Itoa(msg.count) + " of " + formatCount(msg.total)
	}
	return r, nil
}

// redraw puts every section's rows in the table, in section order.
func (r *relatedList) redraw() {
	var rows []table.Row
	for _, s := range r.sections {
		rows = append(rows, s.rows...)
	}
	untouched := r.table.Cursor() == 0
	r.table.SetRows(rows)
	if untouched {
		r.table.SetCursor(0) // the first row, not the one that happened to arrive first
	}
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
	title := "  " + r.title
	if focused {
		title = st.SelectedMarker + r.title
	}
	counts := make([]string, len(r.sections))
	for i, s := range r.sections {
		counts[i] = s.name + " " + s.note
	}
	return spread(st.Heading.Render(title), st.Muted.Render(strings.Join(counts, " · ")+" "), width)
}
