package ui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/ticket"
	"github.com/hyperline-tui/hlx/ui/table"
)

// The customer screen's sections (and an invoice's or a payment's
// failures): how each part of a ticket reads, laid out side by side on a
// wide screen, stacked on a narrow one.

// ticketSection is one titled block of the customer screen.
type ticketSection struct {
	title string
	lines []field // label unused; value and tone per line
}

// sectionLine is a line of a section.
func sectionLine(text string, tone table.Tone) field { return field{value: text, tone: tone} }

// ticketView renders the sections: side by side in two columns when
// the screen is wide, else stacked. Lines wrap, never cut.
func (m detailModel) ticketView(width int) string {
	if m.ticket.facts == nil || width < 10 {
		return ""
	}
	left := []ticketSection{m.balanceSection(), m.methodsSection(), m.failuresSection(), m.walletSection()}
	right := []ticketSection{m.subscriptionsSection(), m.activitySection()}
	// The linked records go across the whole width: an address cut in two
	// by a wrap cannot be clicked.
	links := m.renderSections([]ticketSection{m.linksSection()}, width)
	if width < 110 {
		return m.renderSections(append(left, right...), width) + "\n\n" + links + "\n"
	}
	colWidth := (width - 3) / 2
	l := m.renderSections(left, colWidth)
	r := m.renderSections(right, colWidth)
	return lipgloss.JoinHorizontal(lipgloss.Top, fitBlock(l, colWidth, strings.Count(l, "\n")+1), "   ", r) + "\n\n" + links + "\n"
}

