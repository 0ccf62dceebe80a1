package simulator

import (
	"net/url"
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

// TestHostilePublicURLs: with Config.Hostile the hostile company's invoices
// carry public_url values that are not web pages, each still an absolute
// URI as the spec's format asks, in a body the spec accepts; one invoice
// in eight keeps its real page.
func TestHostilePublicURLs(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{Hostile: true})
	tok := login(t, sim).AccessToken
	co := sim.Companies()[0]
	resp, body := get(t, sim.URL+"/v2/invoices?limit=100&status=all", tok, co.ID)
	wantStatus(t, resp, body, 200)
	checkSpec(t, responsePointer("/v2/invoices", "200"), body)
	seen := map[string]bool{}
	real := 0
	for _, inv := range decode[cursorEnvelope[struct {
		ID        string `json:"id"`
		PublicURL string `json:"public_url"`
	}]](t, body).Data {
		seen[inv.PublicURL] = true
		if inv.PublicURL == sim.URL+"/public/invoices/"+inv.ID {
			real++
		}
		if u, err := url.Parse(inv.PublicURL); err != nil || u.Scheme == "" {
			t.Errorf("public_url %q is not an absolute URI", inv.PublicURL)
		}
	}
	for _, u := range hostilePublicURLs(sim.URL) {
		if !seen[u] {
			t.Errorf("no invoice has public_url %q", u)
		}
	}
	if real == 0 {
		t.Error("no invoice of the hostile company keeps its real public page")
	}
}
