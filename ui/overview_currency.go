package ui

import (
	"sort"

	"github.com/charmbracelet/bubbles/key"

	"github.com/hyperline-tui/hlx/hyperline"
)

// The overview's currency. The spec gives neither the company's currency
// nor the figures' (MRR, ARR, …), and amounts in different currencies are
// not comparable in minor units (yen, cents, fils). The invoices' converted
// amounts are (they share one currency), so the currency whose invoices
// convert to the most money is taken; without them, the currency most
// invoices are in. Either way the figures' label says it is inferred, and
// n cycles the chart through the other currencies.

// currencyStats is what the overview read of one currency's invoices.
type currencyStats struct {
	count     int
	converted int64 // the sum of the converted totals, credit notes off
	hasConv   bool
}

// currencyBasis says how the main currency was chosen.
type currencyBasis int

const (
	basisNone      currencyBasis = iota
	basisConverted               // the converted amounts
	basisCount                   // the number of invoices
)

// countCurrency adds an invoice to its currency's stats.
func (m *overviewModel) countCurrency(inv hyperline.Invoice, sign int64) {
	if m.byStats == nil {
		m.byStats = map[string]*currencyStats{}
	}
	st := m.byStats[inv.Currency]
	if st == nil {
		st = &currencyStats{}
		m.byStats[inv.Currency] = st
	}
	st.count++
	if inv.ConvertedAmount != nil {
		st.converted += sign * abs64(int64(*inv.ConvertedAmount))
		st.hasConv = true
	}
}

// currencies are the currencies invoiced in, the main one first (see
// above), and how the first was chosen.
func (m *overviewModel) currencies() ([]string, currencyBasis) {
	out := make([]string, 0, len(m.seen))
	basis := basisCount
	for cur := range m.seen {
		out = append(out, cur)
		if st := m.byStats[cur]; st != nil && st.hasConv {
			basis = basisConverted
		}
	}
	if len(out) == 0 {
		return nil, basisNone
	}
	stat := func(cur string) currencyStats {
		if st := m.byStats[cur]; st != nil {
			return *st
		}
		return currencyStats{}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := stat(out[i]), stat(out[j])
		if basis == basisConverted && a.converted != b.converted {
			return a.converted > b.converted
		}
		if a.count != b.count {
			return a.count > b.count
		}
		return out[i] < out[j]
	})
	return out, basis
}

// chartCurrency is the currency the chart shows: the main one, or the one
// n cycled to.
func (m *overviewModel) chartCurrency() string {
	cs, _ := m.currencies()
	if len(cs) == 0 {
		return ""
	}
	return cs[m.chartIdx%len(cs)]
}

// inferredNote says how the figures' currency was chosen.
func (m *overviewModel) inferredNote() string {
	switch _, basis := m.currencies(); basis {
	case basisConverted:
		return "currency inferred from the invoices' converted amounts"
	case basisCount:
		return "currency inferred: the one most invoices are in"
	}
	return ""
}

// newCurrencyKey cycles the chart's currency.
func newCurrencyKey() key.Binding {
	return key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next currency"), key.WithDisabled())
}
