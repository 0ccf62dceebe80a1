package ui

import (
	"context"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// subscriptionsSpec is the subscriptions tab: customer, name or plan,
// status, next payment date and amount, current period end and id. Every
// status is listed (the API hides draft, voided and cancelled by default).
func subscriptionsSpec() listSpec[hyperline.Subscription] {
	return listSpec[hyperline.Subscription]{
		kind:  kindSubscription,
		title: "Subscriptions",
		columns: []table.Column{
			{Title: "Customer", Width: 14, Flex: 2, Priority: 90},
			{Title: "Name / plan", Width: 12, Flex: 2, Priority: 80},
			{Title: "Status", Width: 9, Priority: 100},
			{Title: "Next payment", Width: 12, Priority: 70},
			{Title: "Amount", Width: 14, Align: table.AlignRight, Priority: 75},
			{Title: "Period end", Width: 10, Priority: 50},
			{Title: "ID", Width: 19, Priority: 40},
		},
		id:   func(s hyperline.Subscription) string { return s.ID },
		row:  subscriptionRow,
		load: loadSubscriptions,
	}
}

func subscriptionRow(f formatter, now time.Time, s hyperline.Subscription, names map[string]string) table.Row {
	customer := names[s.CustomerID]
	if customer == "" {
		customer = s.CustomerID
	}
	amount := "—"
	if s.NextPaymentAt != nil {
		amount = f.money(s.NextPaymentAmount, s.Currency)
	}
	return table.Row{ID: s.ID, Cells: []table.Cell{
		{Text: customer},
		{Text: subscriptionLabel(s)},
		subscriptionStatusCell(s.Status),
		{Text: f.relDate(s.NextPaymentAt, now)},
		{Text: amount},
		{Text: f.date(s.CurrentPeriodEndsAt)},
		{Text: s.ID, Tone: table.ToneMuted},
	}}
}

// subscriptionLabel is the subscription's name, or its plan when unnamed.
func subscriptionLabel(s hyperline.Subscription) string {
	switch {
	case s.Name != "":
		return s.Name
	case s.PlanID != nil && *s.PlanID != "":
		return *s.PlanID
	}
	return "—"
}

// loadSubscriptions fetches one page of subscriptions of every status, then
// the names of their customers in one request (a subscription carries only
// the customer's id). Names are best effort: without them the id shows.
func loadSubscriptions(ctx context.Context, data Data, companyID, _ string, opts hyperline.ListOptions) (*hyperline.Page[hyperline.Subscription], map[string]string, error) {
	page, err := data.Subscriptions(ctx, companyID, hyperline.SubscriptionListOptions{
		ListOptions: opts, Status: []hyperline.SubscriptionStatus{hyperline.StatusAll}})
	if err != nil {
		return nil, nil, err
	}
	return page, customerNames(ctx, data, companyID, page.Items), nil
}

// customerNames looks up the names of the subscriptions' customers.
func customerNames(ctx context.Context, data Data, companyID string, subs []hyperline.Subscription) map[string]string {
	seen := map[string]bool{}
	var ids []string
	for _, s := range subs {
		if s.CustomerID != "" && !seen[s.CustomerID] {
			seen[s.CustomerID] = true
			ids = append(ids, s.CustomerID)
		}
	}
	names := make(map[string]string, len(ids))
	for start := 0; start < len(ids); start += pageSize {
		chunk := ids[start:min(start+pageSize, len(ids))]
		page, err := data.Customers(ctx, companyID, hyperline.CustomerListOptions{
			ListOptions: hyperline.ListOptions{Take: pageSize}, IDs: chunk})
		if err != nil {
			return names
		}
		for _, c := range page.Items {
			names[c.ID] = c.Name
		}
	}
	return names
}
