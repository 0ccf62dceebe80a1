package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegistrationStore: Ensure registers once and keeps it, replaces a
// registration keep refuses, writes nothing when the registration fails,
// and the file is 0600 in a 0700 directory; Forget removes only the
// client it names.
func TestRegistrationStore(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "hlx")
	r := NewStore(filepath.Join(dir, "session.json")).Registrations()
	if r.Path() != filepath.Join(dir, "clients.json") {
		t.Fatalf("path %s", r.Path())
	}
	const api = "https://api.example.com"
	calls := 0
	register := func(id string) func() (Registration, error) {
		return func() (Registration, error) {
			calls++
			return Registration{ClientID: id, RedirectURIs: []string{"http://127.0.0.1:8765/callback"}}, nil
		}
	}
	always := func(Registration) bool { return true }

	if _, _, err := r.Ensure(api, always, func() (Registration, error) { return Registration{}, errors.New("refused") }); err == nil {
		t.Fatal("a failed registration succeeded")
	}
	if _, err := os.Stat(r.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a failed registration wrote the file: %v", err)
	}
	reg, created, err := r.Ensure(api, always, register("dyn_one"))
	if err != nil || !created || reg.ClientID != "dyn_one" || reg.APIURL != api {
		t.Fatalf("first Ensure: %+v %v %v", reg, created, err)
	}
	reg, created, err = r.Ensure(api, always, register("dyn_two"))
	if err != nil || created || reg.ClientID != "dyn_one" || calls != 1 {
		t.Fatalf("second Ensure registered again: %+v %v %v (%d calls)", reg, created, err, calls)
	}
	reg, created, err = r.Ensure(api, func(r Registration) bool { return r.ClientID != "dyn_one" }, register("dyn_two"))
	if err != nil || !created || reg.ClientID != "dyn_two" {
		t.Fatalf("replacing Ensure: %+v %v %v", reg, created, err)
	}
	if got, ok, err := r.Get(api); err != nil || !ok || got.ClientID != "dyn_two" {
		t.Fatalf("Get: %+v %v %v", got, ok, err)
	}
	for path, want := range map[string]os.FileMode{r.Path(): 0o600, dir: 0o700} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %o (%v)", path, info.Mode().Perm(), want, err)
		}
	}
	if removed, err := r.Forget(api, "dyn_one"); err != nil || removed {
		t.Fatalf("Forget of a replaced client: %v %v", removed, err)
	}
	if removed, err := r.Forget(api, "dyn_two"); err != nil || !removed {
		t.Fatalf("Forget: %v %v", removed, err)
	}
	if _, ok, _ := r.Get(api); ok {
		t.Fatal("forgotten registration still there")
	}
	// A registration without a callback is refused, not stored.
	if _, _, err := r.Ensure(api, always, func() (Registration, error) { return Registration{ClientID: "dyn_x"}, nil }); err == nil {
		t.Fatal("stored a registration without redirect URIs")
	}
	// A damaged file is reported with its path, not overwritten.
	if err := os.WriteFile(r.Path(), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Get(api); err == nil || !strings.Contains(err.Error(), r.Path()) {
		t.Fatalf("damaged file: %v", err)
	}
	if _, _, err := r.Ensure(api, always, register("dyn_three")); err == nil {
		t.Fatal("Ensure overwrote a damaged file")
	}
}
