package lookup_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// env is a fresh simulator, a client on it with a user's OAuth access token
// (the user sees every seeded company; the sandbox API key is bound to one)
// and the companies it reaches, the first playing the user's current
// company.
type env struct {
	sim       *simulator.Running
	c         *hyperline.Client
	companies []hyperline.Company
}

func newEnv(t *testing.T, cfg simulator.Config) *env {
	t.Helper()
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Scale == 0 {
		cfg.Scale = 0.2
	}
	sim, err := simulator.Start("127.0.0.1:0", cfg)
	if err != nil {
		t.Fatalf("start simulator: %v", err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	c, err := hyperline.New(sim.URL, hyperline.APIKey(accessToken(t, sim)))
	if err != nil {
		t.Fatalf("new client: %v", err)
	}
	companies, err := c.AllCompanies(context.Background())
	if err != nil {
		t.Fatalf("list companies: %v", err)
	}
	if len(companies) < 3 {
		t.Fatalf("simulator seeds %d companies, want at least 3", len(companies))
	}
	return &env{sim: sim, c: c, companies: companies}
}

func (e *env) current() hyperline.Company { return e.companies[0] }

// customers returns the first customers of a company.
func (e *env) customers(t *testing.T, co hyperline.Company, opts hyperline.CustomerListOptions) []hyperline.Customer {
	t.Helper()
	if opts.Take == 0 {
		opts.Take = hyperline.MaxTake
	}
	p, err := e.c.Company(co.ID).ListCustomers(context.Background(), opts)
	if err != nil {
		t.Fatalf("list customers of %s: %v", co.ID, err)
	}
	return p.Items
}

// customerWith returns a customer of co for which ok holds.
func (e *env) customerWith(t *testing.T, co hyperline.Company, ok func(hyperline.Customer) bool) hyperline.Customer {
	t.Helper()
	for _, c := range e.customers(t, co, hyperline.CustomerListOptions{}) {
		if ok(c) {
			return c
		}
	}
	t.Fatalf("no customer of %s fits the test", co.ID)
	return hyperline.Customer{}
}

// subscription returns a subscription of co.
func (e *env) subscription(t *testing.T, co hyperline.Company) hyperline.Subscription {
	t.Helper()
	p, err := e.c.Company(co.ID).ListSubscriptions(context.Background(), hyperline.SubscriptionListOptions{
		ListOptions: hyperline.ListOptions{Take: 1},
		Status:      []hyperline.SubscriptionStatus{hyperline.StatusAny},
	})
	if err != nil || len(p.Items) == 0 {
		t.Fatalf("list subscriptions of %s: %d, %v", co.ID, len(p.Items), err)
	}
	return p.Items[0]
}

// invoice returns an invoice of co that has a number.
func (e *env) invoice(t *testing.T, co hyperline.Company) hyperline.Invoice {
	t.Helper()
	p, err := e.c.Company(co.ID).ListInvoices(context.Background(), hyperline.InvoiceListOptions{
		ListOptions: hyperline.ListOptions{Take: 20},
		Status:      []string{hyperline.InvoiceFilterAll},
	})
	if err != nil {
		t.Fatalf("list invoices of %s: %v", co.ID, err)
	}
	for _, inv := range p.Items {
		if inv.Number != "" {
			return inv
		}
	}
	t.Fatalf("no numbered invoice in the first page of %s", co.ID)
	return hyperline.Invoice{}
}

// dataRequests returns the company-scoped requests the simulator saw
// since the last reset.
func (e *env) dataRequests() []simulator.RequestRecord {
	var out []simulator.RequestRecord
	for _, r := range e.sim.Requests() {
		if strings.HasPrefix(r.Path, "/v") && r.CompanyHeader != "" {
			out = append(out, r)
		}
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// accessToken runs the OAuth code flow against sim (authorize, consent,
// code exchange) and returns the user's access token.
func accessToken(t *testing.T, sim *simulator.Running) string {
	t.Helper()
	app := sim.App()
	const redirect = "http://127.0.0.1:8765/callback"
	q := url.Values{"client_id": {app.ClientID}, "redirect_uri": {redirect},
		"response_type": {"code"}, "state": {"st4te"}}
	back, err := simulator.Consent(t.Context(), nil, sim.URL+"/oauth/authorize?"+q.Encode(), true)
	if err != nil {
		t.Fatalf("consent: %v", err)
	}
	body, _ := json.Marshal(map[string]string{
		"client_id": app.ClientID, "client_secret": app.ClientSecret, "grant_type": "authorization_code",
		"code": back.Query().Get("code"), "redirect_uri": redirect,
	})
	resp, err := http.Post(sim.URL+"/oauth/tokens", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("token exchange: %v", err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || resp.StatusCode != http.StatusOK || tok.AccessToken == "" {
		t.Fatalf("token exchange: status %d, err %v", resp.StatusCode, err)
	}
	return tok.AccessToken
}
