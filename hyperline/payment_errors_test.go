package hyperline

import (
	"strings"
	"testing"
)

// TestPaymentErrorAdviceCoversSpec: every error_type the spec gives a
// failed transaction (13 values) and a payment method has its own cause
// in plain words and a next step, not the generic fallback.
func TestPaymentErrorAdviceCoversSpec(t *testing.T) {
	t.Parallel()
	sp := loadSpec(t)
	var types []string
	tx := sp.at("components", "schemas", "Invoice", "properties", "transactions", "items")
	for _, b := range sp.branches(tx, nil) {
		if p, ok := b["properties"].(map[string]any); ok && p["error_type"] != nil {
			for _, v := range asSlice(p["error_type"].(map[string]any)["enum"]) {
				types = append(types, v.(string))
			}
		}
	}
	if len(types) != 13 {
		t.Fatalf("the spec's transaction error types: %v (want 13)", types)
	}
	for _, b := range sp.branches(sp.at("components", "schemas", "PaymentMethod"), nil) {
		if p, ok := b["properties"].(map[string]any); ok && p["error_type"] != nil {
			for _, v := range asSlice(p["error_type"].(map[string]any)["enum"]) {
				types = append(types, v.(string))
			}
		}
	}
	seen := map[string]string{}
	for _, et := range types {
		cause, next := PaymentErrorAdvice(et)
		if strings.HasPrefix(cause, "the payment failed (") || next == "" || cause == "" {
			t.Errorf("%s: no explanation of its own (%q, %q)", et, cause, next)
		}
		seen[et] = cause
	}
	if seen["payment_method_expired"] != "the card expired" || !strings.Contains(func() string { _, n := PaymentErrorAdvice("payment_method_expired"); return n }(), "portal link") {
		t.Errorf("payment_method_expired: %q", seen["payment_method_expired"])
	}
}
