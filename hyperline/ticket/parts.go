package ticket

import (
	"context"
	"sync"

	"github.com/hyperline-tui/hlx/hyperline"
)

// Part is one piece of a ticket and how to load it. Load makes the
// part's requests and returns what to set on the Facts; it never fails:
// an error is kept in the part's field.
type Part struct {
	Name string
	// Requests is how many requests Load makes (they run at once).
	Requests int
	Load     func(ctx context.Context, src Source, customerID string) func(*Facts)
}

// The parts' names.
const (
	PartCustomer       = "customer"
	PartBalance        = "balance"
	PartPaymentMethods = "payment methods"
	PartInvoices       = "invoices"
	PartSubscriptions  = "subscriptions"
	PartWallets        = "wallets"
	PartPortal         = "portal"
	PartActivity       = "activity"
)

// Parts lists every part of a ticket. A whole ticket costs the sum of
// their Requests (9), all sent at once.
func Parts() []Part {
	return []Part{
		{PartCustomer, 1, loadCustomer},
		{PartBalance, 2, loadBalance},
		{PartPaymentMethods, 1, loadPaymentMethods},
		{PartInvoices, 1, loadInvoices},
		{PartSubscriptions, 1, loadSubscriptions},
		{PartWallets, 1, loadWallets},
		{PartPortal, 1, loadPortal},
		{PartActivity, 1, loadActivity},
	}
}

// Requests is what a whole ticket costs.
func Requests() int {
	n := 0
	for _, p := range Parts() {
		n += p.Requests
	}
	return n
}

// Load fetches every part at once and returns the facts.
func Load(ctx context.Context, src Source, customerID string) *Facts {
	f := &Facts{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, p := range Parts() {
		wg.Go(func() {
			set := p.Load(ctx, src, customerID)
			mu.Lock()
			f.Apply(p.Name, set)
			mu.Unlock()
		})
	}
	wg.Wait()
	return f
}

// Apply records that part returned, setting what it loaded.
func (f *Facts) Apply(part string, set func(*Facts)) {
	if f.Loaded == nil {
		f.Loaded = map[string]bool{}
	}
	set(f)
	f.Loaded[part] = true
}

func loadCustomer(ctx context.Context, src Source, id string) func(*Facts) {
	c, err := src.GetCustomer(ctx, id)
	return func(f *Facts) { f.Customer, f.CustomerErr = c, err }
}

// loadBalance asks the server for the customer's outstanding and late
// invoices (its own filters), both at once, and sums a page of each.
func loadBalance(ctx context.Context, src Source, id string) func(*Facts) {
	var out, late *hyperline.Page[hyperline.Invoice]
	var errOut, errLate error
	var wg sync.WaitGroup
	list := func(status string, p **hyperline.Page[hyperline.Invoice], err *error) {
		*p, *err = src.ListInvoices(ctx, hyperline.InvoiceListOptions{
			ListOptions: hyperline.ListOptions{Take: BalancePage, WithTotal: true, OmitRaw: true},
			CustomerID:  id, Status: []string{status}})
	}
	wg.Go(func() { list(hyperline.InvoiceFilterOutstanding, &out, &errOut) })
	wg.Go(func() { list(hyperline.InvoiceFilterLate, &late, &errLate) })
	wg.Wait()
	return func(f *Facts) {
		switch {
		case errOut != nil:
			f.BalanceErr = errOut
		case errLate != nil:
			f.BalanceErr = errLate
		default:
			f.Outstanding, f.Late = owed(out), owed(late)
		}
	}
}

func loadPaymentMethods(ctx context.Context, src Source, id string) func(*Facts) {
	pms, err := src.ListPaymentMethods(ctx, id)
	return func(f *Facts) { f.PaymentMethods, f.PaymentMethodsErr = pms, err }
}

// loadInvoices reads the customer's latest invoices of every status: their
// transactions are the payment attempts.
func loadInvoices(ctx context.Context, src Source, id string) func(*Facts) {
	p, err := src.ListInvoices(ctx, hyperline.InvoiceListOptions{
		ListOptions: hyperline.ListOptions{Take: hyperline.MaxTake, OmitRaw: true},
		CustomerID:  id, Status: []string{hyperline.InvoiceFilterAll}})
	return func(f *Facts) {
		if f.InvoicesErr = err; err == nil {
			f.Invoices = p.Items
		}
	}
}

func loadSubscriptions(ctx context.Context, src Source, id string) func(*Facts) {
	p, err := src.ListSubscriptions(ctx, hyperline.SubscriptionListOptions{
		ListOptions: hyperline.ListOptions{Take: hyperline.MaxTake, OmitRaw: true},
		Status:      []hyperline.SubscriptionStatus{hyperline.StatusAny}, CustomerID: id})
	return func(f *Facts) {
		if f.SubscriptionsErr = err; err == nil {
			f.Subscriptions = p.Items
		}
	}
}

func loadWallets(ctx context.Context, src Source, id string) func(*Facts) {
	p, err := src.ListWallets(ctx, hyperline.WalletListOptions{CustomerID: id})
	return func(f *Facts) {
		if f.WalletsErr = err; err == nil {
			f.Wallets = p.Items
		}
	}
}

func loadPortal(ctx context.Context, src Source, id string) func(*Facts) {
	u, err := src.CustomerPortalURL(ctx, id)
	return func(f *Facts) { f.PortalURL, f.PortalErr = u, err }
}

func loadActivity(ctx context.Context, src Source, id string) func(*Facts) {
	return LoadActivity(ctx, src, id, "")
}

// LoadActivity fetches a page of the customer's audit log, the first one
// or the one after cursor, and appends it.
func LoadActivity(ctx context.Context, src Source, id, cursor string) func(*Facts) {
	p, err := src.ListAuditLogs(ctx, hyperline.AuditLogListOptions{
		ListOptions: hyperline.ListOptions{Take: ActivityPage, Cursor: cursor}, CustomerID: id})
	return func(f *Facts) {
		if f.ActivityErr = err; err == nil {
			f.Activity = append(f.Activity, p.Items...)
			f.ActivityNext = p.NextCursor
		}
	}
}
