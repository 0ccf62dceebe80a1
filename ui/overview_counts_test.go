package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestOverviewCountsAddUp: each kind's line in the overview shows a total
// and disjoint statuses (plus "other") that add up to it, the total being
// every object the API lists; late and outstanding, which cut across
// statuses, stand apart as views; and the analytics' active customers
// are named as such, apart from the customers' "active" status. Before,
// the invoices' line mixed "late" in among the statuses, left closed,
// voided and open out, and had no total.
func TestOverviewCountsAddUp(t *testing.T) {
	t.Parallel()
	h, env := simHarness(t, simulator.Config{Scale: 0.2}, 1, 120, 40)
	h.key("0")
	v := h.view()
	if !strings.Contains(v, "active customers (analytics)") || !strings.Contains(v, "from Hyperline's analytics") {
		t.Errorf("the headline does not say where active customers come from:\n%s", v)
	}
	number := regexp.MustCompile(`([a-z][a-z ]*?) ([0-9][0-9,]*)`)
	atoi := func(s string) int {
		n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, kind := range []string{"Customers", "Subscriptions", "Invoices"} {
		block := v[strings.Index(v, " "+kind+" "):]
		// The kind's lines: its own, and the indented ones that follow,
		// up to the views or the next kind.
		lines := strings.Split(block, "\n")
		text := lines[0]
		for _, l := range lines[1:] {
			if !strings.HasPrefix(l, "               ") || strings.Contains(l, "across statuses") {
				break
			}
			text += " " + l
		}
		head := regexp.MustCompile(kind + ` +([0-9,]+) = (.*)`).FindStringSubmatch(text)
		if head == nil {
			t.Fatalf("%s: no total in %q", kind, text)
		}
		total, sum := atoi(head[1]), 0
		for _, m := range number.FindAllStringSubmatch(head[2], -1) {
			if strings.Contains(m[1], "late") || strings.Contains(m[1], "outstanding") {
				t.Errorf("%s: the view %q is counted among the statuses", kind, m[1])
			}
			sum += atoi(m[2])
		}
		if sum != total {
			t.Errorf("%s: the parts add up to %d, the total is %d: %q", kind, sum, total, text)
		}
		t.Logf("%s: %d", kind, total)
	}
	if !regexp.MustCompile(`across statuses: late [0-9,]+ · outstanding [0-9,]+`).MatchString(v) {
		t.Errorf("no views line:\n%s", v)
	}
	company := env.sim.Companies()[1]
	o := h.app.top().(*overviewModel)
	if o.counts.customers.total != company.Customers {
		t.Errorf("customers total %d, the company has %d", o.counts.customers.total, company.Customers)
	}
}
