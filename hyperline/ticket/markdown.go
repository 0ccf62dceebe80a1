package ticket

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// Markdown writes the summary a support agent pastes into a ticket: who,
// what is owed per currency, the payment method, the last failure (its
// cause in plain words and the processor's message as given), each
// subscription and the links. Every text from the API is made
// terminal-safe and Markdown-safe: a customer named "[x](http://evil)" or
// "# Title" stays literal.
func Markdown(f *Facts, links Templates, loc *time.Location) string {
	w := mdWriter{loc: loc}
	c := f.Customer
	if c == nil {
		w.line("**Customer** " + w.err(f.CustomerErr))
		return w.String()
	}
	who := "**" + Escape(c.Name) + "**"
	if c.BillingEmail != nil && *c.BillingEmail != "" {
		who += " (" + Escape(*c.BillingEmail) + ")"
	}
	w.line(who + " · customer `" + code(c.ID) + "` · " + Escape(c.Status))
	if inv := f.Invoice; inv != nil {
		line := "Invoice **" + Escape(inv.Number) + "** · " + Escape(string(inv.Status)) + " · " +
			Escape(inv.TotalAmount.In(inv.Currency).String())
		if inv.AmountDue != 0 {
			line += ", " + Escape(inv.AmountDue.In(inv.Currency).String()) + " due"
		}
		if inv.DueAt != nil {
			line += " · due " + w.date(*inv.DueAt)
		}
		w.line(line)
	}
	w.line("")
	w.item("Owed", w.owed(f))
	w.item("Payment method", w.method(f))
	w.item("Last failure", w.failure(f))
	others := 0
	for _, s := range f.Subscriptions {
		if !Live(s) {
			others++
			continue
		}
		w.item("Subscription", w.subscription(s))
	}
	if others > 0 {
		w.item("Other subscriptions", fmt.Sprintf("%d ended, voided or draft", others))
	}
	if f.SubscriptionsErr != nil {
		w.item("Subscriptions", w.err(f.SubscriptionsErr))
	}
	w.item("Links", w.links(f, links))
	return w.String()
}

// mdWriter builds the summary's lines.
type mdWriter struct {
	strings.Builder
	loc *time.Location
}

func (w *mdWriter) line(s string)            { w.WriteString(s + "\n") }
func (w *mdWriter) item(label, value string) { w.line("- " + label + ": " + value) }

func (w *mdWriter) date(t time.Time) string {
	if w.loc != nil {
		t = t.In(w.loc)
	}
	return t.Format("2 Jan 2006")
}

// err says a part could not be loaded; its message is the API's or the
// network's, so it is escaped too.
func (w *mdWriter) err(err error) string {
	if err == nil {
		return "not loaded"
	}
	return "unavailable (" + Escape(err.Error()) + ")"
}

func (w *mdWriter) owed(f *Facts) string {
	if f.BalanceErr != nil {
		return w.err(f.BalanceErr)
	}
	if !f.Loaded[PartBalance] {
		return "not loaded"
	}
	if len(f.Outstanding.Currencies) == 0 && len(f.Late.Currencies) == 0 {
		return "nothing"
	}
	var parts []string
	for _, s := range f.Outstanding.Currencies {
		part := money(s.Amount, s.Currency) + " outstanding (" + invoices(s.Count) + ")"
		for _, l := range f.Late.Currencies {
			if l.Currency == s.Currency {
				part += ", of which " + money(l.Amount, l.Currency) + " late (" + invoices(l.Count)
				if l.OldestDue != nil {
					part += ", oldest due " + w.date(*l.OldestDue)
				}
				part += ")"
			}
		}
		parts = append(parts, part)
	}
	out := strings.Join(parts, "; ")
	if f.Outstanding.Partial || f.Late.Partial {
		out += " (first " + strconv.Itoa(BalancePage) + " invoices of " + strconv.Itoa(f.Outstanding.Count) + ")"
	}
	return out
}

func (w *mdWriter) method(f *Facts) string {
	if f.PaymentMethodsErr != nil {
		return w.err(f.PaymentMethodsErr)
	}
	pm, ok := f.DefaultMethod()
	if !ok {
		if f.Customer.PaymentMethodType != nil {
			return Escape(hyperline.PaymentTypeLabel(*f.Customer.PaymentMethodType)) + " (no saved card or mandate)"
		}
		return "none saved"
	}
	return Escape(MethodLine(pm))
}

