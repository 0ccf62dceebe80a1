package session

import (
	"strings"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
)

func TestDescribeExpiry(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	tok := config.Token{AccessToken: "x", Expiry: now.Add(90 * time.Second)}
	if got := describeExpiry(tok, now); !strings.Contains(got, "(in 1m30s)") {
		t.Errorf("describeExpiry = %q", got)
	}
	tok.Expiry = now.Add(-5 * time.Minute)
	if got := describeExpiry(tok, now); !strings.Contains(got, "5m0s ago") {
		t.Errorf("describeExpiry = %q", got)
	}
}
