package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/lookup"
)

// testNow is the fixed clock of the unit and golden tests.
var testNow = time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)

// fakeSession is a Session with a saved account and scripted logins.
type fakeSession struct {
	mu        sync.Mutex
	saved     bool  // Resume succeeds
	resumeErr error // when set, what Resume returns
	account   Account
	loginErr  error
	loginURL  string
	loginNote string
	token     TokenState
	refreshes int
	logouts   int
	logoutErr error
	chosen    []string
	events    chan SessionEvent
}

func newFakeSession() *fakeSession {
	tok := TokenState{ExpiresAt: testNow.Add(23*time.Hour + 59*time.Minute + 30*time.Second),
		IssuedAt: testNow.Add(-30 * time.Second), HasRefreshToken: true}
	return &fakeSession{
		saved: true,
		account: Account{Email: "ada@example.com", Name: "Ada Lovelace", CompanyID: "cmp_acme",
			Companies: []hyperline.Company{{ID: "cmp_acme", Name: "Acme Corp"}, {ID: "cmp_globex", Name: "Globex"}},
			Token:     tok},
		token:    tok,
		loginURL: "https://sandbox.api.hyperline.co/oauth/authorize?client_id=app_123&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&response_type=code&state=abc",
	}
}

func (s *fakeSession) Resume(context.Context) (Account, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.resumeErr != nil {
		return Account{}, s.resumeErr
	}
	if !s.saved {
		return Account{}, fmt.Errorf("no tokens: %w", ErrLoginRequired)
	}
	return s.account, nil
}

func (s *fakeSession) Login(_ context.Context, progress func(LoginProgress)) (Account, error) {
	progress(LoginProgress{Stage: LoginStarting})
	progress(LoginProgress{Stage: LoginWaiting, URL: s.loginURL, Note: s.loginNote})
	s.mu.Lock()
	err := s.loginErr
	s.mu.Unlock()
	if err != nil {
		return Account{}, err
	}
	progress(LoginProgress{Stage: LoginExchanging})
	progress(LoginProgress{Stage: LoginLoadingCompanies})
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saved = true
	acct := s.account
	acct.Notice = s.loginNote
	return acct, nil
}

func (s *fakeSession) Token() TokenState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.token
}

func (s *fakeSession) Refresh(context.Context) (TokenState, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refreshes++
	s.token.RefreshedAt = testNow
	s.token.ExpiresAt = testNow.Add(24 * time.Hour)
	return s.token, nil
}

func (s *fakeSession) Logout(context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.logouts++
	s.saved = false
	return s.logoutErr
}

func (s *fakeSession) ChooseCompany(_ context.Context, co hyperline.Company) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chosen = append(s.chosen, co.ID)
	return nil
}

func (s *fakeSession) Events() <-chan SessionEvent { return s.events }

// fakeData serves generated objects per company and records every call.
type fakeData struct {
	mu        sync.Mutex
	customers map[string][]hyperline.Customer
	subs      map[string][]hyperline.Subscription
	invoices  map[string][]hyperline.Invoice
	calls     []string // "company:what:query"
	failNext  error
}

