package recent

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/adrg/xdg"
)

// testStore is a store in a fresh directory whose clock ticks one second
// per jump, so jumps have distinct, known times.
func testStore(t *testing.T) *Store {
	t.Helper()
	s := Open(filepath.Join(t.TempDir(), "state", "hlx"))
	var mu sync.Mutex
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
	return s
}

func jump(n int) Jump {
	return Jump{Query: fmt.Sprintf("INV-%d", n), Kind: "invoice", ObjectID: fmt.Sprintf("inv_%d", n),
		Label: fmt.Sprintf("INV-%d", n), CompanyID: "cmp_1", CompanyName: "Acme"}
}

func mustList(t *testing.T, s *Store, account string) []Jump {
	t.Helper()
	jumps, err := s.List(account)
	if err != nil {
		t.Fatalf("List(%s): %v", account, err)
	}
	return jumps
}

func ids(jumps []Jump) string {
	var out []string
	for _, j := range jumps {
		out = append(out, j.ObjectID)
	}
	return strings.Join(out, " ")
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	if got := mustList(t, s, "ana@acme.fr"); got != nil {
		t.Fatalf("List before any Add = %v, want none", got)
	}
	at := time.Date(2025, 2, 1, 10, 30, 0, 0, time.FixedZone("CET", 3600))
	want := Jump{Query: " https://app.hyperline.co/app/customers/cus_1 ", Kind: "customer", ObjectID: "cus_1",
		Label: "Acme SAS", CompanyID: "cmp_1", CompanyName: "Acme Group", At: at}
	if err := s.Add("ana@acme.fr", want); err != nil {
		t.Fatalf("Add: %v", err)
	}
	if err := s.Add("ana@acme.fr", Jump{Kind: "invoice", ObjectID: "inv_2"}); err != nil {
		t.Fatalf("Add without time: %v", err)
	}
	got := mustList(t, Open(s.dir), "ana@acme.fr")
	if len(got) != 2 {
		t.Fatalf("List = %+v, want 2 jumps", got)
	}
	if got[0].ObjectID != "inv_2" || !got[0].At.Equal(time.Date(2025, 3, 1, 9, 0, 1, 0, time.UTC)) {
		t.Errorf("newest = %+v, want inv_2 at the store's clock", got[0])
	}
	want.Query, want.At = strings.TrimSpace(want.Query), at.UTC()
	if got[1] != want {
		t.Errorf("read back %+v\nwant        %+v", got[1], want)
	}
}

func TestCapNewestFirst(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	for n := range MaxPerAccount + 5 {
		if err := s.Add("ana@acme.fr", jump(n)); err != nil {
			t.Fatal(err)
		}
	}
	got := mustList(t, s, "ana@acme.fr")
	if len(got) != MaxPerAccount || got[0].ObjectID != "inv_24" || got[len(got)-1].ObjectID != "inv_5" {
		t.Fatalf("List = %d jumps [%s], want the 20 newest, inv_24 first", len(got), ids(got))
	}
}

func TestDedup(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	for n := range 3 {
		_ = s.Add("ana@acme.fr", jump(n))
	}
	// The same object reached by another query moves to the front.
	again := jump(0)
	again.Query = "https://app.hyperline.co/app/invoices/inv_0"
	if err := s.Add("ana@acme.fr", again); err != nil {
		t.Fatal(err)
	}
	if got := mustList(t, s, "ana@acme.fr"); ids(got) != "inv_0 inv_2 inv_1" || got[0].Query != again.Query {
		t.Fatalf("after the same object: [%s] first query %q", ids(got), got[0].Query)
	}
	// The same query typed again moves to the front, even if it now
	// resolves to another object.
	moved := jump(1)
	moved.ObjectID = "inv_1bis"
	_ = s.Add("ana@acme.fr", moved)
	if got := mustList(t, s, "ana@acme.fr"); ids(got) != "inv_1bis inv_0 inv_2" {
		t.Fatalf("after the same query: [%s]", ids(got))
	}
}

