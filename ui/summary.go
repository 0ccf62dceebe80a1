package ui

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
	"github.com/hyperline-tui/hlx/hyperline/weburl"
	"github.com/hyperline-tui/hlx/ui/table"
)

// summarize picks the fields a support person reads first. item is a
// Customer, Subscription or Invoice, as a value (from a list) or a pointer
// (from a GET of one object).
func summarize(f formatter, now time.Time, item any) (title string, fields []field, raw json.RawMessage) {
	switch it := item.(type) {
	case hyperline.Customer:
		return summarizeCustomer(f, &it)
	case *hyperline.Customer:
		return summarizeCustomer(f, it)
	case hyperline.Subscription:
		return summarizeSubscription(f, now, &it)
	case *hyperline.Subscription:
		return summarizeSubscription(f, now, it)
	case hyperline.Invoice:
		return summarizeInvoice(f, now, &it)
	case *hyperline.Invoice:
		return summarizeInvoice(f, now, it)
	case hyperline.Transaction:
		return summarizeTransaction(f, now, &hyperline.ListedTransaction{Transaction: it})
	case *hyperline.ListedTransaction:
		return summarizeTransaction(f, now, it)
	}
	return "Object", nil, nil
}

func summarizeCustomer(f formatter, c *hyperline.Customer) (string, []field, json.RawMessage) {
	status := customerStatusCell(c.Status)
	country := orDash(c.Country)
	if c.BillingAddress != nil && c.BillingAddress.Country != "" {
		country = c.BillingAddress.Country
	}
	// Identity only: how the customer pays, what they owe and the rest
	// are the customer screen's sections (customer_ticket.go).
	fields := []field{
		{label: "Name", value: c.Name},
		{label: "ID", value: c.ID, tone: table.ToneMuted},
		{label: "Status", value: status.Text, tone: status.Tone},
		{label: "Billing email", value: orDash(c.BillingEmail)},
		{label: "Currency", value: orDash(&c.Currency)},
		{label: "Country", value: country},
		{label: "External ID", value: orDash(c.ExternalID)},
		{label: "Owner", value: ownerName(c.Owner)},
		{label: "Created", value: f.dateTime(c.CreatedAt)},
	}
	return "Customer · " + c.Name, fields, c.Raw
}

// paymentTerms is a payment delay in days, or the company's default.
func paymentTerms(days *float64) string {
	if days == nil {
		return "company default"
	}
	return strconv.FormatFloat(*days, 'f', -1, 64) + " days"
}

// ownerName is the account owner's name, "—" when there is none.
func ownerName(o *hyperline.CustomerOwner) string {
	if o == nil {
		return "—"
	}
	return o.Name()
}

func taxIDs(ids []hyperline.TaxID) string {
	if len(ids) == 0 {
		return "—"
	}
	parts := make([]string, len(ids))
	for i, t := range ids {
		parts[i] = t.Value
		if t.Status != "" {
			parts[i] += " (" + t.Status + ")"
		}
	}
	return strings.Join(parts, ", ")
}

func summarizeSubscription(f formatter, now time.Time, s *hyperline.Subscription) (string, []field, json.RawMessage) {
	status := subscriptionStatusCell(s.Status)
	nextAmount := "—"
	if s.NextPaymentAt != nil {
		nextAmount = f.money(s.NextPaymentAmount, s.Currency)
	}
	fields := []field{
		{label: "Name / plan", value: subscriptionLabel(*s)},
		{label: "ID", value: s.ID, tone: table.ToneMuted},
		{label: "Status", value: status.Text, tone: status.Tone},
		{label: "Customer ID", value: s.CustomerID},
		{label: "Next payment", value: f.dateWithRel(s.NextPaymentAt, now)},
		{label: "Next amount", value: nextAmount},
		{label: "Period", value: f.date(s.CurrentPeriodStartedAt) + " → " + f.date(s.CurrentPeriodEndsAt)},
		{label: "Starts", value: f.date(s.StartsAt)},
		{label: "Cancels", value: f.date(s.CancelAt)},
		{label: "Estimated ARR", value: f.money(s.EstimatedARR, s.Currency)},
		{label: "Products", value: productNames(s)},
		{label: "Renews", value: f.dateWithRel(ticket.RenewalDate(*s), now)},
		{label: "Auto-renews", value: yesNo(s.RenewAutomatically)},
		{label: "Created", value: f.dateTime(s.CreatedAt)},
	}
	return "Subscription · " + subscriptionLabel(*s), fields, s.Raw
}