func newFakeData(sizes map[string]int) *fakeData {
	d := &fakeData{customers: map[string][]hyperline.Customer{},
		subs: map[string][]hyperline.Subscription{}, invoices: map[string][]hyperline.Invoice{}}
	names := []string{"Acme Tools", "Bluebird Analytics", "Cobalt Labs", "Delta Freight", "Evergreen Farms",
		"Fjord Studio", "Granite Legal", "Helios Energy", "Iris Health", "Juniper Foods"}
	statuses := []string{"active", "active", "active", "archived"}
	currencies := []string{"EUR", "USD", "JPY", "KWD"}
	subStatuses := []string{"active", "pending", "paused", "cancelled", "errored", "draft"}
	invStatuses := []string{"paid", "to_pay", "error", "partially_paid", "draft", "voided", "grace_period"}
	for company, n := range sizes {
		prefix := strings.TrimPrefix(company, "cmp_")
		for i := range n {
			id := fmt.Sprintf("cus_%s%05d", prefix, i)
			name := fmt.Sprintf("%s %d", names[i%len(names)], i)
			if company != "cmp_acme" {
				name = strings.ToUpper(prefix[:1]) + prefix[1:] + " client " + fmt.Sprint(i)
			}
			cur := currencies[i%len(currencies)]
			created := testNow.AddDate(0, 0, -30-i).Format(time.RFC3339)
			d.customers[company] = append(d.customers[company], decode[hyperline.Customer](fmt.Sprintf(
				`{"id":%q,"name":%q,"type":"corporate","status":%q,"currency":%q,"billing_email":"billing@%s.example","external_id":null,"billing_address":{"name":%q,"line1":"5 rue de Paradis","line2":null,"city":"Paris","zip":"75010","state":null,"country":"FR"},"tax_ids":[],"subscriptions":[],"created_at":%q,"custom_properties":{},"integrations":%s}`,
				id, name, statuses[i%len(statuses)], cur, strings.ToLower(strings.Fields(name)[0]), name, created, fakeIntegrations(i))))
			if i%2 == 0 {
				next := testNow.AddDate(0, 0, i%40-5).Format(time.RFC3339)
				end := testNow.AddDate(0, 0, i%40).Format(time.RFC3339)
				d.subs[company] = append(d.subs[company], decode[hyperline.Subscription](fmt.Sprintf(
					`{"id":"sub_%s%05d","name":"Plan %d","status":%q,"currency":%q,"customer_id":%q,"plan_id":"plan_x","next_payment_at":%q,"next_payment_amount":%d,"current_period_ends_at":%q,"estimated_arr":%d,"created_at":%q,"products":[]}`,
					prefix, i, i%5, subStatuses[i%len(subStatuses)], cur, id, next, 123456+i*1000, end, 9900000, created)))
			}
			due := testNow.AddDate(0, 0, i%20-10).Format(time.RFC3339)
			// Every third invoice was first refused by the bank, then paid.
			txs := "[]"
			if i%3 == 1 {
				txs = fmt.Sprintf(`[{"id":"tra_%s%05db","type":"subscription","status":"settled","amount":%d,"currency":%q,"customer_id":%q,"process_at":%q,"settled_at":%q,"payment_method_type":"card","payment_method":{"id":"pm_1","status":"active","type":"card","last_4_digits":4242,"expiration_date":"2027-01","brand":"visa"}},`+
					`{"id":"tra_%s%05da","type":"subscription","status":"failed","error_type":"insufficient_funds","error_message":"Insufficient funds","amount":%d,"currency":%q,"customer_id":%q,"process_at":%q,"settled_at":null,"payment_method_type":"card","payment_method":{"id":"pm_1","status":"active","type":"card","last_4_digits":4242,"expiration_date":"2027-01","brand":"visa"}}]`,
					prefix, i, 240000+i*37, cur, id, due, due, prefix, i, 240000+i*37, cur, id, created)
			}
			d.invoices[company] = append(d.invoices[company], decode[hyperline.Invoice](fmt.Sprintf(
				`{"id":"inv_%s%05d","number":"INV-%d","type":"invoice","status":%q,"currency":%q,"total_amount":%d,"amount_excluding_tax":%d,"amount_due":%d,"amount_paid":0,"customer":{"id":%q,"name":%q},"issued_at":%q,"due_at":%q,"line_items":[],"transactions":%s,"public_url":"https://billing.example/inv_%s%05d"}`,
				prefix, i, 1000+i, invStatuses[i%len(invStatuses)], cur, 240000+i*37, 200000+i*31, (i%3)*80000, id, name, created, due, txs, prefix, i)))
			if i == 1 {
				d.invoices[company] = append(d.invoices[company], decode[hyperline.Invoice](fmt.Sprintf(
					`{"id":"inv_%s%05dcn","number":"CN-%d","type":"credit_note","status":"paid","currency":%q,"total_amount":-5000,"amount_due":0,"amount_paid":0,"customer":{"id":%q,"name":%q},"issued_at":%q,"due_at":%q,"line_items":[],"transactions":[],"original_invoice_id":"inv_%s%05d","original_invoice_number":"INV-%d"}`,
					prefix, i, 1000+i, cur, id, name, created, due, prefix, i, 1000+i)))
			}
		}
	}
	return d
}

// fakeIntegrations: the customers who pay by card (every third) have a
// Stripe record and a HubSpot one (no address template by default).
func fakeIntegrations(i int) string {
	if i%3 != 1 {
		return "[]"
	}
	return fmt.Sprintf(`[{"entity_id":"cus_stripe%05d","provider_name":"stripe","provider_account_id":"acc_1"},`+
		`{"entity_id":"%d","provider_name":"hubspot","provider_account_id":"acc_2"}]`, i, 9000+i)
}

func decode[T any](s string) T {
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		panic(fmt.Sprintf("fake JSON %s: %v", s, err))
	}
	return v
}

