package cli

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

// TestGetSearchesTheOtherCompaniesAsGoToDoes: an invoice number that only
// another company of the login holds is found there, as the explorer's
// go-to finds it, and stderr says where; with --company the one company
// named is searched, and the error names it and says how to widen the
// search. It said "no invoice … in the one company you can reach" for a
// login that reaches three.
func TestGetSearchesTheOtherCompaniesAsGoToDoes(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	large := w.sim.Companies()[2]
	page, err := w.api(t, large.ID).ListInvoices(context.Background(), hyperline.InvoiceListOptions{
		ListOptions: hyperline.ListOptions{Take: 100}, Status: []string{hyperline.InvoiceFilterAll}})
	if err != nil {
		t.Fatal(err)
	}
	number := ""
	for _, inv := range page.Items {
		// Numbers above the medium company's last are the large one's only.
		if n, err := strconv.Atoi(strings.TrimPrefix(inv.Number, "INV-")); err == nil && n > 8*w.sim.Companies()[1].Customers {
			number = inv.Number
			break
		}
	}
	if number == "" {
		t.Fatal("test setup: no invoice number that only the large company holds")
	}

	out, errOut, code := run(t, w, "get", "invoice", number)
	if code != ExitOK || !strings.Contains(out, number) || !strings.Contains(errOut, "Found in "+large.Name) {
		t.Errorf("get invoice %s (current %s): exit %d\nstdout %s\nstderr %s", number, small.Name, code, out, errOut)
	}

	out, errOut, code = run(t, w, "get", "invoice", number, "--company", small.ID)
	if code != ExitNotFound || out != "" || !strings.Contains(errOut, small.Name) ||
		strings.Contains(errOut, "one company you can reach") || !strings.Contains(errOut, "without --company") {
		t.Errorf("get invoice %s --company %s: exit %d\nstdout %s\nstderr %s", number, small.ID, code, out, errOut)
	}

	_, errOut, code = run(t, w, "get", "invoice", "INV-999999999")
	if code != ExitNotFound || !strings.Contains(errOut, "in the 3 companies") {
		t.Errorf("get invoice INV-999999999: exit %d, stderr %s", code, errOut)
	}
}
