package ui

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// worklistSession is the fake session of several accounts whose other
// logged-in account (production's ada) reaches a simulator of its own.
// Switching to it points the app's data at that simulator, as the real
// backend's switch points its client at the account's token.
type worklistSession struct {
	switchingSession
	other     *simData
	data      *accountData
	err       error
	switchErr error
}

func (s worklistSession) WorklistAccount(_ context.Context, apiURL, email string) (worklist.Account, error) {
	if s.err != nil {
		return worklist.Account{}, s.err
	}
	if apiURL != "https://api.hyperline.co" || email != "ada@example.com" {
		return worklist.Account{}, fmt.Errorf("%s of %s: %w", email, apiURL, ErrLoginRequired)
	}
	return worklist.Account{APIURL: apiURL, Email: email, Companies: s.other.companies, Source: s.other}, nil
}

func (s worklistSession) SwitchAccount(_ context.Context, apiURL, email string) (Account, error) {
	if apiURL != "https://api.hyperline.co" || email != "ada@example.com" || s.data == nil {
		return Account{}, fmt.Errorf("%s of %s: %w", email, apiURL, ErrLoginRequired)
	}
	if s.switchErr != nil {
		return Account{}, s.switchErr
	}
	s.data.switched.Store(true)
	acct := s.account
	acct.Email, acct.Companies, acct.CompanyID = email, s.other.companies, s.other.companies[2].ID
	return acct, nil
}

// accountData is the app's data: the open account's simulator until
// the session switches to the other account, that one's after. details
// counts the invoices read through the other account.
type accountData struct {
	*simData
	other    *simData
	switched atomic.Bool
	details  atomic.Int32
}

// open is the simulator of the account open now.
func (d *accountData) open() *simData {
	if d.switched.Load() {
		return d.other
	}
	return d.simData
}

func (d *accountData) Invoice(ctx context.Context, company, id string) (*hyperline.Invoice, error) {
	if d.switched.Load() {
		d.details.Add(1)
	}
	return d.open().Invoice(ctx, company, id)
}

func (d *accountData) Invoices(ctx context.Context, company string, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error) {
	return d.open().Invoices(ctx, company, opts)
}

func (d *accountData) Customers(ctx context.Context, company string, opts hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error) {
	return d.open().Customers(ctx, company, opts)
}

func (d *accountData) Subscriptions(ctx context.Context, company string, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error) {
	return d.open().Subscriptions(ctx, company, opts)
}