func (d *fakeData) record(company, what, query string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.calls = append(d.calls, company+":"+what+":"+query)
	err := d.failNext
	d.failNext = nil
	return err
}

func (d *fakeData) Calls() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.calls)
}

func page[T any](all []T, opts hyperline.ListOptions) *hyperline.Page[T] {
	take := opts.Take
	if take == 0 {
		take = hyperline.DefaultTake
	}
	start := min(opts.Skip, len(all))
	end := min(start+take, len(all))
	return &hyperline.Page[T]{Items: slices.Clone(all[start:end]),
		Meta: hyperline.Meta{Total: len(all), Taken: end - start, Skipped: start}}
}

// where keeps the items that match.
func where[T any](all []T, match func(T) bool) []T {
	var kept []T
	for _, v := range all {
		if match(v) {
			kept = append(kept, v)
		}
	}
	return kept
}

// fakeInvoiceStatus is the invoice status filter as the fake reads it:
// "all" and "finalized" take every invoice, "late" those owed past due,
// "outstanding" those still owed.
func fakeInvoiceStatus(inv hyperline.Invoice, filter []string) bool {
	for _, f := range filter {
		switch {
		case f == hyperline.InvoiceFilterAll, f == hyperline.InvoiceFilterFinalized, f == string(inv.Status),
			f == hyperline.InvoiceFilterLate && inv.Overdue(testNow),
			f == hyperline.InvoiceFilterOutstanding && slices.Contains([]hyperline.InvoiceStatus{hyperline.InvoiceToPay,
				hyperline.InvoiceGracePeriod, hyperline.InvoicePartiallyPaid, hyperline.InvoiceError}, inv.Status):
			return true
		}
	}
	return len(filter) == 0
}

// byID is a copy of the item that is, or the API's not-found error.
func byID[T any](all []T, is func(T) bool) (*T, error) {
	if i := slices.IndexFunc(all, is); i >= 0 {
		v := all[i]
		return &v, nil
	}
	return nil, hyperline.ErrNotFound
}

func (d *fakeData) Companies(context.Context) ([]hyperline.Company, error) {
	if err := d.record("", "companies", ""); err != nil {
		return nil, err
	}
	return []hyperline.Company{{ID: "cmp_acme", Name: "Acme Corp"}, {ID: "cmp_globex", Name: "Globex"}}, nil
}

func (d *fakeData) Customers(_ context.Context, company string, opts hyperline.CustomerListOptions) (*hyperline.Page[hyperline.Customer], error) {
	if err := d.record(company, "customers", opts.Search+fmt.Sprintf("@%d", opts.Skip)); err != nil {
		return nil, err
	}
	// Like the API's search: the name, the billing email or the id.
	q := strings.ToLower(opts.Search)
	all := where(d.customers[company], func(c hyperline.Customer) bool {
		return (q == "" || strings.Contains(strings.ToLower(c.Name), q) || strings.Contains(strings.ToLower(c.ID), q) ||
			(c.BillingEmail != nil && strings.Contains(strings.ToLower(*c.BillingEmail), q))) &&
			(len(opts.Status) == 0 || slices.Contains(opts.Status, c.Status))
	})
	return page(all, opts.ListOptions), nil
}

func (d *fakeData) Customer(_ context.Context, company, id string) (*hyperline.Customer, error) {
	if err := d.record(company, "customer", id); err != nil {
		return nil, err
	}
	return byID(d.customers[company], func(c hyperline.Customer) bool { return c.ID == id })
}

func (d *fakeData) Subscriptions(_ context.Context, company string, opts hyperline.SubscriptionListOptions) (*hyperline.Page[hyperline.Subscription], error) {
	if err := d.record(company, "subscriptions", opts.CustomerID+fmt.Sprintf("@%d", opts.Skip)); err != nil {
		return nil, err
	}
	all := where(d.subs[company], func(s hyperline.Subscription) bool {
		return (opts.CustomerID == "" || s.CustomerID == opts.CustomerID) && s.Status.MatchesFilter(opts.Status)
	})
	return page(all, opts.ListOptions), nil
}

func (d *fakeData) Subscription(_ context.Context, company, id string) (*hyperline.Subscription, error) {
	if err := d.record(company, "subscription", id); err != nil {
		return nil, err
	}
	return byID(d.subs[company], func(s hyperline.Subscription) bool { return s.ID == id })
}