func (m detailModel) renderSections(sections []ticketSection, width int) string {
	st := m.c.styles
	var b strings.Builder
	for i, s := range sections {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(st.Heading.Render(s.title) + "\n")
		for _, l := range s.lines {
			b.WriteString(wrapLine(st, l, width) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// wrapLine indents a section line by two and wraps it to width, its
// continuation lines under its text (past its own leading spaces): a
// line is never cut.
func wrapLine(st Styles, l field, width int) string {
	text := termsafe.Line(l.value)
	lead := len(text) - len(strings.TrimLeft(text, " "))
	pad := strings.Repeat(" ", 2+lead)
	wrapped := strings.Split(ansi.Wrap(text[lead:], max(width-len(pad), 8), ""), "\n")
	for i, w := range wrapped {
		wrapped[i] = pad + st.toneStyle(l.tone).Render(w)
	}
	return strings.Join(wrapped, "\n")
}

// section builds a titled section from its part: "loading…" until the
// part returns, its error if it failed (in the section, not a banner),
// else the lines body makes.
func (m detailModel) section(title, part string, err error, body func(f *ticket.Facts) []field) ticketSection {
	if l, ok := m.partState(part, err); !ok {
		return ticketSection{title: title, lines: []field{l}}
	}
	return ticketSection{title: title, lines: body(m.ticket.facts)}
}

// partState is a section's first line while its part is on its way or
// failed; ok is false then.
func (m detailModel) partState(part string, err error) (field, bool) {
	switch {
	case err != nil:
		return sectionLine("✗ could not load: "+plainError(err), table.ToneBad), false
	case !m.ticket.facts.Loaded[part]:
		return sectionLine("loading…", table.ToneMuted), false
	}
	return field{}, true
}

func (m detailModel) balanceSection() ticketSection {
	return m.section("Balance (the server's outstanding and late filters)", ticket.PartBalance, m.ticket.facts.BalanceErr, func(f *ticket.Facts) []field {
		var lines []field
		if len(f.Outstanding.Currencies) == 0 {
			lines = append(lines, sectionLine("nothing outstanding", table.ToneGood))
		}
		for _, o := range f.Outstanding.Currencies {
			lines = append(lines, sectionLine(m.c.fmt.money(o.Amount, o.Currency)+" outstanding · "+countInvoices(o.Count), table.ToneNone))
		}
		for _, l := range f.Late.Currencies {
			line := m.c.fmt.money(l.Amount, l.Currency) + " late · " + countInvoices(l.Count)
			if l.OldestDue != nil {
				line += " · oldest due " + m.c.fmt.dateWithRel(l.OldestDue, m.c.now)
			}
			lines = append(lines, sectionLine(line, table.ToneBad))
		}
		if f.Outstanding.Partial || f.Late.Partial {
			lines = append(lines, sectionLine("sums of the first "+formatCount(ticket.BalancePage)+" invoices of "+
				formatCount(f.Outstanding.Count), table.ToneWarn))
		}
		return lines
	})
}

func countInvoices(n int) string {
	if n == 1 {
		return "1 invoice"
	}
	return formatCount(n) + " invoices"
}

func (m detailModel) methodsSection() ticketSection {
	return m.section("Payment methods", ticket.PartPaymentMethods, m.ticket.facts.PaymentMethodsErr, func(f *ticket.Facts) []field {
		var lines []field
		def, hasDefault := f.DefaultMethod()
		for _, pm := range f.PaymentMethods {
			line := ticket.MethodLine(pm)
			if hasDefault && pm.ID == def.ID {
				line += " · default"
			}
			tone := table.ToneGood
			switch pm.Status {
			case hyperline.PaymentMethodStatusExpired, hyperline.PaymentMethodStatusErrored:
				tone = table.ToneBad
			case hyperline.PaymentMethodStatusPending:
				tone = table.ToneWarn
			}
			lines = append(lines, sectionLine(line, tone))
		}
		if len(f.PaymentMethods) == 0 {
			line := "none saved"
			if c := f.Customer; c != nil && c.PaymentMethodType != nil {
				line += " (pays by " + strings.ToLower(hyperline.PaymentTypeLabel(*c.PaymentMethodType)) + ")"
			}
			lines = append(lines, sectionLine(line, table.ToneMuted))
		}
		if c := f.Customer; c != nil {
			lines = append(lines, sectionLine("terms: "+paymentTerms(c.PaymentTerms)+" · tax IDs: "+taxIDs(c.TaxIDs), table.ToneMuted))
		}
		return lines
	})
}

func (m detailModel) failuresSection() ticketSection {
	return m.section("Last payment attempts that failed", ticket.PartInvoices, m.ticket.facts.InvoicesErr,
		func(f *ticket.Facts) []field { return failureLines(m.c.fmt, f.Failures()) })
}

// failureLines explain failed payment attempts, newest first: when, how
// much, with what (brand and last four) and on which invoice; why in plain
// words, the next step, and the processor's message as given.
func failureLines(f formatter, fs []ticket.Failure) []field {
	if len(fs) == 0 {
		return []field{sectionLine("none on the latest invoices", table.ToneGood)}
	}
	var lines []field
	for i, fl := range fs {
		if i == ticket.FailuresShown {
			lines = append(lines, sectionLine("… and "+formatCount(len(fs)-i)+" earlier", table.ToneMuted))
			break
		}
		t := fl.Transaction
		head := "✗ " + f.date(t.ProcessAt) + " · " + f.money(t.Amount, t.Currency) + " · " + t.MethodLabel()
		if fl.InvoiceNumber != "" {
			head += " · " + fl.InvoiceNumber
		}
		cause, next := hyperline.PaymentErrorAdvice(orEmpty(t.ErrorType))
		lines = append(lines, sectionLine(head, table.ToneBad),
			sectionLine("  why: "+cause, table.ToneNone),
			sectionLine("  next: "+next, table.ToneInfo))
		if t.ErrorMessage != nil && *t.ErrorMessage != "" {
			lines = append(lines, sectionLine("  processor: “"+*t.ErrorMessage+"”", table.ToneMuted))
		}
	}
	return lines
}

// sectionsView is what a detail shows above its raw JSON: a customer's
// ticket sections, an invoice's failed payments explained in full.
func (m detailModel) sectionsView(width int) string {
	switch {
	case m.kind == kindCustomer:
		return m.ticketView(width)
	case m.payment != nil && m.payment.Status == hyperline.TransactionFailed:
		s := ticketSection{title: "Why it failed", lines: failureLines(m.c.fmt, []ticket.Failure{{Transaction: *m.payment}})}
		return m.renderSections([]ticketSection{s}, width) + "\n\n"
	case m.invoice != nil:
		f := &ticket.Facts{Invoice: m.invoice}
		fs := f.Failures()
		if len(fs) == 0 {
			return ""
		}
		s := ticketSection{title: "Payment attempts that failed", lines: failureLines(m.c.fmt, fs)}
		return m.renderSections([]ticketSection{s}, width) + "\n\n"
	}
	return ""
}

func (m detailModel) walletSection() ticketSection {
	return m.section("Wallet", ticket.PartWallets, m.ticket.facts.WalletsErr, func(f *ticket.Facts) []field {
		var lines []field
		w := walletField(m.c.fmt, f.Wallets, nil)
		lines = append(lines, sectionLine(w.value, w.tone))
		return lines
	})
}

func (m detailModel) subscriptionsSection() ticketSection {
	return m.section("Subscriptions", ticket.PartSubscriptions, m.ticket.facts.SubscriptionsErr, func(f *ticket.Facts) []field {
		var lines []field
		if len(f.Subscriptions) == 0 {
			lines = append(lines, sectionLine("none", table.ToneMuted))
		}
		// The ones that bill first, then the ended, voided and drafts.
		subs := slices.Clone(f.Subscriptions)
		slices.SortStableFunc(subs, func(a, b hyperline.Subscription) int {
			return cmp.Compare(boolRank(!ticket.Live(a)), boolRank(!ticket.Live(b)))
		})
		for _, sub := range subs {
			st := subscriptionStatusCell(sub.Status)
			lines = append(lines, sectionLine(ticket.SubscriptionName(sub)+" · "+st.Text, st.Tone))
			detail := "  period " + m.c.fmt.date(sub.CurrentPeriodStartedAt) + " → " + m.c.fmt.date(sub.CurrentPeriodEndsAt)
			if r := ticket.RenewalDate(sub); r != nil {
				detail += " · renews " + m.c.fmt.dateWithRel(r, m.c.now)
				if sub.RenewAutomatically {
					detail += " · automatically"
				} else {
					detail += " · not automatically"
				}
			} else if sub.CancelAt != nil {
				detail += " · ends " + m.c.fmt.date(sub.CancelAt)
			}
			lines = append(lines, sectionLine(detail, table.ToneMuted))
		}
		return lines
	})
}

func (m detailModel) linksSection() ticketSection {
	s := ticketSection{title: "Linked records"}
	f := m.ticket.facts
	if f.Customer == nil {
		return s
	}
	links := m.c.links.Links(f.Customer.Integrations)
	for _, l := range links {
		s.lines = append(s.lines, sectionLine(l.Provider+" "+l.EntityID, table.ToneNone))
		if l.URL != "" {
			s.lines = append(s.lines, sectionLine("  "+l.URL, table.ToneInfo))
		} else {
			s.lines = append(s.lines, sectionLine("  no address: add a \""+l.Provider+"\" template under links in the settings file", table.ToneMuted))
		}
	}
	if len(links) == 0 {
		s.lines = append(s.lines, sectionLine("none", table.ToneMuted))
	}
	if m.keys.Link.Enabled() {
		s.lines = append(s.lines, sectionLine("l: open in the browser, one after the other", table.ToneInfo))
	}
	return s
}

func (m detailModel) activitySection() ticketSection {
	s := ticketSection{title: "Recent activity (newest first)"}
	f := m.ticket.facts
	if len(f.Activity) == 0 {
		if l, ok := m.partState(ticket.PartActivity, f.ActivityErr); !ok {
			s.lines = append(s.lines, l)
			return s
		}
		s.lines = append(s.lines, sectionLine("nothing recorded", table.ToneMuted))
		return s
	}
	numbers := map[string]string{}
	for _, inv := range f.Invoices {
		numbers[inv.ID] = inv.Number
	}
	for _, a := range f.Activity {
		s.lines = append(s.lines, sectionLine(m.c.fmt.dateTime(a.HappenedAt)+"  "+activityWords(a, numbers), table.ToneNone))
	}
	switch {
	case m.ticket.moreReq != 0:
		s.lines = append(s.lines, sectionLine("loading more…", table.ToneMuted))
	case f.ActivityErr != nil:
		s.lines = append(s.lines, sectionLine("✗ could not load more: "+plainError(f.ActivityErr), table.ToneBad))
	case f.ActivityNext != "":
		s.lines = append(s.lines, sectionLine("m: more", table.ToneInfo))
	}
	return s
}

// activityWords says an audit log entry in words: "invoice settled ·
// INV-12", "email delivered · INV-12".
func activityWords(a hyperline.AuditLog, numbers map[string]string) string {
	words := strings.NewReplacer(".", " ", "_", " ").Replace(a.Type)
	if a.Type == "email.created" && a.EmailStatus != nil {
		words = "email " + *a.EmailStatus
	}
	switch {
	case a.InvoiceID != nil && numbers[*a.InvoiceID] != "":
		words += " · " + numbers[*a.InvoiceID]
	case a.InvoiceID != nil:
		words += " · " + *a.InvoiceID
	case a.SubscriptionID != nil:
		words += " · " + *a.SubscriptionID
	}
	return words
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func orEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
