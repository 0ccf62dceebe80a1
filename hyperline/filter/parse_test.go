package filter

import (
	"strings"
	"testing"
	"time"
)

func TestParseFilter(t *testing.T) {
	t.Parallel()
	loc := time.UTC
	now := time.Date(2026, 11, 15, 10, 30, 0, 0, loc)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, loc) }
	specs := Keys(Invoices)
	for _, tc := range []struct {
		line         string
		text         string
		key          string
		values       []string
		from, before time.Time
		ref          string
	}{
		{line: "acme", text: "acme"},
		{line: "status:late", key: "status", values: []string{"late"}},
		{line: "STATUS:Late,error acme  corp", text: "acme corp", key: "status", values: []string{"late", "error"}},
		{line: "status:paid,paid", key: "status", values: []string{"paid"}},
		{line: "issued:2026-11", key: "issued", from: day(2026, 11, 1), before: day(2026, 12, 1)},
		{line: "issued:2026", key: "issued", from: day(2026, 1, 1), before: day(2027, 1, 1)},
		{line: "issued:2026-10-05", key: "issued", from: day(2026, 10, 5), before: day(2026, 10, 6)},
		{line: "issued:>2026-10-01", key: "issued", from: day(2026, 10, 2)},
		{line: "issued:>=2026-10-01", key: "issued", from: day(2026, 10, 1)},
		{line: "due:<today", key: "due", before: day(2026, 11, 15)},
		{line: "due:<=today", key: "due", before: day(2026, 11, 16)},
		{line: "due:yesterday", key: "due", from: day(2026, 11, 14), before: day(2026, 11, 15)},
		{line: "due:7d", key: "due", from: day(2026, 11, 9), before: day(2026, 11, 16)},
		{line: "due:2026-10..2026-11", key: "due", from: day(2026, 10, 1), before: day(2026, 12, 1)},
		{line: `customer:"Acme Tools" INV`, text: "INV", key: "customer", ref: "Acme Tools"},
		{line: "customer:cus_123", key: "customer", ref: "cus_123"},
	} {
		p, err := Parse(tc.line, specs, now, loc)
		if err != nil {
			t.Errorf("%q: %v", tc.line, err)
			continue
		}
		if p.Text != tc.text {
			t.Errorf("%q: text %q, want %q", tc.line, p.Text, tc.text)
		}
		if tc.key == "" {
			if len(p.Terms) != 0 {
				t.Errorf("%q: terms %v", tc.line, p.Terms)
			}
			continue
		}
		term, ok := p.Term(tc.key)
		if !ok {
			t.Errorf("%q: no %s term", tc.line, tc.key)
			continue
		}
		if strings.Join(term.Values, ",") != strings.Join(tc.values, ",") || !term.From.Equal(tc.from) ||
			!term.Before.Equal(tc.before) || term.Ref != tc.ref {
			t.Errorf("%q: %+v", tc.line, term)
		}
	}
}

func TestParseFilterSaysWhatIsAllowed(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 15, 10, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		line  string
		specs []Key
		want  []string
	}{
		{"stat:late", Keys(Invoices), []string{`unknown filter "stat:"`, "status:, customer:, issued:, due:"}},
		{"status:pa", Keys(Invoices), []string{`unknown value "pa"`, "paid, partly paid (partially_paid)"}},
		{"status:nope", Keys(Subscriptions), []string{"all, any, inactive, active, errored"}},
		{"status:late status:paid", Keys(Invoices), []string{"given twice"}},
		{"status:", Keys(Invoices), []string{"needs a value"}},
		{"issued:last-week", Keys(Invoices), []string{`cannot read the date "last-week"`, "2026-11"}},
		{"due:2026-11..2026-10", Keys(Invoices), []string{"ends before it starts"}},
		{"created:2026", Keys(Invoices), []string{`unknown filter "created:"`}},
	} {
		_, err := Parse(tc.line, tc.specs, now, time.UTC)
		if err == nil {
			t.Errorf("%q: no error", tc.line)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: %q lacks %q", tc.line, err, w)
			}
		}
	}
}

// TestParseFilterWithoutTermsIsText: a list the API cannot filter reads
// key:value as text for its loaded rows.
func TestParseFilterWithoutTermsIsText(t *testing.T) {
	t.Parallel()
	p, err := Parse("status:failed visa", nil, time.Now(), time.UTC)
	if err != nil || p.Text != "status:failed visa" || len(p.Terms) != 0 {
		t.Fatalf("%+v, %v", p, err)
	}
}
