package ui

import (
	"context"
	"slices"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestBackendReportsLoadingCompaniesBeforeFetchingThem: the login screen's
// last step must show while the profile and companies load, not after.
func TestBackendReportsLoadingCompaniesBeforeFetchingThem(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.2})
	fetched := func() int {
		n := 0
		for _, r := range env.sim.Requests() {
			if r.Path == "/v1/oauth/userinfo" || r.Path == "/v1/companies" {
				n++
			}
		}
		return n
	}
	var stages []LoginStage
	fetchedAtStep := -1
	_, err := env.backend(ctx).Login(ctx, func(p LoginProgress) {
		if p.Stage == LoginLoadingCompanies && fetchedAtStep < 0 {
			fetchedAtStep = fetched()
		}
		if len(stages) == 0 || stages[len(stages)-1] != p.Stage {
			stages = append(stages, p.Stage)
		}
	})
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	want := []LoginStage{LoginStarting, LoginWaiting, LoginExchanging, LoginLoadingCompanies}
	if !slices.Equal(stages, want) {
		t.Fatalf("stages = %v, want %v", stages, want)
	}
	if fetchedAtStep != 0 {
		t.Fatalf("the loading step came after %d profile and company requests, want before any", fetchedAtStep)
	}
}
