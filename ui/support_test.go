package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// supportSizes are the sizes issue 22 checks a support agent's screens at.
var supportSizes = [][2]int{{80, 24}, {120, 40}}

// columnTitles is the line of column titles of the frame (its second line).
func (h *harness) columnTitles() string {
	return strings.Split(h.view(), "\n")[1]
}

// TestInvoiceColumnsKeepWhatSupportReads: the invoice list keeps number,
// customer, status, amount due and due at 80 and 120 columns, and the
// issue date too; the id (one `y` away) gives up its room first, so at
// 120 the customer is not cut while an id column stays (issue 22 item 5).
func TestInvoiceColumnsKeepWhatSupportReads(t *testing.T) {
	t.Parallel()
	for _, size := range supportSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, size[0], size[1]).start()
			h.key("3")
			titles := h.columnTitles()
			for _, want := range []string{"Number", "Customer", "Status", "Amount due", "Issued", "Due"} {
				if !strings.Contains(titles, want) {
					t.Errorf("no %q column: %q", want, titles)
				}
			}
			if strings.Contains(titles, "ID") {
				t.Errorf("the id column stayed: %q", titles)
			}
			if size[0] >= 120 {
				h.requireView("Bluebird Analytics 1", "Total")
			}
			golden.RequireEqual(t, []byte(h.view()))
		})
	}
}

// TestEveryListGivesUpItsIDFirst: on every list, at 80 columns the id goes
// before any other column (issue 22 item 5, "the same rule for every
// list").
func TestEveryListGivesUpItsIDFirst(t *testing.T) {
	t.Parallel()
	for _, tab := range []string{"1", "2", "3", "4"} {
		h := newHarness(t, 80, 24).start()
		h.key(tab)
		if titles := h.columnTitles(); strings.Contains(titles, " ID") {
			t.Errorf("tab %s keeps its id at 80 columns: %q", tab, titles)
		}
	}
}

// TestEmailsKeepTheirDomain: a billing email too long for its column keeps
// the domain, where a company's addresses differ (issue 22 item 6).
func TestEmailsKeepTheirDomain(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.requireView("@bluebird.example", "@cobalt.example")
}

// TestTransactionsNameCustomerAndInvoice: the transactions tab shows the
// customer's name and the invoice's number, looked up by id after the
// page shows (one request per invoice brings both), and says its order is
// the API's (issue 22 item 7).
func TestTransactionsNameCustomerAndInvoice(t *testing.T) {
	t.Parallel()
	for _, size := range supportSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, size[0], size[1]).start()
			h.key("4")
			h.requireView("Customer", "Bluebird Anal", "API order")
			h.rejectView("cus_acme")
			if size[0] >= 120 {
				h.requireView("Invoice", "INV-1001")
				h.rejectView("inv_acme")
			}
			golden.RequireEqual(t, []byte(h.view()))
		})
	}
}
