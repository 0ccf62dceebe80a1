package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

func startSim(t *testing.T) *simulator.Running {
	t.Helper()
	sim, err := simulator.Start("127.0.0.1:0", simulator.Config{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	return sim
}

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestAppsLifecycleAgainstSimulator(t *testing.T) {
	t.Parallel()
	sim := startSim(t)
	ctx := context.Background()
	settings := filepath.Join(t.TempDir(), "hlx", "config.json")
	opts := AppsOptions{Getenv: envOf(map[string]string{EnvAPIKey: sim.APIKey()}), SettingsPath: settings}
	run := func(args ...string) (string, string, error) {
		var out, errOut bytes.Buffer
		err := Apps(ctx, args, opts, &out, &errOut)
		return out.String(), errOut.String(), err
	}

	out, _, err := run("create", "--api-url", sim.URL, "--name", "Support TUI", "--callback", "http://127.0.0.1:9999/callback", "--save")
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	if !strings.Contains(out, "Support TUI") || strings.Contains(out, "SECRET") {
		t.Fatalf("create output should list the app without its secret:\n%s", out)
	}
	file, err := config.ReadSettingsFile(settings)
	if err != nil {
		t.Fatalf("read saved settings: %v", err)
	}
	st, err := config.ResolveSettings(config.Flags{APIURL: sim.URL}, envOf(nil), file)
	if err != nil {
		t.Fatal(err)
	}
	if st.ClientID == "" || st.ClientSecret == "" || st.RedirectURI != "http://127.0.0.1:9999/callback" {
		t.Fatalf("saved credentials not resolved for %s: id=%q secret set=%v redirect=%q", sim.URL, st.ClientID, st.ClientSecret != "", st.RedirectURI)
	}
	if info, err := os.Stat(settings); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("settings file mode: %v %v", info, err)
	}

	out, _, err = run("list", "--api-url", sim.URL)
	if err != nil || !strings.Contains(out, "Support TUI") || !strings.Contains(out, st.ClientID) {
		t.Fatalf("list: %v\n%s", err, out)
	}
	var id string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "Support TUI") {
			id = strings.Fields(line)[0]
		}
	}
	// The order the usage line shows: the id, then the flags.
	if out, _, err = run("update", id, "--api-url", sim.URL, "--name", "Support TUI 2"); err != nil || !strings.Contains(out, "Support TUI 2") {
		t.Fatalf("update ID --flags: %v\n%s", err, out)
	}
	if _, _, err = run("update", "--api-url", sim.URL, "--name", "Support TUI 3", id); err != nil {
		t.Fatalf("update --flags ID: %v", err)
	}
	if out, _, err = run("delete", id, "--api-url", sim.URL); err != nil || !strings.Contains(out, "deleted") {
		t.Fatalf("delete: %v %s", err, out)
	}
	out, _, _ = run("list", "--api-url", sim.URL)
	if strings.Contains(out, "Support TUI") {
		t.Fatalf("deleted app still listed:\n%s", out)
	}
}

func TestAppsUsageErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var out, errOut bytes.Buffer
	cases := [][]string{{}, {"create"}, {"frobnicate"}, {"delete"}, {"delete", "a", "b"}, {"list", "extra"}}
	for _, args := range cases {
		env := map[string]string{EnvAPIKey: "test_x"}
		if len(args) == 0 {
			env = nil
		}
		err := Apps(ctx, args, AppsOptions{Getenv: envOf(env)}, &out, &errOut)
		var ue *UsageError
		if !errors.As(err, &ue) {
			t.Errorf("apps %v: want a usage error, got %v", args, err)
		}
	}
	err := Apps(ctx, []string{"list"}, AppsOptions{Getenv: envOf(nil)}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), EnvAPIKey) {
		t.Errorf("missing key should name %s: %v", EnvAPIKey, err)
	}
}

// syncBuffer lets the test read what the serving goroutine writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	ch  chan struct{}
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.buf.Write(p)
	if strings.Count(b.buf.String(), "\n") >= 4 && b.ch != nil {
		close(b.ch)
		b.ch = nil
	}
	return n, err
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestSimulatorCommandPrintsSourceableSettings(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	out := &syncBuffer{ch: ready}
	var errOut bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- Simulator(ctx, []string{"--addr", "127.0.0.1:0", "--access-ttl", "90s"}, out, &errOut)
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("simulator returned early: %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("simulator: %v", err)
	}
	got := out.String()
	for _, name := range []string{"HYPERLINE_API_URL=http://127.0.0.1:", "HYPERLINE_CLIENT_ID=", "HYPERLINE_CLIENT_SECRET=", "HYPERLINE_API_KEY=test_"} {
		if !strings.Contains(got, name) {
			t.Errorf("output lacks %s:\n%s", name, got)
		}
	}
	if !strings.Contains(errOut.String(), "127.0.0.1:8765/callback") {
		t.Errorf("the default redirect URI should be a registered callback:\n%s", errOut.String())
	}
}

func TestSimulatorCommandRejectsBadRates(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	for _, args := range [][]string{{"--error-rate", "2"}, {"--epoch", "yesterday"}} {
		err := Simulator(context.Background(), append([]string{"--addr", "127.0.0.1:0"}, args...), &out, &errOut)
		var ue *UsageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: want usage error, got %v", args, err)
		}
	}
}
