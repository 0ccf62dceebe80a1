package auth

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/cli/browser"

	"github.com/hyperline-tui/hlx/hyperline/weburl"
)

// browserGrace is how long a $BROWSER command may take to fail before hlx
// assumes it is up (a browser that stays in the foreground never exits).
const browserGrace = 2 * time.Second

// BrowserSkippedError explains why no browser was started.
type BrowserSkippedError struct {
	Reason string
}

// Error is the reason, e.g. "running over SSH".
func (e *BrowserSkippedError) Error() string { return e.Reason }

// DefaultOpenBrowser returns the browser opener hlx uses unless told
// otherwise. getenv nil means os.Getenv. In order:
//
//  1. $BROWSER, like gh and git: the command (split on spaces; "%s" is
//     replaced by the URL, otherwise the URL is appended) runs with its
//     output discarded. It is honoured even over SSH: the user set it.
//  2. Over SSH (SSH_CONNECTION or SSH_TTY set), or on a Unix without a
//     display (no DISPLAY or WAYLAND_DISPLAY, outside WSL), nothing is
//     started: a *BrowserSkippedError says why.
//  3. github.com/cli/browser (xdg-open, open, start), with the launcher's
//     output kept off the terminal.
func DefaultOpenBrowser(getenv func(string) string) func(url string) error {
	if getenv == nil {
		getenv = os.Getenv
	}
	return func(url string) error {
		// Only a web page is opened; nothing else reaches a browser's
		// command line, where "-..." would be an option.
		if _, err := weburl.Check(url); err != nil {
			return err
		}
		if cmd := strings.TrimSpace(getenv("BROWSER")); cmd != "" {
			return runBrowserCommand(cmd, url, browserGrace)
		}
		if reason := noBrowserReason(getenv, runtime.GOOS); reason != "" {
			return &BrowserSkippedError{Reason: reason}
		}
		// cli/browser writes the launcher's output to these package
		// variables (the terminal by default); hlx never wants it there.
		browser.Stdout, browser.Stderr = io.Discard, io.Discard
		if err := browser.OpenURL(url); err != nil {
			return fmt.Errorf("open browser: %w", err)
		}
		return nil
	}
}

// noBrowserReason says why a browser cannot be shown here, or "".
func noBrowserReason(getenv func(string) string, goos string) string {
	if getenv("SSH_CONNECTION") != "" || getenv("SSH_TTY") != "" {
		return "running over SSH"
	}
	switch goos {
	case "darwin", "windows", "android", "ios":
		return ""
	}
	if getenv("DISPLAY") == "" && getenv("WAYLAND_DISPLAY") == "" && getenv("WSL_DISTRO_NAME") == "" {
		return "no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)"
	}
	return ""
}

// runBrowserCommand starts $BROWSER with the URL. It waits briefly so that a
// command that fails at once (not found, exit 1) is reported as a failure,
// but does not wait for a browser that stays open.
func runBrowserCommand(command, url string, grace time.Duration) error {
	if _, err := weburl.Check(url); err != nil {
		return err
	}
	args := strings.Fields(command)
	substituted := false
	for i, a := range args {
		if strings.Contains(a, "%s") {
			args[i] = strings.ReplaceAll(a, "%s", url)
			substituted = true
		}
	}
	if !substituted {
		args = append(args, url)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil // nil: /dev/null
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start $BROWSER (%s): %w", args[0], err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case err := <-exited:
		if err != nil {
			var exitErr *exec.ExitError
			if errors.As(err, &exitErr) {
				return fmt.Errorf("$BROWSER (%s) exited with status %d", args[0], exitErr.ExitCode())
			}
			return fmt.Errorf("$BROWSER (%s): %w", args[0], err)
		}
		return nil
	case <-timer.C:
		return nil // still running: a foreground browser; Wait reaps it later
	}
}

// BrowserUnavailable says why DefaultOpenBrowser would not start a browser
// here (over SSH, no display), or "" when it would try. A $BROWSER setting
// always counts as available. getenv nil means os.Getenv.
func BrowserUnavailable(getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	if strings.TrimSpace(getenv("BROWSER")) != "" {
		return ""
	}
	return noBrowserReason(getenv, runtime.GOOS)
}
