package ticket

import (
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
)

// Summary is the summary for scripts (`hlx summary --json`): the same
// facts as Markdown, as data. Amounts are decimal strings in their
// currency; Errors names each part that could not be loaded.
type Summary struct {
	Customer      SummaryCustomer       `json:"customer"`
	Invoice       *SummaryInvoice       `json:"invoice,omitempty"`
	Owed          []SummaryOwed         `json:"owed"`
	PaymentMethod *SummaryMethod        `json:"payment_method"`
	LastFailure   *SummaryFailure       `json:"last_failure"`
	Subscriptions []SummarySubscription `json:"subscriptions"`
	PortalURL     string                `json:"portal_url,omitempty"`
	Links         []Link                `json:"links"`
	Errors        map[string]string     `json:"errors,omitempty"`
}

// SummaryCustomer is who the ticket is about.
type SummaryCustomer struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	BillingEmail string `json:"billing_email,omitempty"`
	Status       string `json:"status"`
}

// SummaryInvoice is the invoice a ticket names.
type SummaryInvoice struct {
	ID        string     `json:"id"`
	Number    string     `json:"number"`
	Status    string     `json:"status"`
	Currency  string     `json:"currency"`
	Total     string     `json:"total"`
	AmountDue string     `json:"amount_due"`
	DueAt     *time.Time `json:"due_at"`
}

// SummaryOwed is what is owed in one currency.
type SummaryOwed struct {
	Currency         string     `json:"currency"`
	Outstanding      string     `json:"outstanding"`
	OutstandingCount int        `json:"outstanding_invoices"`
	Late             string     `json:"late"`
	LateCount        int        `json:"late_invoices"`
	OldestLateDue    *time.Time `json:"oldest_late_due_at"`
}

// SummaryMethod is the payment method charges use.
type SummaryMethod struct {
	Label          string  `json:"label"`
	Type           string  `json:"type"`
	Brand          *string `json:"brand"`
	Last4          string  `json:"last_4_digits,omitempty"`
	ExpirationDate *string `json:"expiration_date"`
	Status         string  `json:"status"`
	ErrorType      *string `json:"error_type"`
}

// SummaryFailure is the latest failed payment attempt, explained.
type SummaryFailure struct {
	TransactionID string     `json:"transaction_id"`
	InvoiceNumber string     `json:"invoice_number,omitempty"`
	At            *time.Time `json:"at"`
	Amount        string     `json:"amount"`
	Currency      string     `json:"currency"`
	Method        string     `json:"method"`
	ErrorType     *string    `json:"error_type"`
	Cause         string     `json:"cause"`
	NextStep      string     `json:"next_step"`
	ErrorMessage  *string    `json:"error_message"`
}

// SummarySubscription is one subscription and its renewal.
type SummarySubscription struct {
	ID                 string     `json:"id"`
	Name               string     `json:"name"`
	Status             string     `json:"status"`
	RenewsAt           *time.Time `json:"renews_at"`
	RenewAutomatically bool       `json:"renew_automatically"`
}

// ToSummary turns facts into the summary for scripts.
func ToSummary(f *Facts, links Templates) Summary {
	s := Summary{Owed: []SummaryOwed{}, Subscriptions: []SummarySubscription{}, Links: []Link{}, Errors: map[string]string{}}
	note := func(part string, err error) {
		if err != nil {
			s.Errors[part] = err.Error()
		}
	}
	note(PartCustomer, f.CustomerErr)
	note(PartBalance, f.BalanceErr)
	note(PartPaymentMethods, f.PaymentMethodsErr)
	note(PartInvoices, f.InvoicesErr)
	note(PartSubscriptions, f.SubscriptionsErr)
	note(PartPortal, f.PortalErr)
	if c := f.Customer; c != nil {
		s.Customer = SummaryCustomer{ID: c.ID, Name: c.Name, BillingEmail: deref(c.BillingEmail), Status: c.Status}
		s.Links = append(s.Links, links.Links(c.Integrations)...)
	}
	if inv := f.Invoice; inv != nil {
		s.Invoice = &SummaryInvoice{ID: inv.ID, Number: inv.Number, Status: string(inv.Status), Currency: inv.Currency,
			Total: inv.TotalAmount.In(inv.Currency).Decimal(), AmountDue: inv.AmountDue.In(inv.Currency).Decimal(), DueAt: inv.DueAt}
	}
	for _, o := range f.Outstanding.Currencies {
		row := SummaryOwed{Currency: o.Currency, Outstanding: o.Amount.In(o.Currency).Decimal(), OutstandingCount: o.Count,
			Late: hyperline.Amount(0).In(o.Currency).Decimal()}
		for _, l := range f.Late.Currencies {
			if l.Currency == o.Currency {
				row.Late, row.LateCount, row.OldestLateDue = l.Amount.In(l.Currency).Decimal(), l.Count, l.OldestDue
			}
		}
		s.Owed = append(s.Owed, row)
	}
	if f.Customer != nil {
		if pm, ok := f.DefaultMethod(); ok {
			s.PaymentMethod = &SummaryMethod{Label: pm.Label(), Type: pm.Type, Brand: pm.Brand, Last4: string(pm.Last4Digits),
				ExpirationDate: pm.ExpirationDate, Status: pm.Status, ErrorType: pm.ErrorType}
		}
	}
	if fs := f.Failures(); len(fs) > 0 {
		t := fs[0].Transaction
		cause, next := hyperline.PaymentErrorAdvice(deref(t.ErrorType))
		s.LastFailure = &SummaryFailure{TransactionID: t.ID, InvoiceNumber: fs[0].InvoiceNumber, At: t.ProcessAt,
			Amount: t.Money().Decimal(), Currency: t.Currency, Method: t.MethodLabel(), ErrorType: t.ErrorType,
			Cause: cause, NextStep: next, ErrorMessage: t.ErrorMessage}
	}
	for _, sub := range f.Subscriptions {
		s.Subscriptions = append(s.Subscriptions, SummarySubscription{ID: sub.ID, Name: SubscriptionName(sub),
			Status: string(sub.Status), RenewsAt: RenewalDate(sub), RenewAutomatically: sub.RenewAutomatically})
	}
	s.PortalURL = f.PortalURL
	if len(s.Errors) == 0 {
		s.Errors = nil
	}
	return s
}
