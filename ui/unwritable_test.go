package ui

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

// movingClock is a clock a test moves forward, shared by the simulator
// and the token source.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *movingClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// TestExplorerKeepsTheSessionWhenTheStoreIsUnwritable: with rotation on,
// the explorer's token refresh is not sent while the session store cannot
// be written (the banner names the file and the cause, the stored refresh
// token stays valid), and a refresh whose save fails after the answer says
// plainly that the session needs a new login.
func TestExplorerKeepsTheSessionWhenTheStoreIsUnwritable(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	clk := &movingClock{t: time.Now()}
	env := newSimEnv(t, simulator.Config{Now: clk.now, Scale: 0.2, AccessTTL: time.Hour})
	first := backend.New(backend.Options{Settings: env.settings, Store: env.store, OpenBrowser: scriptedBrowser(ctx, true), Now: clk.now})
	if _, err := first.Login(ctx, func(LoginProgress) {}); err != nil {
		t.Fatal(err)
	}
	co := env.sim.Companies()[0]
	if err := first.ChooseCompany(ctx, hyperline.Company{ID: co.ID, Name: co.Name}); err != nil {
		t.Fatal(err)
	}
	var probe, write atomic.Bool
	store := config.NewStore(env.store.Path(), config.WithFaults(func(op config.StoreOp) error {
		switch {
		case op == config.StoreOpProbe && probe.Load():
			return errors.New("injected: read-only file system")
		case op == config.StoreOpWrite && write.Load():
			return errors.New("injected: no space left on device")
		}
		return nil
	}))
	b := backend.New(backend.Options{Settings: env.settings, Store: store, Now: clk.now})
	h := newHarnessWithDeps(t, env.deps(ctx, withoutEvents{b}, b), 200, 40).start()
	h.requireView("[1 Customers]", co.Name)
	refreshToken := func() string {
		s, err := env.store.Load()
		if err != nil {
			t.Fatal(err)
		}
		return s.Current(env.settings.APIURL).Token.RefreshToken
	}
	original := refreshToken()

	clk.advance(2 * time.Hour)
	probe.Store(true)
	h.key("r") // reload the customers: the expired token needs a refresh
	h.requireView("the token was not refreshed", "injected: read-only file system", "press r")
	h.key("t")
	h.key("r")
	h.requireView("the token was not refreshed", "injected: read-only file system")
	if refreshToken() != original {
		t.Fatal("the stored refresh token changed while the store was unwritable")
	}

	probe.Store(false)
	write.Store(true)
	h.key("r")
	h.requireView("Could not save the refreshed token", "needs a new login", "no space left on device")
	if refreshToken() != original {
		t.Fatal("test setup: the failed save changed the file")
	}

	// Quitting now would lose the session: Close says so.
	if err := b.Close(); err == nil || !strings.Contains(err.Error(), "needs a new login") {
		t.Errorf("Close with an unsaved token = %v", err)
	}
	write.Store(false)
	if err := b.Close(); err != nil {
		t.Fatalf("Close once the store works = %v", err)
	}
	saved := refreshToken()
	if saved == original {
		t.Fatal("Close did not save the live tokens")
	}
	clk.advance(2 * time.Hour)
	h.key("r")
	h.requireView("Access token refreshed")
	if got := refreshToken(); got == saved || got == "" {
		t.Error("the live tokens were not saved once the store recovered")
	}
	if err := b.Close(); err != nil {
		t.Errorf("Close with everything saved = %v", err)
	}
}