func (d *fakeData) Invoices(_ context.Context, company string, opts hyperline.InvoiceListOptions) (*hyperline.Page[hyperline.Invoice], error) {
	if err := d.record(company, "invoices", opts.CustomerID+opts.NumberContains+fmt.Sprintf("@%d", opts.Skip)); err != nil {
		return nil, err
	}
	all := where(d.invoices[company], func(inv hyperline.Invoice) bool {
		return (opts.CustomerID == "" || inv.Customer.ID == opts.CustomerID) &&
			(opts.OriginalInvoiceID == "" || (inv.OriginalInvoiceID != nil && *inv.OriginalInvoiceID == opts.OriginalInvoiceID)) &&
			fakeInvoiceStatus(inv, opts.Status) && strings.Contains(inv.Number, opts.NumberContains) &&
			(opts.IssuedFrom.IsZero() || (inv.IssuedAt != nil && !inv.IssuedAt.Before(opts.IssuedFrom))) &&
			(opts.IssuedBefore.IsZero() || (inv.IssuedAt != nil && inv.IssuedAt.Before(opts.IssuedBefore)))
	})
	return page(all, opts.ListOptions), nil
}

func (d *fakeData) Transactions(_ context.Context, company string, opts hyperline.ListOptions) (*hyperline.Page[hyperline.ListedTransaction], error) {
	if err := d.record(company, "transactions", fmt.Sprintf("@%d", opts.Skip)); err != nil {
		return nil, err
	}
	var all []hyperline.ListedTransaction
	for _, inv := range d.invoices[company] {
		for _, t := range inv.Transactions {
			all = append(all, hyperline.ListedTransaction{Transaction: t,
				Allocations: []hyperline.Allocation{{InvoiceID: inv.ID, Amount: t.Amount}}})
		}
	}
	return page(all, opts), nil
}

func (d *fakeData) Transaction(_ context.Context, company, id string) (*hyperline.ListedTransaction, error) {
	if err := d.record(company, "transaction", id); err != nil {
		return nil, err
	}
	for _, inv := range d.invoices[company] {
		for _, t := range inv.Transactions {
			if t.ID == id {
				raw, _ := json.Marshal(t)
				return &hyperline.ListedTransaction{Transaction: t, Raw: raw,
					Allocations: []hyperline.Allocation{{InvoiceID: inv.ID, Amount: t.Amount}}}, nil
			}
		}
	}
	return nil, hyperline.ErrNotFound
}

func (d *fakeData) Wallets(_ context.Context, company, customerID string) ([]hyperline.Wallet, error) {
	if err := d.record(company, "wallets", customerID); err != nil {
		return nil, err
	}
	if strings.HasSuffix(customerID, "1") {
		return nil, nil // some customers have none
	}
	return []hyperline.Wallet{decode[hyperline.Wallet](`{"id":"wal_1","customer_id":"` + customerID +
		`","state":"active","currency":"EUR","balance":{"amount":12000},"projected_balance":{"amount":8000},"created_at":"2025-01-01T00:00:00Z"}`)}, nil
}

func (d *fakeData) DownloadInvoice(_ context.Context, company, id string, w io.Writer) (int64, error) {
	if err := d.record(company, "download", id); err != nil {
		return 0, err
	}
	n, err := io.WriteString(w, "%PDF-1.7 invoice "+id+"\n%%EOF\n")
	return int64(n), err
}

// Find is a small stand-in for package lookup (tested on its own against
// the simulator): an id in any company, current first; a billing email; an
// invoice number.
func (d *fakeData) Find(_ context.Context, current string, companies []hyperline.Company, query string) (*lookup.Result, error) {
	if err := d.record(current, "find", query); err != nil {
		return nil, err
	}
	q := strings.TrimSpace(query)
	order := []hyperline.Company{}
	for _, co := range companies {
		if co.ID == current {
			order = append([]hyperline.Company{co}, order...)
		} else {
			order = append(order, co)
		}
	}
	res := &lookup.Result{Query: q}
	for _, co := range order {
		for i := range d.customers[co.ID] {
			c := d.customers[co.ID][i]
			if c.ID == q || (c.BillingEmail != nil && strings.EqualFold(*c.BillingEmail, q)) {
				res.Candidates = append(res.Candidates, lookup.Match{Kind: lookup.KindCustomer, Company: co, Customer: &c})
			}
		}
		for i := range d.invoices[co.ID] {
			inv := d.invoices[co.ID][i]
			if inv.ID == q || inv.Number == q {
				res.Candidates = append(res.Candidates, lookup.Match{Kind: lookup.KindInvoice, Company: co, Invoice: &inv})
			}
		}
		if len(res.Candidates) > 0 {
			break
		}
	}
	switch len(res.Candidates) {
	case 0:
		return nil, &lookup.NotFoundError{Query: q, Tried: "no customer or invoice matches", Companies: len(companies)}
	case 1:
		res.Match, res.Candidates = res.Candidates[0], nil
	}
	return res, nil
}

