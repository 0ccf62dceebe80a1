package hyperline

import (
	"testing"

	"github.com/hyperline-tui/hlx/config"
)

// TestPlainHTTPHostsAgreeWithSettings: the client and the settings take
// plain http for the same hosts, the loopback ones (127.0.0.0/8, ::1,
// localhost in any case). Their two copies of the rule disagreed: the
// settings refused http://LOCALHOST that the client took.
func TestPlainHTTPHostsAgreeWithSettings(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]bool{
		"http://127.0.0.1:7878": true, "http://127.0.0.2:7878": true, "http://[::1]:7878": true,
		"http://localhost:7878": true, "http://LOCALHOST:7878": true,
		"http://127.0.0.1.nip.io:7878": false, "http://10.0.0.1:7878": false, "http://localhost.evil.example": false,
		"https://api.example": true,
	} {
		_, cerr := New(raw, APIKey("k"))
		_, serr := config.NormalizeAPIURL(raw)
		if (cerr == nil) != want || (serr == nil) != want {
			t.Errorf("%s: client %v, settings %v; want accepted=%v", raw, cerr, serr, want)
		}
	}
}
