package weburl

import "testing"

// TestIsLoopbackHost: 127.0.0.0/8, ::1 and localhost (any case) are this
// machine; nothing else is, whatever it looks like. The three copies this
// replaced disagreed: the simulator's took 127.0.0.1 only and no other
// case of localhost, the settings' no other case of localhost.
func TestIsLoopbackHost(t *testing.T) {
	t.Parallel()
	for host, want := range map[string]bool{
		"127.0.0.1": true, "127.0.0.2": true, "127.255.255.254": true, "::1": true,
		"localhost": true, "LocalHost": true, "::ffff:127.0.0.1": true,
		"": false, "128.0.0.1": false, "126.255.255.255": false, "0.0.0.0": false, "::": false,
		"10.0.0.1": false, "[::1]": false, "::1%lo": false, "127.1": false,
		"localhost.": false, "localhost.evil.example": false, "127.0.0.1.nip.io": false,
		"evil-localhost": false, "api.hyperline.co": false,
	} {
		if got := IsLoopbackHost(host); got != want {
			t.Errorf("IsLoopbackHost(%q) = %v, want %v", host, got, want)
		}
	}
}

// TestHideUserInfo: a credential before the host never shows; the rest
// of the URL as written does.
func TestHideUserInfo(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"https://key@host/x":              "https://host/x",
		"https://user:secret@host:8443/p": "https://host:8443/p",
		"http://a@b@host?q=@x":            "http://host?q=@x",
		"key@host":                        "host",
		"https://host/path@x":             "https://host/path@x",
		"https://host":                    "https://host",
		"":                                "",
	} {
		if got := HideUserInfo(raw); got != want {
			t.Errorf("HideUserInfo(%q) = %q, want %q", raw, got, want)
		}
	}
}
