package cli

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
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
		out, errOut, code = run(t, w, "get", k.Plural(), ids[k], "--json")
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
		out, errOut, code := run(t, w, "get", k.String(), "nope_123")
		if code != ExitNotFound || out != "" || !strings.Contains(errOut, "nope_123") || !strings.HasPrefix(errOut, "hlx: ") {
			t.Errorf("get unknown %s: exit %d, stdout %q, stderr %q", k, code, out, errOut)
		}
		id := map[objectKind]string{kindCustomer: "cus_nope123", kindSubscription: "sub_nope123", kindInvoice: "inv_nope123"}[k]
		if _, errOut, code := run(t, w, "get", k.String(), id); code != ExitNotFound || !strings.Contains(errOut, id) {
			t.Errorf("get unknown %s %s in %s: exit %d, stderr %q", k, id, small.ID, code, errOut)
		}
	}
	for _, args := range [][]string{{"get", "customer"}, {"get", "planet", "x"}, {"get"}, {"get", "customer", "a", "b"}} {
		if _, _, code := run(t, w, args[0], args[1:]...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, ExitUsage)
		}
	}
}
