package filter

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestStatusTakesLabelsAndValues: status: takes the API's value or the
// label people read, in any case, with spaces, hyphens and underscores
// alike, and sends the API's value.
func TestStatusTakesLabelsAndValues(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 15, 10, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		list List
		line string
		want []string
	}{
		{Invoices, "status:error", []string{"error"}},
		{Invoices, `status:"payment failed"`, []string{"error"}},
		{Invoices, "status:payment-failed", []string{"error"}},
		{Invoices, "status:Payment_Failed,error", []string{"error"}},
		{Invoices, `status:"partly paid",grace-period,late`, []string{"partially_paid", "grace_period", "late"}},
		{Invoices, "status:partially-paid", []string{"partially_paid"}},
		{Invoices, "status:to-reconcile", []string{"to_reconcile"}},
		{Subscriptions, "status:trial", nil}, // trialing is no filter value of the list
		{Customers, "status:Archived", []string{"archived"}},
	} {
		q, err := Parse(tc.line, Keys(tc.list), now, time.UTC)
		if tc.want == nil {
			if err == nil {
				t.Errorf("%s %q: no error", tc.list, tc.line)
			}
			continue
		}
		term, _ := q.Term("status")
		if err != nil || !slices.Equal(term.Values, tc.want) {
			t.Errorf("%s %q: %v %v, want %v", tc.list, tc.line, term.Values, err, tc.want)
		}
	}
}

// TestStatusSpellingsAreUnambiguous: no spelling of one value (its own or
// its label) names another value of the same list.
func TestStatusSpellingsAreUnambiguous(t *testing.T) {
	t.Parallel()
	for _, l := range []List{Customers, Subscriptions, Invoices} {
		k := Keys(l)[0]
		seen := map[string]string{}
		for _, v := range k.Values {
			for _, spelling := range []string{fold(v), fold(k.Label(v))} {
				if other, ok := seen[spelling]; ok && other != v {
					t.Errorf("%s: %q names both %s and %s", l, spelling, other, v)
				}
				seen[spelling] = v
			}
		}
	}
}

// TestUnknownStatusListsLabels: an unknown value lists what can be typed,
// each with its label where it differs.
func TestUnknownStatusListsLabels(t *testing.T) {
	t.Parallel()
	_, err := Parse("status:pa", Keys(Invoices), time.Now(), time.UTC)
	if err == nil || !strings.Contains(err.Error(), "payment failed (error), paid, partly paid (partially_paid)") {
		t.Fatalf("%v", err)
	}
	k := Keys(Invoices)[0]
	if got := k.Text("error"); got != "payment failed (error)" {
		t.Errorf("Text = %q", got)
	}
}

// TestLabelQuotesWhatHoldsSpaces: the header's terms read back as the
// same terms (status:payment failed read as two words).
func TestLabelQuotesWhatHoldsSpaces(t *testing.T) {
	t.Parallel()
	line := `status:"payment failed",late customer:"Acme Tools" due:<today`
	q, err := Parse(line, Keys(Invoices), time.Now(), time.UTC)
	want := `status:"payment failed,late" customer:"Acme Tools" due:<today`
	if err != nil || q.Label() != want {
		t.Fatalf("%q, %v", q.Label(), err)
	}
	again, err := Parse(q.Label(), Keys(Invoices), time.Now(), time.UTC)
	if err != nil || again.Label() != q.Label() || len(again.Terms) != 3 {
		t.Fatalf("%+v, %v", again, err)
	}
}
