package config

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config/keyringtest"
)

func newTestStore(t *testing.T) *Store {
	t.Helper()
	return NewStore(filepath.Join(t.TempDir(), "hlx", "session.json"))
}

func addAccount(apiURL, email string) func(*Session) error {
	return func(s *Session) error {
		a := s.Upsert(apiURL, email)
		a.Token = Token{AccessToken: "at-" + email, RefreshToken: "rt-" + email, Expiry: time.Unix(2e9, 0).UTC()}
		return nil
	}
}

func TestStoreMissingFileIsEmpty(t *testing.T) {
	t.Parallel()
	st := newTestStore(t)
	s, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Environments) != 0 || s.Version != SessionVersion {
		t.Errorf("Load of missing file = %+v", s)
	}
}

func TestStoreRoundTripAndModes(t *testing.T) {
	t.Parallel()
	st := newTestStore(t)
	if err := st.Update(addAccount(SandboxURL, "a@example.com")); err != nil {
		t.Fatal(err)
	}
	assertMode(t, st.Path(), 0o600)
	assertMode(t, filepath.Dir(st.Path()), 0o700)
	s, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	a := s.Current(SandboxURL)
	if a == nil || a.Email != "a@example.com" || a.Token.RefreshToken != "rt-a@example.com" {
		t.Fatalf("Current after round trip = %+v", a)
	}
	data, _ := os.ReadFile(st.Path())
	if !strings.Contains(string(data), `"version": 1`) {
		t.Errorf("session file lacks version:\n%s", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(st.Path()))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temp file left behind: %s", e.Name())
		}
	}
}

func TestStoreNarrowsExistingWideDir(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "hlx")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil { // umask may have narrowed Mkdir
		t.Fatal(err)
	}
	st := NewStore(filepath.Join(dir, "session.json"))
	if err := st.Update(addAccount(ProductionURL, "a@example.com")); err != nil {
		t.Fatal(err)
	}
	assertMode(t, dir, 0o700)
	assertMode(t, st.Path(), 0o600)
}

