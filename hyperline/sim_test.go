package hyperline

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

func TestSimCompanyHeaderOnEveryDataCall(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 3, Scale: 0.03})
	c, _ := simClient(t, sim, false)
	ctx := context.Background()

	companies, err := c.AllCompanies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seeded := sim.Companies()
	if len(companies) != len(seeded) || len(companies) < 2 {
		t.Fatalf("%d companies, simulator seeded %d", len(companies), len(seeded))
	}
	for i, co := range companies {
		if co.ID != seeded[i].ID || co.Name != seeded[i].Name || len(co.Raw) == 0 {
			t.Fatalf("company %d: %+v, want %+v", i, co, seeded[i])
		}
	}
	sim.ResetRequests()
	for _, co := range companies {
		cc := c.Company(co.ID)
		customers, err := cc.AllCustomers(ctx, CustomerListOptions{})
		if err != nil {
			t.Fatalf("%s: customers: %v", co.ID, err)
		}
		if len(customers) == 0 {
			continue
		}
		if _, err := cc.GetCustomer(ctx, customers[0].ID); err != nil {
			t.Fatalf("%s: get customer: %v", co.ID, err)
		}
		subs, err := cc.AllSubscriptions(ctx, SubscriptionListOptions{Status: []SubscriptionStatus{StatusAll}})
		if err != nil {
			t.Fatalf("%s: subscriptions: %v", co.ID, err)
		}
		if len(subs) > 0 {
			if _, err := cc.GetSubscription(ctx, subs[0].ID); err != nil {
				t.Fatalf("%s: get subscription: %v", co.ID, err)
			}
		}
	}
	reqs := sim.Requests()
	if len(reqs) < 3*len(companies) {
		t.Fatalf("only %d requests logged", len(reqs))
	}
	byPathCompany := map[string]bool{}
	for _, r := range reqs {
		if r.CompanyHeader == "" {
			t.Fatalf("%s %s?%s went without Hyperline-CompanyId", r.Method, r.Path, r.Query)
		}
		if r.Status != http.StatusOK || !r.Authorized {
			t.Fatalf("%s %s: status %d authorized %v", r.Method, r.Path, r.Status, r.Authorized)
		}
		byPathCompany[r.CompanyHeader] = true
	}
	if len(byPathCompany) != len(companies) {
		t.Fatalf("requests went to %d companies, want %d", len(byPathCompany), len(companies))
	}
}

func TestSimPagingSizes(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 99, 100, 101, 250} {
		t.Run("", func(t *testing.T) {
			t.Parallel()
			sim := startSim(t, simulator.Config{Seed: 5, LargeCustomers: n, Scale: 0.01})
			c, _ := simClient(t, sim, false)
			ctx := context.Background()
			seeded := sim.Companies()
			large := seeded[len(seeded)-1]
			if large.Customers != n {
				t.Fatalf("largest company has %d customers, want %d", large.Customers, n)
			}
			cc := c.Company(large.ID)
			walked, err := collect(t, cc.Customers(ctx, CustomerListOptions{}))
			if err != nil {
				t.Fatal(err)
			}
			all, err := cc.AllCustomers(ctx, CustomerListOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(walked) != n || !slices.Equal(ids(walked, customerID), ids(all, customerID)) {
				t.Fatalf("walked %d, all %d, want %d in the same order", len(walked), len(all), n)
			}
			// Page by page with the server default and with take 99.
			for _, take := range []int{0, 99} {
				var got []string
				opts := CustomerListOptions{ListOptions: ListOptions{Take: take}}
				for pages := 0; ; pages++ {
					p, err := cc.ListCustomers(ctx, opts)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, ids(p.Items, customerID)...)
					if !p.HasMore() {
						break
					}
					if pages > n {
						t.Fatal("HasMore never ended")
					}
					opts.ListOptions = p.NextOptions()
				}
				if !slices.Equal(got, ids(all, customerID)) {
					t.Fatalf("take %d: paged %d items, want %d", take, len(got), n)
				}
			}
			// An empty result through a filter that matches nothing.
			none, err := cc.AllCustomers(ctx, CustomerListOptions{NameContains: "no-such-customer-zzz"})
			if err != nil || len(none) != 0 {
				t.Fatalf("empty filter: %v, %d items", err, len(none))
			}
		})
	}
}

