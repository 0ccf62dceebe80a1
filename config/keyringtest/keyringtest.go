// Package keyringtest gives tests an OS keyring to store tokens in: a real
// Secret Service (gnome-keyring on a private D-Bus session bus) where the
// machine has one to start, else go-keyring's in-memory mock. Tests log
// which one ran.
//
// The real service is started once per test binary and shared: go-keyring
// keeps its D-Bus connection for the life of the process. Call Stop from
// TestMain after m.Run.
package keyringtest

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

// Kind says which keyring a test got.
type Kind string

// The keyrings Start can give.
const (
	SecretService Kind = "Secret Service (gnome-keyring on a private D-Bus)"
	Mock          Kind = "go-keyring's in-memory mock"
)

// startTimeout bounds starting the bus and the keyring daemon.
const startTimeout = 10 * time.Second

var (
	once  sync.Once
	kind  Kind
	why   string // why the real service is not used
	procs []*exec.Cmd
	dir   string
)

// Start readies the keyring go-keyring (and so config.SystemKeyring) talks
// to in this test binary, logs which one it is and returns it. Entries are
// shared by every test of the binary: use distinct services or users.
// HLX_TEST_KEYRING=mock forces the mock.
func Start(t testing.TB) Kind {
	t.Helper()
	once.Do(start)
	if kind == Mock {
		t.Logf("keyring: %s (%s)", kind, why)
	} else {
		t.Logf("keyring: %s", kind)
	}
	return kind
}

// Real reports whether Start runs a real Secret Service, so that a test
// across processes (which the mock cannot share) knows to run.
func Real() bool {
	once.Do(start)
	return kind == SecretService
}

// Stop ends the bus and the daemon Start launched, if any.
func Stop() {
	for i := len(procs) - 1; i >= 0; i-- {
		_ = procs[i].Process.Kill()
		_ = procs[i].Wait()
	}
	procs = nil
	if dir != "" {
		_ = os.RemoveAll(dir)
	}
}

// start launches the real service or falls back to the mock.
func start() {
	if os.Getenv("HLX_TEST_KEYRING") == "mock" {
		useMock("HLX_TEST_KEYRING=mock")
		return
	}
	if err := startSecretService(); err != nil {
		Stop()
		useMock(err.Error())
		return
	}
	kind = SecretService
}

func useMock(reason string) {
	gokeyring.MockInit()
	kind, why = Mock, reason
}

// startSecretService runs dbus-daemon and gnome-keyring-daemon (unlocked,
// empty password, secrets only) in a temporary home, points this process
// at the bus, and checks that a secret goes in and out.
func startSecretService() error {
	for _, bin := range []string{"dbus-daemon", "gnome-keyring-daemon"} {
		if _, err := exec.LookPath(bin); err != nil {
			return fmt.Errorf("%s is not installed", bin)
		}
	}
	var err error
	if dir, err = os.MkdirTemp("", "hlx-keyring-"); err != nil {
		return err
	}
	run := filepath.Join(dir, "run")
	if err := os.Mkdir(run, 0o700); err != nil {
		return err
	}
	// A bus of our own without service activation: an activated
	// gnome-keyring (locked, no login collection) must not win the name
	// from the unlocked one started below.
	conf := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(busConfig, dir)), 0o600); err != nil {
		return err
	}
	bus := exec.Command("dbus-daemon", "--config-file="+conf, "--nofork", "--print-address=1")
	bus.SysProcAttr = dieWithParent()
	out, err := bus.StdoutPipe()
	if err != nil {
		return err
	}
	if err := bus.Start(); err != nil {
		return fmt.Errorf("start dbus-daemon: %w", err)
	}
	procs = append(procs, bus)
	addr, err := firstLine(out, startTimeout)
	if err != nil {
		return fmt.Errorf("dbus-daemon: %w", err)
	}
	env := append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+addr, "HOME="+dir,
		"XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_RUNTIME_DIR="+run)
	daemon := exec.Command("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets")
	daemon.Env = env
	daemon.Stdin = strings.NewReader("hlx-test") // creates and unlocks the login keyring
	daemon.SysProcAttr = dieWithParent()
	var daemonOut lockedBuffer
	daemon.Stdout, daemon.Stderr = &daemonOut, &daemonOut
	if err := daemon.Start(); err != nil {
		return fmt.Errorf("start gnome-keyring-daemon: %w", err)
	}
	procs = append(procs, daemon)
	// go-keyring connects to the bus named here, once, on first use.
	if err := os.Setenv("DBUS_SESSION_BUS_ADDRESS", addr); err != nil {
		return err
	}
	if err := waitForSecrets(startTimeout); err != nil {
		return fmt.Errorf("%w; gnome-keyring-daemon said: %q", err, daemonOut.String())
	}
	return nil
}

// busConfig is a session bus listening in a directory (%s), open to its
// user, with no service activation.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=%[1]s</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// lockedBuffer collects a daemon's output while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// firstLine reads the first line of r within the timeout.
func firstLine(r interface{ Read([]byte) (int, error) }, timeout time.Duration) (string, error) {
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case l := <-line:
		if l == "" {
			return "", fmt.Errorf("printed no address")
		}
		return l, nil
	case <-time.After(timeout):
		return "", fmt.Errorf("printed no address within %s", timeout)
	}
}

// waitForSecrets writes and reads a probe secret until the daemon has
// claimed its bus name, within the timeout.
func waitForSecrets(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := bounded(func() error { return gokeyring.Set("hlx-keyringtest", "probe", "ok") })
		if err == nil {
			var got string
			gerr := bounded(func() (err error) { got, err = gokeyring.Get("hlx-keyringtest", "probe"); return err })
			if gerr == nil && got == "ok" {
				_ = bounded(func() error { return gokeyring.Delete("hlx-keyringtest", "probe") })
				return nil
			}
			err = fmt.Errorf("read back %q: %v", got, gerr)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the Secret Service did not answer: %w", err)
		}
		time.Sleep(100 * time.Millisecond) // polling a daemon's start-up, not a test's wait
	}
}

// bounded runs a keyring call for at most two seconds.
func bounded(call func() error) error {
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		return err
	case <-time.After(2 * time.Second):
		return fmt.Errorf("no answer within 2s")
	}
}