// TestWorklistsEveryAccount: A adds the companies of the session's other
// logged-in accounts, each counted with its own account's source and
// labelled with it; A again is this account only. enter on a row of
// another account switches to that account, then to the row's company,
// and opens the object there, read through the new account; what the
// worklist still awaited is dropped.
func TestWorklistsEveryAccount(t *testing.T) {
	t.Parallel()
	var other *simData
	var data *accountData
	h := newHarness(t, 120, 40, withSimulator(simulator.Config{}), func(d *Deps, h *harness) {
		other = newSimData(h.t, simulator.Config{Seed: 2, Scale: 0.2}, h.data)
		data = &accountData{simData: d.Data.(*simData), other: other}
		d.Data = data
		d.Session = worklistSession{switchingSession: switchingSession{h.session}, other: other, data: data}
	}).start()
	h.key("w")
	h.requireView("15/15 counted", "A every account")
	h.key("A")
	lists := len(worklist.Builtins())
	if got := other.requests(); got != worklist.Requests(lists, len(other.companies)) {
		t.Fatalf("%d requests to the other account, want %d", got, worklist.Requests(lists, len(other.companies)))
	}
	m := h.app.top().(*worklistsModel)
	if len(m.companies) != 6 || m.opening != 0 || len(m.accountErrs) != 0 {
		t.Fatalf("%d companies, %d opening, errors %v", len(m.companies), m.opening, m.accountErrs)
	}
	h.requireView("every account · 6 companies", "30/30 counted", other.companies[0].Name+" (ada@example.com)")
	h.key("A")
	h.requireView("ada@example.com · 3 companies", "15/15 counted")
	h.key("A")
	h.requireView("every account · 6 companies", "30/30 counted")

	h.key("enter")
	rows := h.app.top().(*worklistRowsModel)
	var r worklist.Row
	for i := range rows.rows {
		r, _ = h.app.top().(*worklistRowsModel).selectedRow()
		if rows.accountOf[r.Company.ID] != "" {
			break
		}
		if i == len(rows.rows)-1 {
			t.Fatal("no row of the other account")
		}
		h.key("down")
	}
	stale := worklistRowsMsg{gen: rows.gen, company: 0, first: true,
		page: worklist.RowsPage{Rows: []worklist.Row{{Company: h.app.scope.company, ID: "in_stale"}}}}
	h.key("enter")
	if h.app.c.account.Email != "ada@example.com" || h.app.scope.company.ID != r.Company.ID {
		t.Fatalf("after enter: account %q, company %q, want ada@example.com and %s",
			h.app.c.account.Email, h.app.scope.company.ID, r.Company.ID)
	}
	if sel, ok := h.app.top().selected(); !ok || sel.id != r.ID || sel.kind != kindInvoice {
		t.Fatalf("on top: %+v, want invoice %s", sel, r.ID)
	}
	if got := data.details.Load(); got != 1 {
		t.Fatalf("%d reads of the invoice through the other account, want 1", got)
	}
	h.rejectView("✗")
	if h.app.indexOf(screenWorklistRows) >= 0 || h.app.indexOf(screenWorklists) >= 0 {
		t.Fatal("the old account's worklist screens stay open")
	}
	h.requireView("Switched to ada@example.com and " + r.Company.Name + ", where " + r.ID + " is.")
	h.send(stale) // a page the old account's worklist still awaited
	h.rejectView("in_stale")
}

// TestWorklistsEveryAccountFailure: an account that cannot be opened is
// named with the reason; the open account's counts stand.
func TestWorklistsEveryAccountFailure(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40, withSimulator(simulator.Config{}), func(d *Deps, h *harness) {
		d.Session = worklistSession{switchingSession: switchingSession{h.session},
			err: fmt.Errorf("no tokens: %w", errors.New("log in again"))}
	}).start()
	h.key("w")
	h.key("A")
	h.requireView("✗ ada@example.com: ", "15/15 counted")
}

// TestWorklistRowSwitchFails: a row of another account whose switch
// fails says why in the banner; the open account, its company and the
// worklist stay, and enter works again.
func TestWorklistRowSwitchFails(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40, withSimulator(simulator.Config{}), func(d *Deps, h *harness) {
		other := newSimData(h.t, simulator.Config{Seed: 2, Scale: 0.2}, h.data)
		data := &accountData{simData: d.Data.(*simData), other: other}
		d.Data = data
		d.Session = worklistSession{switchingSession: switchingSession{h.session}, other: other, data: data,
			switchErr: errors.New("the keyring is locked")}
	}).start()
	h.key("w")
	h.key("A")
	h.key("enter")
	company, email := h.app.scope.company.ID, h.app.c.account.Email
	for i := 0; ; i++ {
		m := h.app.top().(*worklistRowsModel)
		if r, _ := m.selectedRow(); m.accountOf[r.Company.ID] != "" {
			break
		}
		if i > len(m.rows) {
			t.Fatal("no row of the other account")
		}
		h.key("down")
	}
	h.key("enter")
	m, ok := h.app.top().(*worklistRowsModel)
	if !ok {
		t.Fatalf("after a failed switch the top is %T, want the worklist", h.app.top())
	}
	if m.switching != "" || h.app.scope.company.ID != company || h.app.c.account.Email != email {
		t.Fatalf("after a failed switch: switching %q, company %s, account %s", m.switching,
			h.app.scope.company.ID, h.app.c.account.Email)
	}
	h.requireView("the keyring is locked")
}
