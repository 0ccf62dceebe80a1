package hyperline

import (
	"strings"
	"testing"
)

// TestUserAgentIsOneString: the command line and the client's default
// spell the User-Agent the same way, whatever the version looks like.
func TestUserAgentIsOneString(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"1.2.3", "v1.2.3"} {
		if got := UserAgent(v); got != "hlx/1.2.3 (+https://github.com/hyperline-tui/hlx)" {
			t.Errorf("UserAgent(%q) = %q", v, got)
		}
	}
	if got, def := UserAgent("dev"), defaultUserAgent(); got != def || !strings.HasPrefix(got, "hlx/") {
		t.Errorf("UserAgent(dev) = %q, default %q", got, def)
	}
}
