package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/config/recent"
	"github.com/hyperline-tui/hlx/hyperline"
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

// TestRateLimitBannerSaysHowLong: a 429 that asked for an hour was worded
// "wait a few seconds"; the banner says the wait and when it is over.
func TestRateLimitBannerSaysHowLong(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 3, 2, 15, 10, 0, 0, time.Local)
	err := fmt.Errorf("load customers: %w", &hyperline.APIError{StatusCode: 429, Method: "GET", Path: "/v2/customers", RetryAfter: time.Hour, RetryAt: at})
	if got := plainError(err); !strings.Contains(got, "wait 1h, until 15:10") || strings.Contains(got, "few seconds") {
		t.Errorf("banner = %q", got)
	}
	if got := plainError(&hyperline.APIError{StatusCode: 429}); !strings.Contains(got, "few seconds") {
		t.Errorf("without Retry-After: %q", got)
	}
}
