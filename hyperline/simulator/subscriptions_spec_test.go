package simulator

import (
	"net/http"
	"testing"
)

// TestSubscriptionsMatchSpec validates the subscription and company
// endpoints' bodies against the published schemas, unknown keys included.
func TestSubscriptionsMatchSpec(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	resp, body := get(t, sim.URL+"/v1/companies?take=1&skip=2", tok, "")
	wantStatus(t, resp, body, http.StatusOK)
	checkSpec(t, responsePointer("/v1/companies", "200"), body)
	if pg := decode[listEnvelope[companyJSON]](t, body); len(pg.Data) != 3 || pg.Meta.Taken != 3 || pg.Meta.Skipped != 0 {
		t.Errorf("companies ignore take and skip: %+v", pg.Meta)
	}
	trial, phases := 0, map[string]int{}
	for _, co := range sim.Companies()[:2] {
		resp, body := get(t, sim.URL+"/v2/subscriptions?take=100&status=any", tok, co.ID)
		wantStatus(t, resp, body, http.StatusOK)
		checkSpec(t, responsePointer("/v2/subscriptions", "200"), body)
		for _, s := range decode[listEnvelope[subscriptionJSON]](t, body).Data {
			resp, body := get(t, sim.URL+"/v2/subscriptions/"+s.ID, tok, co.ID)
			wantStatus(t, resp, body, http.StatusOK)
			checkSpec(t, responsePointer("/v2/subscriptions/{id}", "200"), body)
			det := decode[subscriptionDetailsJSON](t, body)
			for _, p := range det.Phases {
				phases[p.Type+"/"+p.Status]++
				if p.Type == "trial" && p.Status == "active" {
					trial++
				}
			}
		}
	}
	if trial == 0 || len(phases) < 4 {
		t.Errorf("phases seen: %v", phases)
	}
	resp, body = get(t, sim.URL+"/v2/subscriptions/sub_doesnotexist00", tok, "")
	wantStatus(t, resp, body, http.StatusNotFound)
	checkSpec(t, responsePointer("/v2/subscriptions/{id}", "404"), body)
}

// TestTrialingShowsInCustomerSummaryOnly: a subscription in its trial is
// active; its customer's summary says trialing, which the customer
// filter subscription_status=trialing finds.
func TestTrialingShowsInCustomerSummaryOnly(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	customers := walkCursor[customerJSON](t, sim, "/v2/customers?limit=100&subscription_status=trialing", tok, medium)
	if len(customers) == 0 {
		t.Fatal("no customer with a trialing subscription")
	}
	for _, c := range customers[:min(5, len(customers))] {
		for _, sum := range c.Subscriptions {
			if sum.Status != "trialing" {
				continue
			}
			resp, body := get(t, sim.URL+"/v2/subscriptions/"+sum.ID, tok, medium)
			wantStatus(t, resp, body, http.StatusOK)
			if s := decode[subscriptionDetailsJSON](t, body); s.Status != "active" || len(s.Phases) != 2 || s.Phases[0].Type != "trial" || s.Phases[0].Status != "active" {
				t.Errorf("%s: status %s, phases %+v", s.ID, s.Status, s.Phases)
			}
		}
	}
}
