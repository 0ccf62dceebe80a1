package worklist

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// env is a fresh simulator, a client on it with a user's OAuth access
// token (which reaches every seeded company) and those companies.
type env struct {
	sim       *simulator.Running
	c         *hyperline.Client
	companies []hyperline.Company
}

func newEnv(t testing.TB, cfg simulator.Config, opts ...hyperline.Option) *env {
	t.Helper()
	if cfg.Scale == 0 {
		cfg.Scale = 0.2
	}
	if cfg.Epoch.IsZero() {
		cfg.Epoch = testNow
	}
	sim, err := simulator.Start("127.0.0.1:0", cfg)
	if err != nil {
		t.Fatalf("start simulator: %v", err)
	}
	t.Cleanup(func() { _ = sim.Close() })
	c, err := hyperline.New(sim.URL, hyperline.APIKey(accessToken(t, sim)), opts...)
	if err != nil {
		t.Fatalf("new client: %v", err)
	}
	companies, err := c.AllCompanies(context.Background())
	if err != nil || len(companies) < 3 {
		t.Fatalf("list companies: %d, %v", len(companies), err)
	}
	sim.ResetRequests()
	return &env{sim: sim, c: c, companies: companies}
}

// testNow is the clock of the tests and the simulator's data.
var testNow = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

// listRequests are the list requests the simulator saw since the last
// reset.
func (e *env) listRequests() []simulator.RequestRecord {
	var out []simulator.RequestRecord
	for _, r := range e.sim.Requests() {
		if strings.HasPrefix(r.Path, "/v2/") && r.CompanyHeader != "" {
			out = append(out, r)
		}
	}
	return out
}

// accessToken is the user's access token on sim.
func accessToken(t testing.TB, sim *simulator.Running) string {
	t.Helper()
	tok, err := simulator.UserAccessToken(context.Background(), nil, sim.URL, sim.App())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}
