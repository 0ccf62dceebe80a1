package ui

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
)

// runAtOnce runs cmd, and the commands of every batch in it side by side
// (each in its goroutine, as Bubble Tea does), and returns their messages.
func runAtOnce(cmd tea.Cmd) []tea.Msg {
	var mu sync.Mutex
	var msgs []tea.Msg
	var wg sync.WaitGroup
	var run func(c tea.Cmd)
	run = func(c tea.Cmd) {
		defer wg.Done()
		switch m := c().(type) {
		case nil:
		case tea.BatchMsg:
			for _, sub := range m {
				if sub != nil {
					wg.Add(1)
					go run(sub)
				}
			}
		default:
			mu.Lock()
			msgs = append(msgs, m)
			mu.Unlock()
		}
	}
	if cmd != nil {
		wg.Add(1)
		go run(cmd)
	}
	wg.Wait()
	return msgs
}

// TestCustomerScreenRequestsAtOnce: opening a customer sends exactly
// ticket.Requests() (9) requests, all in the first round (none waits on
// another's answer), and their answers ask for nothing more; every
// section then shows.
func TestCustomerScreenRequestsAtOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	before := len(h.data.Calls())
	_, open := h.app.Update(keyMsg("down"))
	h.run(open)
	_, open = h.app.Update(keyMsg("enter"))
	var load tea.Cmd
	for _, m := range runAtOnce(open) {
		_, load = h.app.Update(m)
	}
	msgs := runAtOnce(load)
	calls := h.data.Calls()[before:]
	if len(calls) != ticket.Requests() || ticket.Requests() != 9 {
		t.Fatalf("opening a customer made %d requests, want %d:\n%s", len(calls), ticket.Requests(), strings.Join(calls, "\n"))
	}
	for _, m := range msgs {
		_, next := h.app.Update(m)
		h.run(next)
	}
	if more := h.data.Calls()[before+len(calls):]; len(more) != 0 {
		t.Fatalf("the answers asked for more: %v", more)
	}
	h.key("tab")
	h.requireView("Balance", "800.00 USD late", "Payment methods", "Visa •••• 4242", "why: there was not enough money",
		"Subscriptions", "Linked records", "Recent activity", "Wallet")
}

// TestCustomerScreenSectionFailsAlone: a part that fails says so in its
// own section; the others fill in.
func TestCustomerScreenSectionFailsAlone(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	h.app.c.data = failingMethods{h.data}
	h.key("down")
	h.key("enter")
	h.key("tab")
	h.requireView("✗ could not load: ", "800.00 USD late", "why: there was not enough money")
}

// failingMethods is Data whose payment methods request fails.
type failingMethods struct{ Data }

func (failingMethods) PaymentMethods(context.Context, string, string) ([]hyperline.PaymentMethod, error) {
	return nil, hyperline.ErrNotFound
}

