package config

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWorklistsSurviveSavingApp: the user's worklists are read from the
// settings file, and saving an app's credentials keeps them.
func TestWorklistsSurviveSavingApp(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "config.json")
	if got, err := LoadWorklists(path); err != nil || got != nil {
		t.Fatalf("no file: %v, %v", got, err)
	}
	body := `{"version":1,"worklists":[{"name":"Big and late","kind":"invoices","filter":"status:late due:<60d"}]}`
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	want := []Worklist{{Name: "Big and late", Kind: "invoices", Filter: "status:late due:<60d"}}
	if err := SaveAppCredentials(path, SandboxURL, AppCredentials{ClientID: "id", ClientSecret: "secret"}); err != nil {
		t.Fatal(err)
	}
	if got, err := LoadWorklists(path); err != nil || !slices.Equal(got, want) {
		t.Fatalf("after saving an app: %v, %v; want %v", got, err, want)
	}
}
