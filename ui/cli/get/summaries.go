package get

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/weburl"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// customerSummary is what `hlx get customer` shows.
func customerSummary(c *hyperline.Customer) *summary {
	s := &summary{}
	s.add("ID", c.ID)
	s.add("Name", c.Name)
	s.add("Status", hyperline.CustomerStatusText(c.Status))
	s.add("Type", c.Type)
	s.add("Currency", c.Currency)
	s.add("Billing email", str(c.BillingEmail))
	s.add("Invoice emails", strings.Join(c.InvoiceEmails, ", "))
	s.add("External ID", str(c.ExternalID))
	s.add("Domain", str(c.Domain))
	s.add("Billing address", address(c.BillingAddress))
	if c.BillingAddress == nil {
		s.add("Country", str(c.Country))
	}
	s.add("Language", c.Language)
	s.add("Timezone", c.Timezone)
	var taxIDs []string
	for _, t := range c.TaxIDs {
		taxIDs = append(taxIDs, fmt.Sprintf("%s (%s)", t.Value, t.Status))
	}
	s.add("Tax IDs", strings.Join(taxIDs, ", "))
	method := hyperline.PaymentTypeLabel(str(c.PaymentMethodType))
	if c.PaymentMethod != nil {
		method = c.PaymentMethod.Label()
	}
	s.add("Payment method", method)
	if c.PaymentTerms != nil {
		s.add("Payment terms", strconv.FormatFloat(*c.PaymentTerms, 'f', -1, 64)+" days")
	}
	if c.Owner != nil {
		s.add("Owner", c.Owner.Name())
	}
	s.add("Created", stamp(&c.CreatedAt))
	s.add("Updated", stamp(c.UpdatedAt))
	if c.DeletedAt != nil {
		s.add("Deleted", stamp(c.DeletedAt))
	}
	var subs []string
	for _, sub := range c.Subscriptions {
		subs = append(subs, fmt.Sprintf("%s  %s", sub.ID, sub.Status.Text()))
	}
	s.list("Subscriptions", subs)
	return s
}

// subscriptionSummary is what `hlx get subscription` shows.
func subscriptionSummary(sub *hyperline.Subscription) *summary {
	s := &summary{}
	s.add("ID", sub.ID)
	s.add("Name", sub.Name)
	s.add("Status", sub.Status.Text())
	s.add("Customer", sub.CustomerID)
	s.add("Currency", sub.Currency)
	s.add("Plan", str(sub.PlanID))
	s.add("Starts", stamp(sub.StartsAt))
	s.add("Current period", span(sub.CurrentPeriodStartedAt, sub.CurrentPeriodEndsAt))
	next := ""
	if sub.NextPaymentAt != nil {
		next = sub.NextPayment().String() + " on " + stamp(sub.NextPaymentAt)
	}
	s.add("Next payment", next)
	s.add("Estimated ARR", sub.ARR().String())
	s.add("Renews", stamp(sub.RenewsAt))
	if sub.CancelAt != nil {
		s.add("Cancels", stamp(sub.CancelAt))
	}
	if sub.PausedAt != nil {
		s.add("Paused", stamp(sub.PausedAt))
	}
	s.add("Created", stamp(&sub.CreatedAt))
	s.add("Updated", stamp(sub.UpdatedAt))
	var products []string
	for _, p := range sub.Products {
		products = append(products, fmt.Sprintf("%s  %s (%s)", p.ID, p.Name, p.Type))
	}
	s.list("Products", products)
	var coupons []string
	for _, c := range sub.Coupons {
		coupons = append(coupons, fmt.Sprintf("%s  %s", c.ID, c.Name))
	}
	s.list("Coupons", coupons)
	return s
}

// invoiceSummary is what `hlx get invoice` shows.
func invoiceSummary(inv *hyperline.Invoice) *summary {
	s := &summary{}
	s.add("ID", inv.ID)
	s.add("Number", inv.Number)
	s.add("Type", inv.Type)
	s.add("Status", inv.Status.Text())
	s.add("Customer", strings.TrimSpace(inv.Customer.Name+" ("+inv.Customer.ID+")"))
	s.add("Customer email", str(inv.Customer.Email))
	s.add("Subscription", str(inv.SubscriptionID))
	if inv.OriginalInvoiceID != nil {
		s.add("Credits invoice", strings.TrimSpace(str(inv.OriginalInvoiceNumber)+" ("+*inv.OriginalInvoiceID+")"))
	}
	s.add("Total", inv.Total().String())
	s.add("Excluding tax", inv.AmountExcludingTax.In(inv.Currency).String())
	s.add("Tax", inv.TaxAmount.In(inv.Currency).String())
	if inv.DiscountAmount != 0 {
		s.add("Discount", inv.DiscountAmount.In(inv.Currency).String())
	}
	s.add("Paid", inv.Paid().String())
	s.add("Due", inv.Due().String())
	s.add("Issued", stamp(inv.IssuedAt))
	s.add("Due date", stamp(inv.DueAt))
	s.add("Settled", stamp(inv.SettledAt))
	if inv.RefundedAt != nil {
		s.add("Refunded", stamp(inv.RefundedAt))
	}
	s.add("Period", span(inv.PeriodStartsAt, inv.PeriodEndsAt))
	s.add("Reference", str(inv.Reference))
	s.add("Public URL", webPage(inv.PublicURL))
	var lines []string
	for _, li := range inv.LineItems {
		lines = append(lines, cmdutil.PadRight(termsafe.Line(li.Name), 40)+" "+cmdutil.PadLeft(li.Amount.In(inv.Currency).String(), 16))
	}
	s.list("Line items", lines)
	var txs []string
	for _, t := range inv.Transactions {
		line := fmt.Sprintf("%s  %s  %s  %s  %s", t.ID, t.Type, t.Status, t.Money(), t.MethodLabel())
		if t.ErrorMessage != nil {
			line += "  (" + *t.ErrorMessage + ")"
		}
		txs = append(txs, line)
	}
	s.list("Transactions", txs)
	return s
}

// webPage is an address to print for opening, or why it is not shown: only
// an absolute http or https URL is a web page (weburl.Check).
func webPage(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := weburl.Check(raw)
	if err != nil {
		return "not shown, not a web page: " + err.Error()
	}
	return u
}
