package ui

import (
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestOverviewCurrencyByConvertedAmounts: the demo's French company
// invoices most in EUR by converted amounts (in minor units SEK and XOF
// sums are larger); its figures take EUR, marked inferred, and n cycles
// the chart through the other currencies.
func TestOverviewCurrencyByConvertedAmounts(t *testing.T) {
	t.Parallel()
	h, env := simHarness(t, simulator.Config{}, 0, 100, 40)
	if env.sim.Companies()[0].Name != "Atelier Lumière SAS" {
		t.Skipf("company 0 is %s", env.sim.Companies()[0].Name)
	}
	h.key("0")
	o := h.app.top().(*overviewModel)
	cs, basis := o.currencies()
	if len(cs) < 2 || cs[0] != "EUR" || basis != basisConverted {
		t.Fatalf("currencies %v by %v", cs, basis)
	}
	h.requireView("MRR ", " EUR", "currency inferred from the invoices' converted amounts", "(EUR, excluding tax", "n charts the next")
	h.key("n")
	h.requireView("(" + cs[1] + ", excluding tax")
	for range len(cs) - 1 {
		h.key("n")
	}
	h.requireView("(EUR, excluding tax")
}

// TestOverviewCurrencyByCount: without converted amounts the currency
// most invoices are in is taken, and the label says so.
func TestOverviewCurrencyByCount(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 30).start()
	h.key("0")
	o := h.app.top().(*overviewModel)
	if _, basis := o.currencies(); basis != basisCount {
		t.Fatalf("basis %v", basis)
	}
	h.requireView("currency inferred: the one most invoices are in")
}
