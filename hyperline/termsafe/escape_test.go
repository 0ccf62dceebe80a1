package termsafe

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscaped(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"Acme", "Acme"},
		{"\x1b[2J", `\u001b[2J`},
		{"\u009b31m", `\u009b31m`},
		{"\x9b31m", `\x9b31m`},
		{"a\u202eb", `a\u202eb`},
		{"x\u200by", `x\u200by`},
		{"🏴\U000e0067", `🏴\U000e0067`},
		{"a\tb\r\nc", `a\tb\r\nc`},
		{`C:\u001b`, `C:\\u001b`},
		{"日本語 e\u0301", "日本語 e\u0301"},
		{"a\x7f", `a\u007f`},
	} {
		got := Escaped(tt.in)
		if got != tt.want {
			t.Errorf("Escaped(%q) = %q, want %q", tt.in, got, tt.want)
		}
		checkSafe(t, got, false)
	}
}

func TestJSON(t *testing.T) {
	t.Parallel()
	raw := []byte("{\"name\":\"Evil\u009b2J\u202eCorp\",\"note\":\"a\\u001bb\",\"del\":\"x\x7fy\"," +
		"\"sep\":\"p\u2028q\",\"bad\":\"\x9b\",\"tag\":\"\U000e0067\",\"esc\\\"aped\\\\\":[1,true,null],\"\u200bkey\":\"\"}")
	got, err := JSON(raw)
	if err != nil {
		t.Fatal(err)
	}
	checkSafe(t, string(got), true)
	for _, want := range []string{
		`"name": "Evil\u009b2J\u202eCorp"`,
		`"note": "a\u001bb"`,
		`"del": "x\u007fy"`,
		`"sep": "p\u2028q"`,
		`"bad": "\ufffd"`,
		`"tag": "\udb40\udc67"`,
		`"esc\"aped\\": [`,
		`"\u200bkey": ""`,
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("JSON output lacks %s:\n%s", want, got)
		}
	}
	// The escapes change how it looks, not what it says.
	var before, after map[string]any
	if err := json.Unmarshal(raw, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got, &after); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, got)
	}
	before["bad"] = "\ufffd" // encoding/json also reads the invalid byte as U+FFFD
	if b, a := mustMarshal(t, before), mustMarshal(t, after); b != a {
		t.Errorf("decoded values differ:\n%s\n%s", b, a)
	}
	if _, err := JSON([]byte(`{"a":`)); err == nil {
		t.Error("JSON accepted an invalid document")
	}
}

func mustMarshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestJSONReplacesLoneSurrogates(t *testing.T) {
	for in, want := range map[string]string{
		`"\udc80"`:              `"\ufffd"`,
		`"a\ud800b"`:            `"a\ufffdb"`,
		`"\ud800\u0041"`:        `"\ufffd\u0041"`,
		`"\ud83d\ude00 ok"`:     `"\ud83d\ude00 ok"`,
		`"\\udc80"`:             `"\\udc80"`,
		`["k\udc80","\n\"x\""]`: "[\n  \"k\\ufffd\",\n  \"\\n\\\"x\\\"\"\n]",
		`"\u001b[2J"`:           `"\u001b[2J"`,
	} {
		got, err := JSON([]byte(in))
		if err != nil {
			t.Fatalf("JSON(%s): %v", in, err)
		}
		if string(got) != want {
			t.Errorf("JSON(%s) = %s, want %s", in, got, want)
		}
		if !utf8.Valid(got) || !json.Valid(got) {
			t.Errorf("JSON(%s) = %s is not valid", in, got)
		}
	}
}
