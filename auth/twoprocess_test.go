package auth

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/config/keyringtest"
	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// Environment variables that turn the test binary into a helper process.
const (
	helperRefreshEnv = "HLX_AUTH_TEST_REFRESH" // JSON refreshSpec
	helperBrowserEnv = "HLX_AUTH_TEST_BROWSER" // "approve": act as $BROWSER
)

func TestMain(m *testing.M) {
	switch {
	case os.Getenv(helperRefreshEnv) != "":
		os.Exit(runRefreshHelper(os.Getenv(helperRefreshEnv)))
	case os.Getenv(helperBrowserEnv) != "":
		os.Exit(runBrowserHelper(os.Args[len(os.Args)-1]))
	}
	code := m.Run()
	keyringtest.Stop()
	os.Exit(code)
}

// refreshSpec tells a helper process which session to refresh.
type refreshSpec struct {
	Settings config.Settings
	Path     string
	Rejected string
	Keyring  bool // the tokens are in the OS keyring
}

// runRefreshHelper is one hlx process replacing a token the API refused.
// It prints a hash of the token it ends up with, never the token.
func runRefreshHelper(raw string) int {
	var spec refreshSpec
	if err := json.Unmarshal([]byte(raw), &spec); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	store := config.NewStore(spec.Path)
	if spec.Keyring {
		store = config.NewStore(spec.Path, config.WithKeyring(config.SystemKeyring()))
	}
	ts, err := NewTokenSource(TokenSourceOptions{Settings: spec.Settings, Store: store})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	tok, err := ts.ForceRefresh(context.Background(), spec.Rejected)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println(hash(tok.AccessToken))
	return 0
}

// runBrowserHelper is a scripted $BROWSER: approve, then follow the
// redirect to hlx's loopback listener.
func runBrowserHelper(authURL string) int {
	loc, err := simulator.Consent(context.Background(), nil, authURL, true)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	resp, err := http.Get(loc.String())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(os.Stderr, "callback answered", resp.Status)
		return 1
	}
	return 0
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// TestTwoProcessesRefreshAtOnce runs two real processes that both replace
// the same refused access token at the same moment, with rotation on. The
// store lock makes one refresh and the other adopt the result; both end up
// with the same token and the session survives.
func TestTwoProcessesRefreshAtOnce(t *testing.T) {
	t.Parallel()
	twoProcessesRefresh(t, false)
}

// TestTwoProcessesRefreshAtOnceKeyring is the same with the tokens in the
// OS keyring: the lock on the session file still serialises the refresh.
// It needs a real Secret Service, which both processes reach.
func TestTwoProcessesRefreshAtOnceKeyring(t *testing.T) {
	if keyringtest.Start(t) != keyringtest.SecretService {
		t.Skip("the mock keyring lives in one process; this test needs a real Secret Service")
	}
	twoProcessesRefresh(t, true)
}

func twoProcessesRefresh(t *testing.T, keyring bool) {
	e := newEnv(t, simulator.Config{Now: time.Now}) // children use the real clock
	if keyring {
		e.store = config.NewStore(e.store.Path(), config.WithKeyring(config.SystemKeyring()))
	}
	e.login(t)
	if keyring {
		data, err := os.ReadFile(e.store.Path())
		if err != nil || !strings.Contains(string(data), `"tokens_in": "keyring"`) || strings.Contains(string(data), "refresh_token") {
			t.Fatalf("the login did not put the tokens in the keyring (%v):\n%s", err, data)
		}
	}
	email := e.sim.User().Email
	rejected := e.stored(t, email).Token.AccessToken
	e.sim.ExpireAccessTokens()
	before := e.tokenRequests()

	spec, _ := json.Marshal(refreshSpec{Settings: e.settings, Path: e.store.Path(), Rejected: rejected, Keyring: keyring})
	outputs := make([]bytes.Buffer, 2)
	var wg sync.WaitGroup
	for i := range outputs {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), helperRefreshEnv+"="+string(spec))
		cmd.Stdout = &outputs[i]
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := cmd.Wait(); err != nil {
				t.Errorf("helper %d: %v: %s", i, err, stderr.String())
			}
		}()
	}
	wg.Wait()
	a, b := strings.TrimSpace(outputs[0].String()), strings.TrimSpace(outputs[1].String())
	if a == "" || a != b {
		t.Errorf("helpers ended with different tokens: %q vs %q", a, b)
	}
	stored := e.stored(t, email)
	if !stored.LoggedIn() || hash(stored.Token.AccessToken) != a {
		t.Error("session lost or not the token the helpers use")
	}
	if got := e.tokenRequests() - before; got != 1 {
		t.Errorf("%d refresh requests, want 1", got)
	}
}

// TestLoginWithBrowserEnv runs the default opener with $BROWSER set to
// this test binary acting as a scripted browser.
func TestLoginWithBrowserEnv(t *testing.T) {
	t.Parallel()
	e := newEnv(t, simulator.Config{})
	browser := "env " + helperBrowserEnv + "=approve " + os.Args[0] + " -test.run=^$"
	getenv := func(k string) string {
		switch k {
		case "BROWSER":
			return browser
		case "SSH_CONNECTION":
			return "10.0.0.1 50000 10.0.0.2 22" // $BROWSER wins even over SSH
		}
		return ""
	}
	var opened bool
	_, err := Login(context.Background(), LoginOptions{
		Settings: e.settings, Store: e.store, Getenv: getenv, Timeout: 30 * time.Second,
		Progress: func(ev Event) {
			if u, ok := ev.(EventURL); ok {
				opened = u.BrowserOpened
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !opened {
		t.Error("EventURL says the browser was not opened")
	}
}
