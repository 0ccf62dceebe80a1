package ui

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/filter"
)

// TestFilterPickerWritesTermsIntoTheFilterLine chooses a key and two
// values with f, then a date preset, and checks the filter line, the
// request and that the picker has closed.
func TestFilterPickerWritesTermsIntoTheFilterLine(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("3")
	h.key("f")
	h.requireView("Filter invoices on the server", "status:", "customer:", "issued:", "due:")
	h.key("enter") // status:
	values := hyperline.InvoiceStatusFilters()
	moveTo := func(from, to string) {
		for range slices.Index(values, to) - slices.Index(values, from) {
			h.key("down")
		}
	}
	moveTo("all", "error")
	h.key(" ") // marks error, moves on
	moveTo("paid", "late")
	h.key(" ")
	h.key("enter")
	if _, open := h.app.top().(*filterPickerModel); open {
		t.Fatal("the picker stayed open")
	}
	b := h.browser()
	if got := b.invoices().input.Value(); got != "status:error,late" {
		t.Fatalf("the filter line reads %q", got)
	}
	h.requireView("status:error,late ·")
	calls := h.data.Calls()
	if last := calls[len(calls)-1]; !strings.HasPrefix(last, "cmp_acme:invoices:") {
		t.Fatalf("the last call was %q", last)
	}

	// A second term of the same key replaces the first; another key adds.
	h.key("f")
	h.key("down")
	h.key("down") // issued:
	h.key("enter")
	h.key("down") // <today
	h.key("enter")
	if got := h.browser().invoices().input.Value(); got != "status:error,late issued:<today" {
		t.Fatalf("the filter line reads %q", got)
	}

	// A customer by name, typed in the picker.
	h.key("f")
	h.key("down")
	h.key("enter")
	h.typeText("Acme Tools 0")
	h.key("enter")
	if got := h.browser().invoices().input.Value(); got != `status:error,late issued:<today customer:"Acme Tools 0"` {
		t.Fatalf("the filter line reads %q", got)
	}
	for _, inv := range h.browser().invoices().server.items {
		if inv.Customer.ID != "cus_acme00000" {
			t.Fatalf("invoice %s of %s", inv.ID, inv.Customer.ID)
		}
	}
}

// TestFilterPickerOnTransactionsSaysTheAPIHasNoFilter: f on a list the
// API cannot filter says so instead of opening an empty picker.
func TestFilterKeysInHelp(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 30).start()
	h.key("?")
	h.requireView("filter on the server")
}

// TestExportResolvesTheCustomerTerm: an export started while a new
// customer: term's first page is still on its way (the previous answer on
// screen, the new customer not looked up yet) looks the customer up
// itself instead of exporting every customer's invoices.
func TestExportResolvesTheCustomerTerm(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	h := newHarness(t, 100, 30, withSaveDir(dir)).start()
	h.key("3")
	h.filterLine("customer:cus_acme00001")
	h.key("enter")
	b := h.browser()
	l := b.invoices()
	f, err := filter.Parse(`customer:"Acme Tools 0"`, l.spec.terms, h.app.c.now, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	l, _ = l.startServerFilter(f) // its page is never delivered
	msg := l.exportList(exportCSV)().(startJobMsg)
	path, err := msg.run(context.Background(), func(jobProgress) {})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if len(lines) < 2 {
		t.Fatalf("the export holds %q", raw)
	}
	for _, line := range lines[1:] {
		if !strings.Contains(line, "cus_acme00000") {
			t.Fatalf("the export holds another customer's invoice: %s", line)
		}
	}
}

// TestFilterPickerShowsStatusLabels: the picker lists statuses as the
// lists read them, the API's value beside where it differs, and writes
// the API's value (it listed "error", "grace_period" while the lists said
// "payment failed", "grace period").
func TestFilterPickerShowsStatusLabels(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("3")
	h.key("f")
	h.key("enter") // status:
	h.requireView("payment failed (error)", "grace period (grace_period)", "late")
	values := hyperline.InvoiceStatusFilters()
	for range slices.Index(values, "error") {
		h.key("down")
	}
	h.key("enter")
	if got := h.browser().invoices().input.Value(); got != "status:error" {
		t.Fatalf("the filter line reads %q", got)
	}
}
