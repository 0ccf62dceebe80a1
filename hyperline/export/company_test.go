package export

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestWithCompanyRaw: the company's id and name come first in the API's
// object, as valid JSON whatever the name holds; an empty object gets
// them alone.
func TestWithCompanyRaw(t *testing.T) {
	t.Parallel()
	raw := WithCompanyRaw(func(s string) json.RawMessage { return json.RawMessage(s) })
	for _, c := range []struct{ item, want string }{
		{`{"id":"inv_1","number":"INV-1"}`, `{"company_id":"cmp_1","company_name":"Acme \"Tools\"\u001b[2J","id":"inv_1","number":"INV-1"}`},
		{` { } `, `{"company_id":"cmp_1","company_name":"Acme \"Tools\"\u001b[2J"}`},
	} {
		got := raw(InCompany[string]{CompanyID: "cmp_1", CompanyName: "Acme \"Tools\"\x1b[2J", Item: c.item})
		if string(got) != c.want || !json.Valid(got) {
			t.Errorf("%s: got %s, want %s", c.item, got, c.want)
		}
	}
	var b strings.Builder
	w := NewCSV(&b, WithCompany([]Column[string]{{Name: "id", Value: func(s string) string { return s }}}))
	if err := w.Write(InCompany[string]{CompanyID: "cmp_1", CompanyName: "Acme", Item: "inv_1"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "company_id,company_name,id\ncmp_1,Acme,inv_1\n" {
		t.Fatalf("CSV %q", got)
	}
}
