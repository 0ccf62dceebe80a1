package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// supportSizes are the sizes issue 22 checks a support agent's screens at.
var supportSizes = [][2]int{{80, 24}, {120, 40}}

// atSupportSizes runs check on a started app at each of supportSizes.
func atSupportSizes(t *testing.T, check func(t *testing.T, h *harness, width int)) {
	t.Helper()
	for _, size := range supportSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			t.Parallel()
			check(t, newHarness(t, size[0], size[1]).start(), size[0])
		})
	}
}

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
	atSupportSizes(t, func(t *testing.T, h *harness, width int) {
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
		if width >= 120 {
			h.requireView("Bluebird Analytics 1", "Total")
		}
		golden.RequireEqual(t, []byte(h.view()))
	})
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
	atSupportSizes(t, func(t *testing.T, h *harness, width int) {
		h.key("4")
		h.requireView("Customer", "Bluebird Anal", "API order")
		h.rejectView("cus_acme")
		if width >= 120 {
			h.requireView("Invoice", "INV-1001")
			h.rejectView("inv_acme")
		}
		golden.RequireEqual(t, []byte(h.view()))
	})
}

// TestCopyAndEnterFollowTheCursor: y copies what the cursor is on (a
// payment row of an invoice) and says what it copied; with the JSON
// focused it copies the invoice the screen shows; enter on a payment row
// opens the payment (issue 22 item 12).
func TestCopyAndEnterFollowTheCursor(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	h.key("3")
	h.key("down") // INV-1001: a refused payment and its retry
	h.key("y")
	h.requireView("Copied inv_acme00001, the id of invoice INV-1001.")
	h.key("enter")
	h.key("y") // the JSON has the keys: the invoice shown
	if got := h.copiedTexts(); got[len(got)-1] != "inv_acme00001" {
		t.Fatalf("y on the invoice copied %v", got)
	}
	h.key("tab") // the payments
	h.key("y")
	got := h.copiedTexts()
	payment := got[len(got)-1]
	if payment == "inv_acme00001" || strings.HasPrefix(payment, "tx:") {
		t.Fatalf("y on a payment row copied %q", payment)
	}
	h.requireView("Copied " + payment + ", the id of transaction.")
	h.key("enter")
	d, ok := h.app.top().(*detailModel)
	if !ok || d.kind != kindTransaction || d.id != payment {
		t.Fatalf("enter on a payment row opened %T", h.app.top())
	}
	h.requireView("Transaction · payment of", "Paid with", "Visa •••• 4242")
	h.rejectView("loading…")
	golden.RequireEqual(t, []byte(h.view()))
}

// TestOpenSaysWhyItCannot: o on a customer in the demo (no dashboard) and
// on a screen with nothing selected says why, instead of nothing (issue
// 22 item 13).
func TestOpenSaysWhyItCannot(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40, withEnv(EnvironmentFor("http://127.0.0.1:1", true))).start()
	h.key("o")
	h.requireView("The simulator has no dashboard")
	h.key("2")
	h.key("o")
	h.requireView("no web page for a subscription")
	h.key("0")
	h.key("o")
	h.requireView("Nothing here has a page to open")
	if len(h.openedURLs()) != 0 {
		t.Fatalf("opened %v", h.openedURLs())
	}
}

// TestTransactionLookUpsFollowTheScreen: a page of 100 transactions asks
// for the invoices of the rows on screen (and half a screen more), not of
// all 100: the API allows 200 requests per 10 seconds. Moving down asks
// for the rows that come into view.
func TestTransactionLookUpsFollowTheScreen(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	invoiceGETs := func() int {
		n := 0
		for _, c := range h.data.Calls() {
			if strings.Contains(c, ":invoice:") {
				n++
			}
		}
		return n
	}
	h.key("4")
	first := invoiceGETs()
	if first == 0 || first > 24 {
		t.Fatalf("the first page asked for %d invoices", first)
	}
	for range 40 {
		h.key("down")
	}
	if more := invoiceGETs(); more <= first || more > 2*24 {
		t.Fatalf("moving down 40 rows asked for %d invoices in all (%d before)", more, first)
	}
}

// descStart is a picker line up to its description: marker, key, blanks.
var descStart = regexp.MustCompile(`^ (▶ |  )\S+\s+`)

// TestFilterPickerTicksWhatIsApplied: the `f` picker says which keys the
// filter line holds and ticks their values, and its descriptions start
// in one column (issue 22 item 15).
func TestFilterPickerTicksWhatIsApplied(t *testing.T) {
	t.Parallel()
	atSupportSizes(t, func(t *testing.T, h *harness, width int) {
		h.key("3")
		h.filterLine("status:late,error")
		h.key("enter")
		h.key("f")
		h.requireView("now status:late,error")
		lines := strings.Split(h.view(), "\n")
		col := -1
		for _, l := range lines[3:7] { // the keys: status, customer, issued, due
			m := descStart.FindString(l)
			if m == "" {
				t.Fatalf("no description on %q", l)
			}
			at := len([]rune(m))
			if col >= 0 && at != col {
				t.Fatalf("descriptions start in columns %d and %d:\n%s", col, at, h.view())
			}
			col = at
		}
		h.key("enter")
		h.requireView("[x] late", "[x] payment failed", "[ ] paid")
		golden.RequireEqual(t, []byte(h.view()))
	})
}

// TestFilterLineSaysTheCountOnce: the server's answer to a search is
// counted once, in the filter line; the header does not add a "match"
// count of its own beside it (issue 22 item 15).
func TestFilterLineSaysTheCountOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40).start()
	h.key("/")
	h.typeText("cobalt")
	h.fire(0)
	header := strings.Split(h.view(), "\n")[0]
	if strings.Contains(header, "match") {
		t.Fatalf("the header counts matches beside the filter line's: %q", header)
	}
	h.requireView("server search: ", "match “cobalt”")
}

// TestGotoCandidatesSayWhatTellsThemApart: an email that matches several
// customers lists them with status, creation date, currency, billing
// email and company, keeps the typed query, and enter opens the one under
// the cursor (issue 22 item 8).
func TestGotoCandidatesSayWhatTellsThemApart(t *testing.T) {
	t.Parallel()
	atSupportSizes(t, func(t *testing.T, h *harness, width int) {
		h.key(":")
		h.typeText("billing@cobalt.example")
		h.key("enter")
		h.requireView(": billing@cobalt.example", "objects match", "Status", "Created", "Currency")
		if width >= 120 {
			h.requireView("Billing email", "Company")
		}
		golden.RequireEqual(t, []byte(h.view()))
		h.key("down")
		h.key("enter")
		d, ok := h.app.top().(*detailModel)
		if !ok || d.kind != kindCustomer || d.id != "cus_acme00012" {
			t.Fatalf("enter on the second candidate opened %T", h.app.top())
		}
	})
}
