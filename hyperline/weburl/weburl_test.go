package weburl

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckAcceptsWebPages(t *testing.T) {
	t.Parallel()
	for _, u := range []string{
		"https://app.hyperline.co/app/customers/cus_123",
		"http://127.0.0.1:8080/public/invoices/inv_1",
		"https://billing.example.com/portal?token=a-b_c.d~e&lang=fr#top",
		"HTTPS://Example.COM/",
		"https://evil.example/%1b%5d52;c;SE9TVElMRQ==%07", // encoded controls are inert
		"https://[::1]:8443/x",
	} {
		if got, err := Check(u); err != nil || got != u {
			t.Errorf("Check(%q) = %q, %v; want it accepted unchanged", u, got, err)
		}
	}
}

func TestCheckRefuses(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ raw, why string }{
		{"-evilflag file:///etc/passwd \x1b]52;c;SE9TVElMRQ==\x07", "'-'"},
		{"--remote-debugging-port=9222", "'-'"},
		{"", "empty"},
		{"file:///etc/passwd", `"file"`},
		{"javascript:alert(1)", `"javascript"`},
		{"data:text/html;base64,PHNjcmlwdD4=", `"data"`},
		{"ssh://evil.example/", `"ssh"`},
		{"https:///no-host", "no host"},
		{"https://app.hyperline.co@evil.example/login", "user name"},
		{"https://evil.example/\x1b]52;c;SE9TVElMRQ==\x07", "control"},
		{"https://evil.example/a b", "space"},
		{"https://evil.example/\u202efdp.exe", "outside ASCII"},
		{"https://evil.example/\u200b", "outside ASCII"},
		{"https://evil.example/$(touch%20pwned)", `'$'`},
		{"https://evil.example/`id`", "'`'"},
		{"https://evil.example/x\"y", `'"'`},
		{"//evil.example/x", "not an absolute URL"},
		{"/public/invoices/inv_1", "not an absolute URL"},
		{"https://evil.example/" + strings.Repeat("a", maxLen), "longer"},
	} {
		_, err := Check(tc.raw)
		var re *RefusedError
		if !errors.As(err, &re) || !strings.Contains(err.Error(), tc.why) {
			t.Errorf("Check(%q) = %v; want refused (%s)", tc.raw, err, tc.why)
			continue
		}
		if strings.ContainsAny(err.Error(), "\x1b\x07\u202e") {
			t.Errorf("the refusal of %q repeats the hostile bytes: %q", tc.raw, err)
		}
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("https://app.hyperline.co/x")
	f.Add("-x https://a")
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := Check(raw)
		if err != nil {
			return
		}
		if got != raw || raw[0] == '-' || strings.ContainsAny(raw, " \t\r\n\x1b\x07\x00'\"`$") {
			t.Fatalf("accepted %q", raw)
		}
		if !strings.HasPrefix(strings.ToLower(raw), "http://") && !strings.HasPrefix(strings.ToLower(raw), "https://") {
			t.Fatalf("accepted %q, which is not http(s)", raw)
		}
	})
}
