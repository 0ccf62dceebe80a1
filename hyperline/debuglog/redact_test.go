package debuglog

import (
	"strings"
	"testing"
)

func TestScrubText(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"Authorization: Bearer abc.def-ghi", "Authorization: [redacted] [redacted]"},
		{"bearer   abc==", "bearer   [redacted]"},
		{"Basic dXNlcjpwYXNzd29yZA==", "Basic [redacted]"},
		{"on the basic plan", "on the basic plan"},
		{"key hl_abcdefghijklmnop1234 used", "key hl_[redacted] used"},
		{"sk_live_0123456789abcdefXYZ", "sk_[redacted]"},
		{"sk_short", "sk_short"},
		{"jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig_nature", "jwt eyJ[redacted]"},
		{`{"access_token":"a\"b","token_type":"Bearer","n":1}`, `{"access_token":"[redacted]","token_type":"[redacted]","n":1}`},
		{`{"code": 123456, "message": "x"}`, `{"code": "[redacted]", "message": "x"}`},
		{`{"refresh_token":"cut sho`, `{"refresh_token":"[redacted]"`},
		{`{"access\u005ftoken":"x"}`, `{"access\u005ftoken":"[redacted]"}`},
		{"GET /cb?code=abc&state=xyz&page=2", "GET /cb?code=[redacted]&state=[redacted]&page=2"},
		{"https://h/p?client_secret=s3&client_id=app", "https://h/p?client_secret=[redacted]&client_id=app"},
		{"password: hunter2, user: bob", "password: [redacted], user: bob"},
		{`api_key="k1"`, `api_key=[redacted]"`},
		{"grant_type=refresh_token", "grant_type=refresh_token"},
		{"plain words", "plain words"},
	} {
		if got := scrubText(tt.in); got != tt.want {
			t.Errorf("scrubText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactText(t *testing.T) {
	t.Parallel()
	// Removing the zero-width space joins key and value: still hidden.
	if got := redactText("access\u200b_token=SECRET-Z"); strings.Contains(got, "SECRET-Z") {
		t.Errorf("redactText = %q", got)
	}
	if got := redactText("bad\x1b[2J\nnews"); got != "bad␛[2J news" {
		t.Errorf("redactText = %q", got)
	}
}

func TestRedactJSON(t *testing.T) {
	t.Parallel()
	got := string(redactJSON([]byte(`{"error":{"token":"t1","items":[{"secret":"s1","name":"<Acme>"}]},"n":1.50}`)))
	want := `{"error":{"items":[{"name":"<Acme>","secret":"[redacted]"}],"token":"[redacted]"},"n":1.50}`
	if got != want {
		t.Errorf("redactJSON = %s, want %s", got, want)
	}
	if got := string(redactJSON([]byte("not json"))); got != "not json" {
		t.Errorf("redactJSON(text) = %q", got)
	}
}

func TestKnownSecrets(t *testing.T) {
	t.Parallel()
	var k knownSecrets
	k.add("abc") // too short to hunt for
	k.add("SECRET")
	k.add("SECRET-LONGER")
	k.add("a b+c/d=")
	if got, want := k.scrub("abc SECRET-LONGER SECRET a%20b%2Bc%2Fd%3D"), "abc [redacted] [redacted] a%20b%2Bc%2Fd%3D"; got != want {
		// url.QueryEscape writes a space as +, so the %20 form stays.
		t.Errorf("scrub = %q, want %q", got, want)
	}
	if got := k.scrub("a+b%2Bc%2Fd%3D"); got != "[redacted]" {
		t.Errorf("scrub of the escaped form = %q", got)
	}
}

func TestRedactFields(t *testing.T) {
	t.Parallel()
	var k knownSecrets
	got := redactFields([]byte(`{"grant_type":"refresh_token","refresh_token":"RT-123456","scopes":["a"],"n":2}`), "application/json", &k)
	if want := "grant_type=refresh_token n=2 refresh_token=[redacted] scopes=[…]"; got != want {
		t.Errorf("JSON fields = %q, want %q", got, want)
	}
	if len(k) != 1 || k[0] != "RT-123456" {
		t.Errorf("known = %q", k)
	}
	if got := redactFields([]byte("{not json"), "application/json", &k); got != "[unreadable JSON body]" {
		t.Errorf("bad JSON = %q", got)
	}
}
