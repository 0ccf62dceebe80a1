package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/creack/pty"
)

// BenchmarkStartToPicker runs hlx --demo under an 80x24 pty, from the
// process start to the company picker showing the simulator's companies
// (a login against the in-process simulator included), beside `hlx
// version` as the anchor: what starting the process costs at all.
//
//	go test -run '^$' -bench StartToPicker -count 6 .
func BenchmarkStartToPicker(b *testing.B) {
	for _, c := range []struct {
		name  string
		args  []string
		until []byte // nil: until the process ends
	}{
		{"demo-picker", []string{"--demo"}, []byte("cmp_")},
		{"version", []string{"version"}, nil},
	} {
		b.Run(c.name, func(b *testing.B) {
			dir := b.TempDir()
			for b.Loop() {
				runUnderPty(b, dir, c.args, c.until)
			}
		})
	}
}

// runUnderPty starts the test binary as hlx with args under a pty and
// returns once its output holds until (or, with until nil, once it ends).
func runUnderPty(b *testing.B, dir string, args []string, until []byte) {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "HLX_TEST_MAIN=1", "TERM=xterm-256color", "NO_COLOR=",
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_STATE_HOME="+filepath.Join(dir, "state"),
		"HOME="+dir)
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		b.Skipf("no pty here: %v", err)
	}
	defer ptmx.Close()
	var out []byte
	buf := make([]byte, 32<<10)
	answered := false
	for {
		n, err := ptmx.Read(buf)
		out = append(out, buf[:n]...)
		if !answered && bytes.Contains(out, []byte("\x1b]11;?")) {
			// The explorer asks for the background colour (OSC 11, fenced by
			// a cursor position query); answer as a dark terminal would.
			_, _ = ptmx.Write([]byte("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[1;1R"))
			answered = true
		}
		if until != nil && bytes.Contains(out, until) {
			_ = cmd.Process.Kill()
			break
		}
		if err != nil {
			if until != nil {
				b.Fatalf("hlx %v ended before showing %q: %v\n%s", args, until, err, out)
			}
			break
		}
	}
	_ = cmd.Wait()
}
