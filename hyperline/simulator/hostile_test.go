package simulator

import (
	"slices"
	"testing"
)

// TestHostileNames: with Config.Hostile the oldest company and its
// customers carry the hostile names, in valid JSON the spec accepts.
func TestHostileNames(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{Hostile: true})
	tok := login(t, sim).AccessToken
	co := sim.Companies()[0]
	if co.Name != hostileCompanyName {
		t.Fatalf("company name %q", co.Name)
	}
	resp, body := get(t, sim.URL+"/v2/customers?limit=100", tok, co.ID)
	wantStatus(t, resp, body, 200)
	checkSpec(t, responsePointer("/v2/customers", "200"), body)
	seen := map[string]bool{}
	for _, c := range decode[cursorEnvelope[customerV2Probe]](t, body).Data {
		seen[c.Name] = true
	}
	for _, n := range hostileNames() {
		if !seen[n] {
			t.Errorf("no customer is named %q", n)
		}
	}
	// The other companies keep their ordinary names.
	resp, body = get(t, sim.URL+"/v2/customers?limit=5", tok, sim.Companies()[1].ID)
	wantStatus(t, resp, body, 200)
	for _, c := range decode[cursorEnvelope[customerV2Probe]](t, body).Data {
		if slices.Contains(hostileNames(), c.Name) {
			t.Errorf("a customer of another company is hostile: %q", c.Name)
		}
	}
}