func TestSimFilters(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 9, Scale: 0.05})
	c, _ := simClient(t, sim, false)
	ctx := context.Background()
	seeded := sim.Companies()
	cc := c.Company(seeded[len(seeded)-1].ID)

	all, err := cc.AllSubscriptions(ctx, SubscriptionListOptions{Status: []SubscriptionStatus{StatusAny}})
	if err != nil {
		t.Fatal(err)
	}
	hidden := 0
	for _, s := range all {
		switch s.Status {
		case SubscriptionDraft, SubscriptionVoided, SubscriptionCancelled, SubscriptionArchived:
			hidden++
		}
	}
	if hidden == 0 {
		t.Fatal("no churned subscriptions seeded")
	}
	// The default and "all" hide the same statuses; "any" shows them.
	for _, filter := range [][]SubscriptionStatus{nil, {StatusAll}} {
		def, err := cc.AllSubscriptions(ctx, SubscriptionListOptions{Status: filter})
		if err != nil {
			t.Fatal(err)
		}
		if len(def) != len(all)-hidden {
			t.Fatalf("status %v: %d, any %d with %d hidden", filter, len(def), len(all), hidden)
		}
		for _, s := range def {
			if s.Status.hiddenByDefault() {
				t.Fatalf("status %v shows %s subscription %s", filter, s.Status, s.ID)
			}
		}
	}
	inactive, err := cc.AllSubscriptions(ctx, SubscriptionListOptions{Status: []SubscriptionStatus{SubscriptionInactive}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range inactive {
		if s.Status != SubscriptionPending && s.Status != SubscriptionPaused {
			t.Fatalf("inactive returned %s", s.Status)
		}
	}
	active, err := cc.AllSubscriptions(ctx, SubscriptionListOptions{Status: []SubscriptionStatus{SubscriptionActive, SubscriptionPaused}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range active {
		if s.Status != SubscriptionActive && s.Status != SubscriptionPaused {
			t.Fatalf("status__in returned %s", s.Status)
		}
	}
	if len(all) == 0 {
		t.Fatal("no subscriptions seeded")
	}
	owner := all[0].CustomerID
	mine, err := cc.AllSubscriptions(ctx, SubscriptionListOptions{Status: []SubscriptionStatus{StatusAny}, CustomerID: owner})
	if err != nil || len(mine) == 0 {
		t.Fatalf("customer filter: %v, %d", err, len(mine))
	}
	for _, s := range mine {
		if s.CustomerID != owner {
			t.Fatalf("subscription %s of %s in %s's list", s.ID, s.CustomerID, owner)
		}
	}

	customers, err := cc.AllCustomers(ctx, CustomerListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	name := customers[len(customers)/2].Name
	byName, err := cc.AllCustomers(ctx, CustomerListOptions{NameContains: strings.ToUpper(name)})
	if err != nil || len(byName) == 0 {
		t.Fatalf("name filter %q: %v, %d", name, err, len(byName))
	}
	picked := customers[3]
	bySearch, err := cc.AllCustomers(ctx, CustomerListOptions{Search: picked.ID})
	if err != nil || !slices.Equal(ids(bySearch, customerID), []string{picked.ID}) {
		t.Fatalf("search by id: %v, %v", err, ids(bySearch, customerID))
	}
	if picked.BillingEmail != nil {
		byEmail, err := cc.AllCustomers(ctx, CustomerListOptions{BillingEmail: *picked.BillingEmail})
		if err != nil || !slices.Contains(ids(byEmail, customerID), picked.ID) {
			t.Fatalf("billing_email: %v, %v", err, ids(byEmail, customerID))
		}
	}
	// Newest first by default, oldest first when asked.
	asc, err := cc.AllCustomers(ctx, CustomerListOptions{Sort: Sort{Order: Ascending}})
	if err != nil || len(asc) != len(customers) || asc[0].ID != customers[len(customers)-1].ID ||
		customers[0].CreatedAt.Before(customers[len(customers)-1].CreatedAt) {
		t.Fatalf("order: %v; asc first %s, desc last %s", err, asc[0].ID, customers[len(customers)-1].ID)
	}
	for _, cu := range customers[:5] {
		full, err := cc.GetCustomer(ctx, cu.ID)
		if err != nil || full.ID != cu.ID || len(full.Raw) == 0 {
			t.Fatalf("GetCustomer(%s): %v", cu.ID, err)
		}
	}
	if _, err := cc.GetCustomer(ctx, "cus_doesnotexist"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown customer: %v", err)
	}
}

func TestSimFaultsAreRetried(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 11, Scale: 0.2, ErrorRate: 0.2, RateLimitRate: 0.1})
	rec := &sleepRecorder{}
	c, _ := simClient(t, sim, false, WithRetry(RetryPolicy{MaxAttempts: 8, Sleep: rec.sleep}))
	seeded := sim.Companies()
	cc := c.Company(seeded[1].ID)
	got, err := cc.AllCustomers(context.Background(), CustomerListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != seeded[1].Customers {
		t.Fatalf("%d customers, want %d", len(got), seeded[1].Customers)
	}
	retries := len(rec.got())
	if retries == 0 {
		t.Fatal("no retries although faults were on")
	}
	statuses := map[int]int{}
	for _, r := range sim.Requests() {
		statuses[r.Status]++
	}
	if statuses[429]+statuses[503] != retries {
		t.Fatalf("statuses %v, retries %d", statuses, retries)
	}
	for _, d := range rec.got() {
		if d < 0 {
			t.Fatalf("negative delay %v", d)
		}
	}
}

func TestSimMalformedBodies(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 2, Scale: 0.1, MalformedRate: 1})
	c, rec := simClient(t, sim, false)
	_, err := c.Company(sim.Companies()[0].ID).ListCustomers(context.Background(), CustomerListOptions{})
	if !errors.Is(err, ErrMalformedResponse) || !strings.Contains(err.Error(), "/v2/customers") {
		t.Fatalf("err = %v, want ErrMalformedResponse naming the endpoint", err)
	}
	if n := len(rec.got()); n != 0 {
		t.Fatalf("a complete but malformed body was retried %d times", n)
	}
}

func TestSimAuthErrors(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 4, Scale: 0.1})
	c, _ := simClient(t, sim, false)
	ctx := context.Background()
	u, err := c.UserInfo(ctx)
	if err != nil || u.Email != sim.User().Email || len(u.Raw) == 0 {
		t.Fatalf("UserInfo: %v %+v", err, u)
	}
	// An OAuth token cannot use the Apps API.
	if _, err := c.ListApps(ctx); !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("Apps API with OAuth token: %v", err)
	}
	// A company the token cannot see.
	_, err = c.Company("cmp_nope").ListCustomers(ctx, CustomerListOptions{})
	if !errors.Is(err, ErrForbidden) {
		t.Fatalf("unknown company: %v", err)
	}
	sim.ExpireAccessTokens()
	if _, err := c.AllCompanies(ctx); !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("expired token: %v", err)
	}
	bad, _ := New(sim.URL, APIKey("test_wrong"))
	if _, err := bad.ListCompanies(ctx); !errors.Is(err, ErrUnauthorized) || strings.Contains(err.Error(), "test_wrong") {
		t.Fatalf("wrong key: %v", err)
	}
}

