package ui

import (
	"context"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/export"
	"github.com/hyperline-tui/hlx/hyperline/filter"
	"github.com/hyperline-tui/hlx/ui/table"
)

// subscriptionsSpec is the subscriptions tab: customer, name or plan,
// status, next payment date and amount, current period end and id. Every
// status is listed (the API hides draft, voided, cancelled and archived by
// default); the customer's name is looked up by id after the page shows.
func subscriptionsSpec() listSpec[hyperline.Subscription] {
	return listSpec[hyperline.Subscription]{
		kind:  kindSubscription,
		title: "Subscriptions",
		short: "Subs",
		columns: []table.Column{
			{Title: "Customer", Width: 14, Ideal: 24, Flex: 2, Priority: 90},
			{Title: "Name / plan", Width: 12, Ideal: 20, Flex: 2, Priority: 80},
			{Title: "Status", Width: 9, Priority: 100},
			{Title: "Next payment", Width: 12, Priority: 70},
			{Title: "Amount", Width: 14, Align: table.AlignRight, Priority: 75},
			{Title: "Period end", Width: dateWidth, Priority: 50},
			{Title: "ID", Width: 19, Priority: 40, Spare: true},
		},
		id:           func(s hyperline.Subscription) string { return s.ID },
		label:        subscriptionLabel,
		row:          subscriptionRow,
		exportWriter: exportWriters(export.SubscriptionColumns, export.SubscriptionRaw),
		load:         loadSubscriptions,
		customerIDs:  func(s hyperline.Subscription) []string { return []string{s.CustomerID} },
		terms:        filter.Keys(filter.Subscriptions),
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
		{Text: f.relDate(s.CurrentPeriodEndsAt, now)},
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

// loadSubscriptions fetches one page of subscriptions (see
// subscriptionListOptions).
func loadSubscriptions(ctx context.Context, data Data, companyID string, req pageRequest) (*hyperline.Page[hyperline.Subscription], error) {
	return data.Subscriptions(ctx, companyID, subscriptionListOptions(req))
}