func (d *fakeData) Analytics(_ context.Context, company string) (*hyperline.Analytics, error) {
	if err := d.record(company, "analytics", ""); err != nil {
		return nil, err
	}
	return &hyperline.Analytics{MRR: 1234567, ARR: 14814804, RevenueLast30Days: 987600, Churn30Days: 1.5,
		ActiveCustomers: float64(len(d.customers[company]))}, nil
}

func (d *fakeData) CustomerPortalURL(_ context.Context, company, customerID string) (string, error) {
	if err := d.record(company, "portal", customerID); err != nil {
		return "", err
	}
	return "https://portal.example/" + customerID, nil
}

// PaymentMethods: every third customer (those whose invoices have a
// refused payment) pays by a Visa card ending 4242; the others saved none.
func (d *fakeData) PaymentMethods(_ context.Context, company, customerID string) ([]hyperline.PaymentMethod, error) {
	if err := d.record(company, "payment methods", customerID); err != nil {
		return nil, err
	}
	c, err := byID(d.customers[company], func(c hyperline.Customer) bool { return c.ID == customerID })
	if err != nil {
		return nil, err
	}
	var n int
	fmt.Sscanf(c.ID[len(c.ID)-5:], "%d", &n)
	if n%3 != 1 {
		return []hyperline.PaymentMethod{}, nil
	}
	return []hyperline.PaymentMethod{decode[hyperline.PaymentMethod](
		`{"id":"pm_1","status":"active","type":"card","last_4_digits":4242,"expiration_date":"2027-01","brand":"visa"}`)}, nil
}

// AuditLogs: a customer's history read off its invoices (created, and
// settled when paid) and its creation, newest first, paged by a cursor
// that is the offset.
func (d *fakeData) AuditLogs(_ context.Context, company string, opts hyperline.AuditLogListOptions) (*hyperline.Page[hyperline.AuditLog], error) {
	if err := d.record(company, "audit logs", opts.CustomerID+"@"+opts.Cursor); err != nil {
		return nil, err
	}
	var all []hyperline.AuditLog
	for _, inv := range d.invoices[company] {
		if inv.Customer.ID != opts.CustomerID || inv.IssuedAt == nil {
			continue
		}
		id := inv.ID
		all = append(all, hyperline.AuditLog{Type: "invoice.created", HappenedAt: *inv.IssuedAt, CustomerID: &opts.CustomerID, InvoiceID: &id})
		if inv.Status == hyperline.InvoicePaid && inv.DueAt != nil {
			all = append(all, hyperline.AuditLog{Type: "invoice.settled", HappenedAt: *inv.DueAt, CustomerID: &opts.CustomerID, InvoiceID: &id})
		}
	}
	if c, err := byID(d.customers[company], func(c hyperline.Customer) bool { return c.ID == opts.CustomerID }); err == nil {
		all = append(all, hyperline.AuditLog{Type: "customer.created", HappenedAt: c.CreatedAt, CustomerID: &opts.CustomerID})
		all = append(all, hyperline.AuditLog{Type: "email.created", EmailStatus: ptrTo("delivered"), HappenedAt: c.CreatedAt.Add(time.Hour), CustomerID: &opts.CustomerID})
	}
	slices.SortStableFunc(all, func(a, b hyperline.AuditLog) int { return b.HappenedAt.Compare(a.HappenedAt) })
	from := 0
	fmt.Sscanf(opts.Cursor, "%d", &from)
	take := opts.Take
	if take == 0 {
		take = hyperline.DefaultTake
	}
	end := min(from+take, len(all))
	p := &hyperline.Page[hyperline.AuditLog]{Items: slices.Clone(all[min(from, end):end])}
	if end < len(all) {
		p.NextCursor = fmt.Sprint(end)
	}
	return p, nil
}

func ptrTo[T any](v T) *T { return &v }

func (d *fakeData) Invoice(_ context.Context, company, id string) (*hyperline.Invoice, error) {
	if err := d.record(company, "invoice", id); err != nil {
		return nil, err
	}
	return byID(d.invoices[company], func(inv hyperline.Invoice) bool { return inv.ID == id })
}