func TestSimAppsAPIWithAPIKey(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 6, Scale: 0.1})
	c, _ := simClient(t, sim, true)
	ctx := context.Background()
	apps, err := c.ListApps(ctx)
	if err != nil || len(apps) == 0 {
		t.Fatalf("ListApps: %v %d", err, len(apps))
	}
	if apps[0].ClientID != sim.App().ClientID || apps[0].ClientSecret != "" {
		t.Fatalf("seeded app: %+v", apps[0])
	}
	desc := "A terminal explorer"
	created, err := c.CreateApp(ctx, AppInput{Name: "hlx test", Description: &desc,
		Callbacks: []string{"http://127.0.0.1:8765/callback"}})
	if err != nil || created.ClientSecret == "" || created.ClientID == "" || created.Description == nil {
		t.Fatalf("CreateApp: %v %+v", err, created)
	}
	updated, err := c.UpdateApp(ctx, created.ID, AppInput{Name: "hlx renamed", Callbacks: []string{"http://localhost:9000/callback"}})
	if err != nil || updated.Name != "hlx renamed" || updated.Description != nil || updated.ClientSecret != "" {
		t.Fatalf("UpdateApp: %v %+v", err, updated)
	}
	apps, err = c.ListApps(ctx)
	if err != nil || len(apps) != 2 {
		t.Fatalf("ListApps after create: %v %d", err, len(apps))
	}
	if err := c.DeleteApp(ctx, created.ID); err != nil {
		t.Fatalf("DeleteApp: %v", err)
	}
	if err := c.DeleteApp(ctx, created.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("DeleteApp twice: %v", err)
	}
	apps, err = c.ListApps(ctx)
	if err != nil || len(apps) != 1 {
		t.Fatalf("ListApps after delete: %v %d", err, len(apps))
	}
	// The API key sees its one company, and data calls still carry the header.
	companies, err := c.AllCompanies(ctx)
	if err != nil || len(companies) != 1 {
		t.Fatalf("API key companies: %v %d", err, len(companies))
	}
}

// TestSimAllCustomersByWindows: AllCustomers cuts the list into creation
// windows walked at once, and still returns exactly the list, in its
// order, in both directions.
func TestSimAllCustomersByWindows(t *testing.T) {
	t.Parallel()
	sim := startSim(t, simulator.Config{Seed: 4, LargeCustomers: 1234})
	c, _ := simClient(t, sim, false)
	seeded := sim.Companies()
	cc := c.Company(seeded[len(seeded)-1].ID)
	ctx := context.Background()
	for _, order := range []Order{Descending, Ascending} {
		opts := CustomerListOptions{Sort: Sort{Order: order}}
		var walked []Customer
		for cu, err := range cc.Customers(ctx, opts) {
			if err != nil {
				t.Fatal(err)
			}
			walked = append(walked, cu)
		}
		sim.ResetRequests()
		all, err := cc.AllCustomers(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 1234 || !slices.Equal(ids(all, customerID), ids(walked, customerID)) {
			t.Fatalf("order %s: AllCustomers gave %d customers, not the %d of the walk in its order", order, len(all), len(walked))
		}
		windowed := 0
		for _, r := range sim.Requests() {
			if strings.Contains(r.Query, "created_at__gte") {
				windowed++
			}
		}
		if windowed < 2 {
			t.Fatalf("order %s: %d windowed requests; the list was not cut", order, windowed)
		}
	}
}