// MethodLine describes a saved method with its state: "Visa •••• 4242,
// expires 2027-11, active".
func MethodLine(pm hyperline.PaymentMethod) string {
	s := pm.Label()
	if pm.ExpirationDate != nil && *pm.ExpirationDate != "" {
		s += ", expires " + *pm.ExpirationDate
	}
	s += ", " + pm.Status
	if pm.ErrorType != nil && *pm.ErrorType != "" {
		s += " (" + hyperline.PaymentErrorLabel(*pm.ErrorType) + ")"
	}
	return s
}

func (w *mdWriter) failure(f *Facts) string {
	fs := f.Failures()
	if len(fs) == 0 {
		if f.InvoicesErr != nil {
			return w.err(f.InvoicesErr)
		}
		return "none on the latest invoices"
	}
	t := fs[0].Transaction
	cause, next := hyperline.PaymentErrorAdvice(deref(t.ErrorType))
	s := ""
	if t.ProcessAt != nil {
		s = w.date(*t.ProcessAt) + ", "
	}
	s += Escape(t.Money().String()) + ", " + Escape(t.MethodLabel())
	if fs[0].InvoiceNumber != "" {
		s += ", invoice " + Escape(fs[0].InvoiceNumber)
	}
	s += ": " + cause + ". Next: " + next + "."
	if t.ErrorMessage != nil && *t.ErrorMessage != "" {
		s += " Processor: \"" + Escape(*t.ErrorMessage) + "\""
	}
	if n := len(fs) - 1; n > 0 {
		s += fmt.Sprintf(" (%d earlier failed attempt%s)", n, plural(n))
	}
	return s
}

func (w *mdWriter) subscription(s hyperline.Subscription) string {
	out := Escape(SubscriptionName(s)) + " · " + Escape(string(s.Status))
	if r := RenewalDate(s); r != nil {
		out += " · renews " + w.date(*r)
		if s.RenewAutomatically {
			out += " (automatically)"
		} else {
			out += " (not automatically)"
		}
	}
	return out
}

func (w *mdWriter) links(f *Facts, t Templates) string {
	var parts []string
	switch {
	case f.PortalErr != nil:
		parts = append(parts, "portal "+w.err(f.PortalErr))
	case f.PortalURL != "":
		parts = append(parts, mdLink("Portal", f.PortalURL))
	}
	for _, l := range t.Links(f.Customer.Integrations) {
		if l.URL != "" {
			parts = append(parts, mdLink(Escape(l.Provider)+" `"+code(l.EntityID)+"`", l.URL))
		} else {
			parts = append(parts, Escape(l.Provider)+" `"+code(l.EntityID)+"`")
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, " · ")
}

// mdLink is a Markdown link to a web page; anything else is not linked.
func mdLink(text, u string) string {
	if !weburl.OK(u) {
		return text + " (not a web page)"
	}
	r := strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", " ", "%20", "\\", "%5C")
	return "[" + text + "](" + r.Replace(termsafe.Line(u)) + ")"
}

// SubscriptionName is what a subscription sells: its name, else its
// products' names.
func SubscriptionName(s hyperline.Subscription) string {
	names := make([]string, 0, len(s.Products))
	for _, p := range s.Products {
		if p.Name != "" {
			names = append(names, p.Name)
		}
	}
	switch {
	case s.Name != "" && len(names) > 0:
		return s.Name + " (" + strings.Join(names, ", ") + ")"
	case s.Name != "":
		return s.Name
	case len(names) > 0:
		return strings.Join(names, ", ")
	}
	return s.ID
}

// Live reports a subscription that bills or will: not ended, voided,
// archived or a draft.
func Live(s hyperline.Subscription) bool {
	switch s.Status {
	case hyperline.SubscriptionCancelled, hyperline.SubscriptionVoided, hyperline.SubscriptionArchived, hyperline.SubscriptionDraft:
		return false
	}
	return true
}

// RenewalDate is when a subscription renews: renews_at, else the end of
// its current period; nil for one that ended or will not renew.
func RenewalDate(s hyperline.Subscription) *time.Time {
	switch s.Status {
	case hyperline.SubscriptionActive, hyperline.SubscriptionPaused, hyperline.SubscriptionPending, hyperline.SubscriptionTrialing:
	default:
		return nil
	}
	if s.RenewsAt != nil {
		return s.RenewsAt
	}
	if s.CancelAt != nil {
		return nil
	}
	return s.CurrentPeriodEndsAt
}

func money(a hyperline.Amount, currency string) string { return Escape(a.In(currency).String()) }

func invoices(n int) string { return strconv.Itoa(n) + " invoice" + plural(n) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
