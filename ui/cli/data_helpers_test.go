package cli

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// loggedIn is a world whose account is logged in, with the simulator's
// smallest company chosen as hlx would save it.
func loggedIn(t *testing.T) (*world, simulator.CompanyInfo) {
	t.Helper()
	w := newWorld(t)
	if _, errOut, code := run(t, w, "login"); code != ExitOK {
		t.Fatalf("login exit %d: %s", code, errOut)
	}
	small := w.sim.Companies()[0]
	w.choose(t, small.ID)
	return w, small
}

// choose saves id as the current account's company.
func (w *world) choose(t *testing.T, id string) {
	t.Helper()
	apiURL, _ := config.NormalizeAPIURL(w.sim.URL)
	if err := config.NewStore(w.opts.StorePath).Update(func(s *config.Session) error {
		s.Current(apiURL).CompanyID = id
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// api is a client with the session's access token, to see what the API
// says independently of the commands under test.
func (w *world) api(t *testing.T, company string) *hyperline.CompanyClient {
	t.Helper()
	apiURL, _ := config.NormalizeAPIURL(w.sim.URL)
	tok := w.session(t).Current(apiURL).Token.AccessToken
	c, err := hyperline.New(w.sim.URL, oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok}))
	if err != nil {
		t.Fatal(err)
	}
	return c.Company(company)
}

// totals asks the API itself how many objects of each kind the company
// has, every status included.
func totals(t *testing.T, cc *hyperline.CompanyClient) map[objectKind]int {
	t.Helper()
	ctx := context.Background()
	first := hyperline.ListOptions{Take: 1, WithTotal: true}
	cus, err := cc.ListCustomers(ctx, hyperline.CustomerListOptions{ListOptions: first})
	if err != nil {
		t.Fatal(err)
	}
	subs, err := cc.ListSubscriptions(ctx, hyperline.SubscriptionListOptions{ListOptions: hyperline.ListOptions{Take: 1},
		Status: []hyperline.SubscriptionStatus{hyperline.StatusAny}})
	if err != nil {
		t.Fatal(err)
	}
	invs, err := cc.ListInvoices(ctx, hyperline.InvoiceListOptions{ListOptions: first, Status: []string{hyperline.InvoiceFilterAll}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []interface{ HasTotal() bool }{cus, subs, invs} {
		if !p.HasTotal() {
			t.Fatal("the simulator sent no total")
		}
	}
	return map[objectKind]int{kindCustomer: cus.Meta.Total, kindSubscription: subs.Meta.Total, kindInvoice: invs.Meta.Total}
}

// firstIDs returns the ID of one object of each kind in the company.
func firstIDs(t *testing.T, cc *hyperline.CompanyClient) map[objectKind]string {
	t.Helper()
	ctx := context.Background()
	one := hyperline.ListOptions{Take: 1}
	cus, err := cc.ListCustomers(ctx, hyperline.CustomerListOptions{ListOptions: one})
	if err != nil || len(cus.Items) == 0 {
		t.Fatalf("customers: %v", err)
	}
	subs, err := cc.ListSubscriptions(ctx, hyperline.SubscriptionListOptions{ListOptions: one,
		Status: []hyperline.SubscriptionStatus{hyperline.StatusAny}})
	if err != nil || len(subs.Items) == 0 {
		t.Fatalf("subscriptions: %v", err)
	}
	invs, err := cc.ListInvoices(ctx, hyperline.InvoiceListOptions{ListOptions: one, Status: []string{hyperline.InvoiceFilterAll}})
	if err != nil || len(invs.Items) == 0 {
		t.Fatalf("invoices: %v", err)
	}
	return map[objectKind]string{kindCustomer: cus.Items[0].ID, kindSubscription: subs.Items[0].ID, kindInvoice: invs.Items[0].ID}
}

// dataRequests are the logged data requests (not OAuth) to path prefix.
func dataRequests(w *world, prefix string) []simulator.RequestRecord {
	var out []simulator.RequestRecord
	for _, r := range w.sim.Requests() {
		if r.Method == http.MethodGet && strings.HasPrefix(r.Path, prefix) {
			out = append(out, r)
		}
	}
	return out
}

// kinds lists the object kinds in a fixed order.
var kinds = []objectKind{kindCustomer, kindSubscription, kindInvoice}
