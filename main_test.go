package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestMain lets the test binary run as hlx: with HLX_TEST_MAIN=1 it is the
// program itself, so the tests below run the real process, init order and
// all.
func TestMain(m *testing.M) {
	if os.Getenv("HLX_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// TestCommandsNeverQueryTheTerminal runs commands under a real pty that
// never answers: none may write a terminal query (OSC 11, CSI 6n, or any
// OSC or DCS), and each must end well before the 5 s a query would wait.
func TestCommandsNeverQueryTheTerminal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, args := range [][]string{
		{"version"},
		{"status"},
		{"list", "customers"},
		{"--help"},
		{"completion", "bash"},
	} {
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), "HLX_TEST_MAIN=1", "TERM=xterm-256color",
			"XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_STATE_HOME="+filepath.Join(dir, "state"),
			"HYPERLINE_CLIENT_ID=id", "HYPERLINE_CLIENT_SECRET=secret")
		ptmx, err := pty.Start(cmd)
		if err != nil {
			t.Skipf("no pty here: %v", err)
		}
		out := make(chan []byte, 1)
		go func() {
			b, _ := io.ReadAll(ptmx)
			out <- b
		}()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-ctx.Done():
			_ = cmd.Process.Kill()
			t.Errorf("hlx %v still running after 3 s: waiting for the terminal?", args)
			err = <-done
		}
		cancel()
		ptmx.Close()
		written := <-out
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Errorf("hlx %v: %v", args, err)
		}
		for _, query := range [][]byte{[]byte("\x1b]"), []byte("\x1b[6n"), []byte("\x1bP"), []byte("\x1b[c"), []byte("\x1b[>")} {
			if i := bytes.Index(written, query); i >= 0 {
				t.Errorf("hlx %v wrote a terminal query %q: …%q…", args, query, written[max(0, i-10):min(len(written), i+20)])
			}
		}
	}
}
