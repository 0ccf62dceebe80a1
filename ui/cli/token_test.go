package cli

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
)

// TestTokenKeepsTheSessionWhenTheStoreCannotBeWritten: with rotation on
// and a store that cannot be written, `hlx token` sends no refresh, exits
// 1 naming the file and the cause, and the saved refresh token still works
// once the store can be written again.
func TestTokenKeepsTheSessionWhenTheStoreCannotBeWritten(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, errOut, code := run(t, w, "login"); code != ExitOK {
		t.Fatal(errOut)
	}
	apiURL, _ := config.NormalizeAPIURL(w.sim.URL)
	before := w.session(t).Current(apiURL).Token.RefreshToken
	var unwritable atomic.Bool
	unwritable.Store(true)
	w.opts.StoreOptions = []config.StoreOption{config.WithFaults(func(op config.StoreOp) error {
		if unwritable.Load() {
			return errors.New("injected: read-only file system")
		}
		return nil
	})}
	w.opts.Now = func() time.Time { return time.Now().Add(25 * time.Hour) }
	w.sim.ResetRequests()
	out, errOut, code := run(t, w, "token")
	if code == ExitOK || out != "" || !strings.Contains(errOut, "read-only file system") || !strings.Contains(errOut, w.opts.StorePath) {
		t.Fatalf("token with an unwritable store: exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	for _, r := range w.sim.Requests() {
		if strings.HasSuffix(r.Path, "/tokens") {
			t.Fatalf("a refresh was sent: %+v", r)
		}
	}
	if got := w.session(t).Current(apiURL).Token.RefreshToken; got != before {
		t.Fatal("the saved refresh token changed")
	}
	unwritable.Store(false)
	if out, errOut, code := run(t, w, "token"); code != ExitOK || strings.TrimSpace(out) == "" {
		t.Fatalf("token once writable: exit %d: %s", code, errOut)
	}
	if got := w.session(t).Current(apiURL).Token.RefreshToken; got == before {
		t.Error("the rotated refresh token was not saved")
	}
}