func TestAccountsSeparate(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	_ = s.Add("ana@acme.fr", jump(1))
	_ = s.Add("bob@acme.fr", jump(2))
	_ = s.Add(" Ana@ACME.fr", jump(3))
	if got := ids(mustList(t, s, "ana@acme.fr")); got != "inv_3 inv_1" {
		t.Errorf("ana: [%s], want inv_3 inv_1 (emails compared without case)", got)
	}
	if got := ids(mustList(t, s, "bob@acme.fr")); got != "inv_2" {
		t.Errorf("bob: [%s]", got)
	}
	if err := s.Forget("bob@acme.fr"); err != nil {
		t.Fatal(err)
	}
	if got := mustList(t, s, "bob@acme.fr"); got != nil || len(mustList(t, s, "ana@acme.fr")) != 2 {
		t.Errorf("after Forget(bob): bob [%s], ana kept?", ids(got))
	}
}

func TestAccountsCapped(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	for n := range MaxAccounts + 2 {
		if err := s.Add(fmt.Sprintf("user%d@acme.fr", n), jump(n)); err != nil {
			t.Fatal(err)
		}
	}
	for n, want := range map[int]int{0: 0, 1: 0, 2: 1, MaxAccounts + 1: 1} {
		if got := len(mustList(t, s, fmt.Sprintf("user%d@acme.fr", n))); got != want {
			t.Errorf("user%d: %d jumps, want %d (the least recently used accounts go)", n, got, want)
		}
	}
}

func TestRejectsEmptyAccountOrJump(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	if err := s.Add(" ", jump(1)); err == nil {
		t.Error("Add with no account succeeded")
	}
	if err := s.Add("ana@acme.fr", Jump{Kind: "invoice", Query: "  "}); err == nil {
		t.Error("Add of a jump with neither query nor object succeeded")
	}
	if _, err := s.List(""); err == nil {
		t.Error("List with no account succeeded")
	}
	if _, err := os.Stat(s.dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("rejected calls created %s: %v", s.dir, err)
	}
}

func TestLongTextClipped(t *testing.T) {
	t.Parallel()
	s := testStore(t)
	long := strings.Repeat("é", maxField)
	_ = s.Add("ana@acme.fr", Jump{Query: long, Label: long, ObjectID: "cus_1"})
	got := mustList(t, s, "ana@acme.fr")[0]
	if len(got.Query) > maxField || len(got.Label) > maxField || !strings.HasPrefix(long, got.Query) {
		t.Errorf("kept %d and %d bytes, want at most %d on a rune boundary", len(got.Query), len(got.Label), maxField)
	}
}

func TestConcurrentAdds(t *testing.T) {
	t.Parallel()
	a := testStore(t)
	b := Open(a.dir) // a second store on the file, as another hlx process would have
	var wg sync.WaitGroup
	for n := range MaxPerAccount {
		s := a
		if n%2 == 1 {
			s = b
		}
		wg.Go(func() {
			if err := s.Add("ana@acme.fr", jump(n)); err != nil {
				t.Errorf("Add %d: %v", n, err)
			}
		})
	}
	wg.Wait()
	got := mustList(t, a, "ana@acme.fr")
	seen := map[string]bool{}
	for _, j := range got {
		seen[j.ObjectID] = true
	}
	if len(got) != MaxPerAccount || len(seen) != MaxPerAccount {
		t.Fatalf("%d jumps, %d distinct, want %d: a write was lost", len(got), len(seen), MaxPerAccount)
	}
}

// TestDefaultDir is not parallel: it changes the environment.
func TestDefaultDir(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	if got, want := DefaultDir(), filepath.Join(state, "hlx"); got != want {
		t.Fatalf("DefaultDir = %s, want %s", got, want)
	}
	if got, want := Open("").Path(), filepath.Join(state, "hlx", FileName); got != want {
		t.Errorf("Open(\"\").Path = %s, want %s", got, want)
	}
}
