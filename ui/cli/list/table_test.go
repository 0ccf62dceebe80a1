package list

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

// TestTableIsTerminalSafe: what the API typed reaches the terminal with
// its controls shown, not obeyed.
func TestTableIsTerminalSafe(t *testing.T) {
	t.Parallel()
	var c hyperline.Customer
	if err := json.Unmarshal([]byte(`{"id":"cus_1","name":"\u001b]52;c;bad\u0007Acme\u202e","billing_email":"a@b\r\nX-Injected: 1",`+
		`"created_at":"2025-03-01T09:00:00Z"}`), &c); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	tw := newTable(&b, customerTable())
	if err := tw.Write(c); err != nil {
		t.Fatal(err)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\x07\r\u202e") || strings.Count(b.String(), "\n") != 2 {
		t.Errorf("unsafe table:\n%q", b.String())
	}
}