// productNames lists what a subscription sells, "—" for nothing.
func productNames(s *hyperline.Subscription) string {
	names := make([]string, 0, len(s.Products))
	for _, p := range s.Products {
		names = append(names, p.Name)
	}
	if len(names) == 0 {
		return "—"
	}
	return strings.Join(names, ", ")
}

// yesNo says a flag in a word.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func summarizeInvoice(f formatter, now time.Time, inv *hyperline.Invoice) (string, []field, json.RawMessage) {
	status := invoiceStatusCell(inv.Status)
	due := table.Cell{Text: f.dateWithRel(inv.DueAt, now)}
	if inv.Overdue(now) {
		due.Tone = table.ToneBad
	}
	fields := []field{
		{label: "Number", value: orDash(&inv.Number)},
		{label: "ID", value: inv.ID, tone: table.ToneMuted},
		{label: "Status", value: status.Text, tone: status.Tone},
		{label: "Type", value: statusWord(inv.Type)},
		{label: "Customer", value: orDash(&inv.Customer.Name)},
		{label: "Customer ID", value: orDash(&inv.Customer.ID)},
		{label: "Total", value: f.money(inv.TotalAmount, inv.Currency)},
		{label: "Amount due", value: f.money(inv.AmountDue, inv.Currency)},
		{label: "Paid", value: f.money(inv.AmountPaid, inv.Currency)},
		{label: "Tax", value: f.money(inv.TaxAmount, inv.Currency)},
		{label: "Issued", value: f.date(inv.IssuedAt)},
		{label: "Due", value: due.Text, tone: due.Tone},
		{label: "Settled", value: f.date(inv.SettledAt)},
		{label: "Period", value: f.date(inv.PeriodStartsAt) + " → " + f.date(inv.PeriodEndsAt)},
		{label: "Subscription", value: orDash(inv.SubscriptionID)},
	}
	if inv.OriginalInvoiceID != nil {
		fields = append(fields, field{label: "Credits invoice", value: orDash(inv.OriginalInvoiceNumber) + " (" + *inv.OriginalInvoiceID + ")"})
	}
	if inv.PublicURL != "" {
		fields = append(fields, webField("Public page", inv.PublicURL))
	}
	return "Invoice · " + orDash(&inv.Number), fields, inv.Raw
}

// asCustomer is item as a customer, nil when it is another kind.
func asCustomer(item any) *hyperline.Customer {
	switch it := item.(type) {
	case hyperline.Customer:
		return &it
	case *hyperline.Customer:
		return it
	}
	return nil
}

// asInvoice is item as an invoice, nil when it is another kind.
func asInvoice(item any) *hyperline.Invoice {
	switch it := item.(type) {
	case hyperline.Invoice:
		return &it
	case *hyperline.Invoice:
		return it
	}
	return nil
}

// publicURL is an invoice's public page, "" for anything else.
func publicURL(item any) string {
	if inv := asInvoice(item); inv != nil {
		return inv.PublicURL
	}
	return ""
}

// webField shows an address the user may open; one that is not a web page
// shows why it was refused instead, never the address itself.
func webField(label, raw string) field {
	var refused *weburl.RefusedError
	if _, err := weburl.Check(raw); errors.As(err, &refused) {
		return field{label: label, value: "not shown, not a web page: " + refused.Reason, tone: table.ToneMuted}
	}
	return field{label: label, value: raw}
}
