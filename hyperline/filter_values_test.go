package hyperline

import (
	"slices"
	"testing"
)

// TestStatusFiltersAreTheSpecs holds the filter enums the explorer offers to
// the spec's, value for value and in its order: a value missing would be
// one support cannot filter by, an extra one a 400.
func TestStatusFiltersAreTheSpecs(t *testing.T) {
	t.Parallel()
	sp := loadSpec(t)
	enumOf := func(path, name string) []string {
		for _, p := range asSlice(sp.at("paths", path, "get", "parameters")) {
			pm, _ := sp.resolve(p).(map[string]any)
			if pm["name"] != name {
				continue
			}
			var out []string
			for _, b := range sp.branches(pm["schema"], nil) {
				for _, v := range asSlice(b["enum"]) {
					out = append(out, v.(string))
				}
			}
			return out
		}
		t.Fatalf("%s has no parameter %s", path, name)
		return nil
	}
	for _, c := range []struct {
		path, param string
		ours        []string
	}{
		{"/v2/invoices", "status", InvoiceStatusFilters()},
		{"/v2/invoices", "status__in", InvoiceStatusFilters()},
		{"/v2/subscriptions", "status", SubscriptionStatusFilters()},
		{"/v2/subscriptions", "status__in", SubscriptionStatusFilters()},
		{"/v2/customers", "status", CustomerStatusFilters()},
		{"/v2/customers", "status__in", CustomerStatusFilters()},
		{"/v2/customers", "payment_method_type", PaymentMethodTypeFilters()},
		{"/v2/customers", "payment_method_type__in", PaymentMethodTypeFilters()},
	} {
		if spec := enumOf(c.path, c.param); !slices.Equal(spec, c.ours) {
			t.Errorf("%s %s: ours %v, the spec's %v", c.path, c.param, c.ours, spec)
		}
	}
}
