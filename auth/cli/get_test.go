package cli

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline"
)

// TestGetEachKind reads one object of each kind as a summary and as JSON.
func TestGetEachKind(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	cc := w.api(t, small.ID)
	ids := firstIDs(t, cc)
	ctx := context.Background()
	raws := map[objectKind]json.RawMessage{}
	names := map[objectKind]string{}
	if c, err := cc.GetCustomer(ctx, ids[kindCustomer]); err == nil {
		raws[kindCustomer], names[kindCustomer] = c.Raw, "Name:"
	}
	if s, err := cc.GetSubscription(ctx, ids[kindSubscription]); err == nil {
		raws[kindSubscription], names[kindSubscription] = s.Raw, "Next payment:"
	}
	if inv, err := cc.GetInvoice(ctx, ids[kindInvoice]); err == nil {
		raws[kindInvoice], names[kindInvoice] = inv.Raw, "Total:"
	}
	for _, k := range kinds {
		if raws[k] == nil {
			t.Fatalf("the API has no %s %s", k, ids[k])
		}
		out, errOut, code := run(t, w, "get", k.String(), ids[k])
		if code != ExitOK {
			t.Fatalf("get %s: exit %d: %s", k, code, errOut)
		}
		if !strings.HasPrefix(out, "ID:") || !strings.Contains(out, ids[k]) || !strings.Contains(out, names[k]) {
			t.Errorf("get %s summary:\n%s", k, out)
		}
		if errOut != "" {
			t.Errorf("get %s wrote on stderr: %s", k, errOut)
		}

		// Flags after the arguments, and plural kinds, work too.
		out, errOut, code = run(t, w, "get", k.plural(), ids[k], "--json")
		if code != ExitOK {
			t.Fatalf("get %s --json: exit %d: %s", k, code, errOut)
		}
		var got, want any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("get %s --json is not JSON: %v\n%s", k, err, out)
		}
		if err := json.Unmarshal(raws[k], &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("get %s --json differs from the API's object", k)
		}
		if !strings.HasPrefix(out, "{\n  \"") {
			t.Errorf("get %s --json is not indented: %.40q", k, out)
		}
	}
	// Every request went to the chosen company.
	for _, r := range dataRequests(w, "/v2/") {
		if r.CompanyHeader != small.ID {
			t.Errorf("%s %s went to company %q, want %q", r.Method, r.Path, r.CompanyHeader, small.ID)
		}
	}
}

func TestGetUnknownObject(t *testing.T) {
	t.Parallel()
	w, small := loggedIn(t)
	for _, k := range kinds {
		if out, _, code := run(t, w, "get", k.String(), "nope_123"); code != ExitFailure || out != "" {
			t.Errorf("get unknown %s: exit %d, stdout %q", k, code, out)
		}
		var buf strings.Builder
		err := Get(context.Background(), w.opts, k.String(), "nope_123", false, &buf, &buf)
		if want := "no " + k.String() + ` "nope_123" in company ` + small.ID; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("get unknown %s: error %v, want it to say %q", k, err, want)
		}
	}
	for _, args := range [][]string{{"get", "customer"}, {"get", "planet", "x"}, {"get"}, {"get", "customer", "a", "b"}} {
		if _, _, code := run(t, w, args[0], args[1:]...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

// TestSummaryIsTerminalSafe: what the API typed reaches the terminal with
// its controls shown, not obeyed.
func TestSummaryIsTerminalSafe(t *testing.T) {
	t.Parallel()
	var c hyperline.Customer
	if err := json.Unmarshal([]byte(`{"id":"cus_1","name":"\u001b]52;c;bad\u0007Acme\u202e","billing_email":"a@b\r\nX-Injected: 1",`+
		`"created_at":"2025-03-01T09:00:00Z"}`), &c); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	customerSummary(&c).print(&b)
	out := b.String()
	if strings.ContainsAny(out, "\x1b\x07\r\u202e") || strings.Contains(out, "\nX-Injected") {
		t.Fatalf("unsafe summary:\n%q", out)
	}
	if !strings.Contains(out, "Name:             ␛]52;c;bad␇Acme\n") || !strings.Contains(out, "Created:          2025-03-01T09:00:00Z\n") {
		t.Errorf("summary:\n%s", out)
	}

	b.Reset()
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