// TestCustomerScreenAt20ms measures, against the simulator at 20 ms per
// request, the requests and the time from enter on a customer to the full
// screen: the 9 requests go out at once, so it takes about one round
// trip (two for the list pages the simulator builds), not nine.
func TestCustomerScreenAt20ms(t *testing.T) {
	t.Parallel()
	env := newSimEnv(t, simulator.Config{Scale: 0.2, Latency: 20 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b := env.backend(ctx)
	if _, err := b.Login(ctx, func(LoginProgress) {}); err != nil {
		t.Fatal(err)
	}
	co := env.sim.Companies()[1]
	cp, err := b.Customers(ctx, co.ID, hyperline.CustomerListOptions{ListOptions: hyperline.ListOptions{Take: 1}})
	if err != nil || len(cp.Items) == 0 {
		t.Fatalf("customers: %v", err)
	}
	app := New(env.deps(ctx, b, b))
	env.sim.ResetRequests()
	start := time.Now()
	d, load := newDetail(app.c, scope{company: hyperline.Company{ID: co.ID}, ctx: ctx}, kindCustomer, cp.Items[0].ID, cp.Items[0])
	for _, m := range runAtOnce(load) {
		var next tea.Cmd
		d, next = d.update(m)
		if next != nil {
			runAtOnce(next)
		}
	}
	elapsed := time.Since(start)
	n := len(env.sim.Requests())
	if n != ticket.Requests() {
		t.Fatalf("%d requests, want %d", n, ticket.Requests())
	}
	if f, ok := d.ticketFacts(); !ok || len(f.Loaded) != len(ticket.Parts()) {
		t.Fatalf("parts loaded: %v", f.Loaded)
	}
	t.Logf("customer screen: %d requests at once, full in %v at 20 ms latency (one after another: ≥ %v)",
		n, elapsed.Round(time.Millisecond), time.Duration(n)*20*time.Millisecond)
}

// TestSummaryKeyOnScreensAndRows: S on an invoice screen (the cursor on a
// payment row) copies its customer's summary with the invoice on top; on a
// customer list row it gathers the ticket first; the summary shows, and
// says what was copied.
func TestSummaryKeyOnScreensAndRows(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 30).start()
	h.key("3")
	h.key("down") // INV-1001
	h.key("enter")
	h.key("tab") // the payments
	if sel, ok := h.app.top().selected(); !ok || sel.kind != kindTransaction {
		t.Fatalf("the cursor is on %+v, want a payment", sel)
	}
	h.key("S")
	h.requireView("Ticket summary · Bluebird Analytics 1", "Invoice **INV-1001**", "Copied the ticket summary of Bluebird Analytics 1")
	copied := h.copiedTexts()
	if len(copied) != 1 || !strings.Contains(copied[0], "- Last failure: ") || !strings.Contains(copied[0], "Visa •••• 4242") {
		t.Fatalf("copied %q", copied)
	}
	h.key("esc")
	h.key("esc")
	h.key("1")
	h.key("S") // a customer row: Acme Tools 0
	h.requireView("Ticket summary · Acme Tools 0", "- Owed: ")
	if n := len(h.copiedTexts()); n != 2 {
		t.Fatalf("%d copies, want 2", n)
	}
}

// pagedActivity is Data whose audit log has two pages.
type pagedActivity struct{ Data }

func (pagedActivity) AuditLogs(_ context.Context, _ string, opts hyperline.AuditLogListOptions) (*hyperline.Page[hyperline.AuditLog], error) {
	at := testNow.Add(-time.Hour)
	p := &hyperline.Page[hyperline.AuditLog]{}
	n, label := ticket.ActivityPage, "invoice.created"
	if opts.Cursor == "p2" {
		n, label = 2, "subscription.renewed"
	} else {
		p.NextCursor = "p2"
	}
	for i := range n {
		p.Items = append(p.Items, hyperline.AuditLog{Type: label, HappenedAt: at.Add(-time.Duration(i) * time.Minute)})
	}
	return p, nil
}

// TestActivityMoreOnDemand: the activity shows its first page with "m:
// more"; m fetches the next page (one request) and appends it, and the
// hint goes once there is no more.
func TestActivityMoreOnDemand(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 60).start()
	h.app.c.data = pagedActivity{h.data}
	h.key("enter")
	h.requireView("invoice created", "m: more")
	h.rejectView("subscription renewed")
	h.key("m")
	h.requireView("subscription renewed")
	h.rejectView("m: more")
}

// TestInvoiceScreenRequests: an invoice screen costs 2 requests (the
// invoice and its credit notes), sent at once; its payments come with it.
func TestInvoiceScreenRequests(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	h.key("3")
	before := len(h.data.Calls())
	_, open := h.app.Update(keyMsg("enter"))
	var load tea.Cmd
	for _, m := range runAtOnce(open) {
		_, load = h.app.Update(m)
	}
	runAtOnce(load)
	if calls := h.data.Calls()[before:]; len(calls) != 2 {
		t.Fatalf("an invoice screen made %d requests, want 2: %v", len(calls), calls)
	}
}

// TestLinkedRecordsOpenByTemplate: a customer's Stripe record opens by the
// built-in template; l walks through the records that have an address,
// and one without a template says how to add it.
func TestLinkedRecordsOpenByTemplate(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 60).start()
	h.key("down") // Bluebird Analytics 1: Stripe and HubSpot records
	h.key("enter")
	h.requireView("stripe cus_stripe00001", "https://dashboard.stripe.com/customers/cus_stripe00001",
		"hubspot 9001", `no address: add a "hubspot" template`)
	h.key("l")
	h.key("l")
	want := "https://dashboard.stripe.com/customers/cus_stripe00001"
	if got := h.openedURLs(); len(got) != 2 || got[0] != want || got[1] != want {
		t.Fatalf("opened %v, want the Stripe record twice (the only one with an address)", got)
	}
}
