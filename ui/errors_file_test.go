package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/config/recent"
)

// TestFileErrorsNameTheFile: recent-jumps.json or session.json being a
// directory was worded "network error: …" (the errno answers net.Error's
// methods); the banner names the file and the cause instead, also when
// the session is read inside an HTTP request (the token source).
func TestFileErrorsNameTheFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{recent.FileName, "session.json"} {
		if err := os.Mkdir(filepath.Join(dir, name), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	_, listErr := recent.Open(dir).List("a@example.com")
	addErr := recent.Open(dir).Add("a@example.com", recent.Jump{Query: "INV-1"})
	_, loadErr := config.NewStore(filepath.Join(dir, "session.json")).Load()
	inRequest := &url.Error{Op: "Get", URL: "https://api.example/v1/companies", Err: fmt.Errorf("token: %w", loadErr)}
	for _, tc := range []struct {
		err  error
		file string
	}{
		{listErr, recent.FileName}, {addErr, recent.FileName}, {loadErr, "session.json"}, {inRequest, "session.json"},
	} {
		if tc.err == nil {
			t.Fatalf("no error reading %s as a directory", tc.file)
		}
		got := plainError(tc.err)
		if strings.Contains(got, "network") || !strings.Contains(got, filepath.Join(dir, tc.file)) || !strings.Contains(got, "is a directory") {
			t.Errorf("%v\n worded %q: want the file and the cause, no \"network\"", tc.err, got)
		}
	}
}
