package ui

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// simData reads lists and objects from a simulator over HTTP, with a
// user's token that reaches every seeded company; the rest (analytics,
// wallets, …) stays the fake's. fail makes one company's lists fail.
type simData struct {
	*fakeData
	c *hyperline.Client

	mu        sync.Mutex
	lists     int // list requests made
	fail      string
	companies []hyperline.Company
}

func (d *simData) Companies(context.Context) ([]hyperline.Company, error) { return d.companies, nil }

func (d *simData) listed(company string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.lists++
	if company == d.fail {
		return errors.New("503 Service Unavailable")
	}
	return nil
}

func (d *simData) Customers(ctx context.Context, company string, opts hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error) {
	if err := d.listed(company); err != nil {
		return nil, err
	}
	return d.c.Company(company).ListCustomers(ctx, opts)
}

func (d *simData) Subscriptions(ctx context.Context, company string, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error) {
	if err := d.listed(company); err != nil {
		return nil, err
	}
	return d.c.Company(company).ListSubscriptions(ctx, opts)
}

func (d *simData) Invoices(ctx context.Context, company string, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error) {
	if err := d.listed(company); err != nil {
		return nil, err
	}
	return d.c.Company(company).ListInvoices(ctx, opts)
}

func (d *simData) Invoice(ctx context.Context, company, id string) (*hyperline.Invoice, error) {
	return d.c.Company(company).GetInvoice(ctx, id)
}

func (d *simData) requests() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.lists
}

// withSimulator points the harness at a fresh simulator (its data dated
// at testNow): the account reaches its three companies and opens on the
// first.
func withSimulator(cfg simulator.Config) harnessOption {
	return func(d *Deps, h *harness) {
		data := newSimData(h.t, cfg, h.data)
		h.session.account.Companies, h.session.account.CompanyID = data.companies, data.companies[0].ID
		d.Data = data
	}
}

// newSimData starts a simulator for t and reads it with a user's token;
// what it does not read comes from fake.
func newSimData(t testing.TB, cfg simulator.Config, fake *fakeData) *simData {
	t.Helper()
	cfg.Epoch = testNow
	sim, err := simulator.Start("127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	tok, err := simulator.UserAccessToken(context.Background(), nil, sim.URL, sim.App())
	if err != nil {
		t.Fatal(err)
	}
	c, err := hyperline.New(sim.URL, hyperline.APIKey(tok))
	if err != nil {
		t.Fatal(err)
	}
	var cos []hyperline.Company
	for _, co := range sim.Companies() {
		cos = append(cos, hyperline.Company{ID: co.ID, Name: co.Name})
	}
	return &simData{fakeData: fake, c: c, companies: cos}
}

func (h *harness) simData() *simData { return h.app.c.data.(*simData) }
