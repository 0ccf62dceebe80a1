package backend

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
	"github.com/hyperline-tui/hlx/ui/deps"
)

// TestWorklistAccountReadsAnAccountOfTheSession: an account of the
// session opens for the worklists with its saved companies and a source
// that counts in them; an account the session does not hold needs a
// login.
func TestWorklistAccountReadsAnAccountOfTheSession(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.2})
	b := env.backend(ctx)
	acct, err := b.Login(ctx, func(deps.LoginProgress) {})
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	got, err := b.WorklistAccount(ctx, env.settings.APIURL, acct.Email)
	if err != nil || len(got.Companies) != len(env.sim.Companies()) || got.Email != acct.Email {
		t.Fatalf("open: %+v, %v", got, err)
	}
	w := worklist.Builtins()[0]
	q, _ := w.Query(time.Now(), time.UTC)
	if n, err := worklist.Count(ctx, got.Source, got.Companies[1].ID, w, q); err != nil || n == 0 {
		t.Fatalf("count through the account: %d, %v", n, err)
	}
	if _, err := b.WorklistAccount(ctx, env.settings.APIURL, "nobody@example.com"); !errors.Is(err, deps.ErrLoginRequired) {
		t.Fatalf("an account not in the session: %v", err)
	}
}