func TestStoreRewritesWideFileAs0600(t *testing.T) {
	t.Parallel()
	st := newTestStore(t)
	if err := st.Update(addAccount(ProductionURL, "a@example.com")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(st.Path(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := st.Update(addAccount(ProductionURL, "b@example.com")); err != nil {
		t.Fatal(err)
	}
	assertMode(t, st.Path(), 0o600)
}

// TestStoreNarrowsWideFileWithoutWriting: a session file left readable by
// others (copied with a umask of 022, say) is closed as soon as hlx reads
// it, not only when a later change rewrites it.
func TestStoreNarrowsWideFileWithoutWriting(t *testing.T) {
	t.Parallel()
	st := newTestStore(t)
	if err := st.Update(addAccount(ProductionURL, "a@example.com")); err != nil {
		t.Fatal(err)
	}
	for _, op := range []struct {
		name string
		run  func() error
	}{
		{"Load", func() error { _, err := st.Load(); return err }},
		{"unchanging Update", func() error { return st.Update(func(*Session) error { return nil }) }},
	} {
		if err := os.Chmod(st.Path(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := op.run(); err != nil {
			t.Fatalf("%s: %v", op.name, err)
		}
		assertMode(t, st.Path(), 0o600)
	}
}

func TestStoreCorruptFileMovedAside(t *testing.T) {
	t.Parallel()
	for _, viaUpdate := range []bool{false, true} {
		t.Run(fmt.Sprintf("update=%v", viaUpdate), func(t *testing.T) {
			t.Parallel()
			st := newTestStore(t)
			if err := os.MkdirAll(filepath.Dir(st.Path()), 0o700); err != nil {
				t.Fatal(err)
			}
			garbage := []byte(`{"version": 1, "environments": {"x": [`)
			if err := os.WriteFile(st.Path(), garbage, 0o600); err != nil {
				t.Fatal(err)
			}
			var err error
			if viaUpdate {
				err = st.Update(addAccount(SandboxURL, "a@example.com"))
			} else {
				var s *Session
				s, err = st.Load()
				if s == nil || len(s.Environments) != 0 {
					t.Errorf("Load of corrupt file returned session %+v, want empty", s)
				}
			}
			var corrupt *CorruptError
			if !errors.As(err, &corrupt) {
				t.Fatalf("err = %v, want *CorruptError", err)
			}
			if !strings.HasPrefix(filepath.Base(corrupt.MovedTo), "session.json.corrupt-") {
				t.Errorf("moved to %q", corrupt.MovedTo)
			}
			moved, readErr := os.ReadFile(corrupt.MovedTo)
			if readErr != nil || string(moved) != string(garbage) {
				t.Errorf("moved-aside content = %q, %v", moved, readErr)
			}
			// A second corrupt file must not overwrite the first copy.
			if err := os.WriteFile(st.Path(), []byte("garbage 2"), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err = st.Load()
			var corrupt2 *CorruptError
			if !errors.As(err, &corrupt2) || corrupt2.MovedTo == corrupt.MovedTo {
				t.Fatalf("second corrupt file: err = %v", err)
			}
			if moved, _ := os.ReadFile(corrupt.MovedTo); string(moved) != string(garbage) {
				t.Error("first corrupt copy was overwritten")
			}
		})
	}
}

func TestStoreNewerVersionLeftAlone(t *testing.T) {
	t.Parallel()
	st := newTestStore(t)
	if err := os.MkdirAll(filepath.Dir(st.Path()), 0o700); err != nil {
		t.Fatal(err)
	}
	content := []byte(`{"version": 2, "environments": {}}`)
	if err := os.WriteFile(st.Path(), content, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Load(); !errors.As(err, new(*VersionError)) {
		t.Errorf("Load err = %v, want *VersionError", err)
	}
	if err := st.Update(addAccount(SandboxURL, "a@example.com")); !errors.As(err, new(*VersionError)) {
		t.Errorf("Update err = %v, want *VersionError", err)
	}
	if data, _ := os.ReadFile(st.Path()); string(data) != string(content) {
		t.Errorf("newer session file was changed to %s", data)
	}
}

func TestStoreUpdateErrorWritesNothing(t *testing.T) {
	t.Parallel()
	st := newTestStore(t)
	boom := errors.New("boom")
	err := st.Update(func(s *Session) error {
		_ = addAccount(SandboxURL, "a@example.com")(s)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(st.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("session file written despite error: %v", err)
	}
}

// TestStoreConcurrentStores has many goroutines, each with its own Store on
// the same file (as separate processes would have), add accounts at once.
func TestStoreConcurrentStores(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "hlx", "session.json")
	const workers, each = 6, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := NewStore(path)
			for i := range each {
				errs <- st.Update(addAccount(SandboxURL, fmt.Sprintf("w%d-%d@example.com", w, i)))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	s, err := NewStore(path).Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Env(SandboxURL).Accounts); got != workers*each {
		t.Errorf("accounts = %d, want %d (a write was lost)", got, workers*each)
	}
}

// helperEnv makes the test binary act as a second process that adds
// accounts to a session file; see TestStoreTwoProcesses.
const helperEnv = "HLX_CONFIG_TEST_HELPER"

func TestMain(m *testing.M) {
	if spec := os.Getenv(helperEnv); spec != "" {
		os.Exit(runHelper(spec))
	}
	code := m.Run()
	keyringtest.Stop()
	os.Exit(code)
}

// runHelper parses "path|name|count" and adds count accounts.
func runHelper(spec string) int {
	parts := strings.Split(spec, "|")
	if len(parts) != 3 {
		fmt.Fprintln(os.Stderr, "bad helper spec")
		return 2
	}
	n, _ := strconv.Atoi(parts[2])
	st := NewStore(parts[0])
	for i := range n {
		if err := st.Update(addAccount(SandboxURL, fmt.Sprintf("%s-%d@example.com", parts[1], i))); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}

func TestStoreTwoProcesses(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "hlx", "session.json")
	const each = 15
	var cmds []*exec.Cmd
	for _, name := range []string{"p1", "p2"} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), helperEnv+"="+path+"|"+name+"|"+strconv.Itoa(each))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("helper process: %v", err)
		}
	}
	s, err := NewStore(path).Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Env(SandboxURL).Accounts); got != 2*each {
		t.Errorf("accounts = %d, want %d (a write was lost)", got, 2*each)
	}
}

// TestStoreUpdateErrorStillReportsCorruptFile: when fn fails on the empty
// session that replaced a corrupt file, the move-aside is still reported
// (in the message), and the error is not mistaken for the warning alone.
func TestStoreUpdateErrorStillReportsCorruptFile(t *testing.T) {
	t.Parallel()
	st := newTestStore(t)
	writeCorrupt(t, st)
	boom := errors.New("boom")
	err := st.Update(func(*Session) error { return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want fn's error", err)
	}
	if errors.As(err, new(*CorruptError)) {
		t.Error("a failed Update matches *CorruptError, which callers treat as success")
	}
	matches, _ := filepath.Glob(st.Path() + ".corrupt-*")
	if len(matches) != 1 || !strings.Contains(err.Error(), matches[0]) {
		t.Errorf("err = %v, want it to name the moved-aside file %v", err, matches)
	}
}

// TestSplitCorrupt: Load's and Update's warning about a file moved aside
// comes out as the warning with no failure; a failed Update on such a file
// is the failure with no warning; any other error is only the failure.
func TestSplitCorrupt(t *testing.T) {
	t.Parallel()
	st := newTestStore(t)
	writeCorrupt(t, st)
	warning, failure := SplitCorrupt(st.Update(func(s *Session) error {
		s.Upsert(SandboxURL, "ada@example.com")
		return nil
	}))
	if warning == nil || failure != nil {
		t.Fatalf("Update on a corrupt file: warning %v, failure %v; want a warning only", warning, failure)
	}
	if warning.MovedTo == "" {
		t.Error("the warning does not say where the file went")
	}

	writeCorrupt(t, st)
	boom := errors.New("boom")
	warning, failure = SplitCorrupt(st.Update(func(*Session) error { return boom }))
	if warning != nil || !errors.Is(failure, boom) {
		t.Errorf("failed Update on a corrupt file: warning %v, failure %v; want fn's error only", warning, failure)
	}

	if warning, failure = SplitCorrupt(nil); warning != nil || failure != nil {
		t.Errorf("SplitCorrupt(nil) = %v, %v", warning, failure)
	}
}

// writeCorrupt puts an unparsable session file where st reads it.
func writeCorrupt(t *testing.T, st *Store) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(st.Path()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(st.Path(), []byte("{oops"), 0o600); err != nil {
		t.Fatal(err)
	}
}
