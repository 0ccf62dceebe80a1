package lookup

import (
	"errors"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		value string
		rule  rule
		kind  Kind
	}{
		{"cus_3g5fG2ms9pOB1a", "cus_3g5fG2ms9pOB1a", byID, KindCustomer},
		{"  sub_abc\n", "sub_abc", byID, KindSubscription},
		{"`inv_x1`", "inv_x1", byID, KindInvoice},
		{`"cus_q"`, "cus_q", byID, KindCustomer},
		{"<inv_9>.", "inv_9", byID, KindInvoice},
		{"https://app.hyperline.co/app/customers/cus_abc", "cus_abc", byID, KindCustomer},
		{"https://app.hyperline.co/app/customers/cus_abc/invoices/inv_def?tab=lines", "inv_def", byID, KindInvoice},
		{"https://app.hyperline.co/app/subscriptions/sub_z/", "sub_z", byID, KindSubscription},
		{"https://app.hyperline.co/#/customers/cus_hash", "cus_hash", byID, KindCustomer},
		{"https://app.hyperline.co/invoices?id=inv_q", "inv_q", byID, KindInvoice},
		{"billing@acme.fr", "billing@acme.fr", byEmail, ""},
		{"mailto:billing@acme.fr", "billing@acme.fr", byEmail, ""},
		{"<billing@acme.fr>", "billing@acme.fr", byEmail, ""},
		{"INV-42", "INV-42", byReference, ""},
		{"crm-10003", "crm-10003", byReference, ""},
		{"cus_", "cus_", byReference, ""},
		{"cus_a b", "cus_a b", byReference, ""},
		{"customer", "customer", byReference, ""},
	}
	for _, tt := range tests {
		q, err := parseQuery(tt.in)
		if err != nil {
			t.Errorf("parseQuery(%q): %v", tt.in, err)
			continue
		}
		if q.value != tt.value || q.rule != tt.rule || q.kind != tt.kind {
			t.Errorf("parseQuery(%q) = %q %v %q, want %q %v %q", tt.in, q.value, q.rule, q.kind, tt.value, tt.rule, tt.kind)
		}
	}
}

func TestParseQueryRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "   \t", `""`, "https://app.hyperline.co/app/customers", strings.Repeat("x", maxQueryLen+1)} {
		if q, err := parseQuery(in); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("parseQuery(%q) = %+v, %v; want ErrInvalidQuery", in, q, err)
		}
	}
}
