package auth

import (
	"errors"
	"testing"
	"time"
)

func TestNoBrowserReason(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		env  map[string]string
		goos string
		want bool // a reason not to open
	}{
		{"linux desktop", map[string]string{"DISPLAY": ":0"}, "linux", false},
		{"wayland", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, "linux", false},
		{"linux headless", nil, "linux", true},
		{"wsl", map[string]string{"WSL_DISTRO_NAME": "Ubuntu"}, "linux", false},
		{"ssh", map[string]string{"DISPLAY": ":0", "SSH_CONNECTION": "a b c d"}, "linux", true},
		{"ssh tty on mac", map[string]string{"SSH_TTY": "/dev/ttys001"}, "darwin", true},
		{"mac", nil, "darwin", false},
		{"windows", nil, "windows", false},
	} {
		got := noBrowserReason(func(k string) string { return tt.env[k] }, tt.goos)
		if (got != "") != tt.want {
			t.Errorf("%s: reason %q", tt.name, got)
		}
	}
}

func TestDefaultOpenBrowserSkipsOverSSH(t *testing.T) {
	t.Parallel()
	open := DefaultOpenBrowser(func(k string) string {
		if k == "SSH_CONNECTION" {
			return "a b c d"
		}
		return ""
	})
	var skipped *BrowserSkippedError
	if err := open("http://example.invalid"); !errors.As(err, &skipped) {
		t.Fatalf("err = %v, want *BrowserSkippedError", err)
	}
}

func TestBrowserCommand(t *testing.T) {
	t.Parallel()
	if err := runBrowserCommand("true", "http://x", time.Minute); err != nil {
		t.Errorf("true: %v", err)
	}
	if err := runBrowserCommand("false %s", "http://x", time.Minute); err == nil {
		t.Error("a failing $BROWSER reported success")
	}
	if err := runBrowserCommand("/nonexistent/browser", "http://x", time.Minute); err == nil {
		t.Error("a missing $BROWSER reported success")
	}
}
