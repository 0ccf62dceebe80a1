package cli

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// TestHelpAndCompletionOffline: every command's --help and every shell's
// completion script work with no network and no session.
func TestHelpAndCompletionOffline(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.opts.HTTPClient = &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		t.Error("a request was made")
		return nil, errors.New("offline")
	})}
	io, _, _ := cmdutil.Test()
	var paths [][]string
	var collect func(c *cobra.Command, path []string)
	collect = func(c *cobra.Command, path []string) {
		if c.Hidden {
			return
		}
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			collect(sub, append(append([]string{}, path...), sub.Name()))
		}
	}
	collect(NewCmdRoot(&cmdutil.Factory{IO: io}), nil)
	if len(paths) < 15 {
		t.Fatalf("only %d commands", len(paths))
	}
	for _, p := range paths {
		args := append(append([]string{}, p...), "--help")
		out, errOut, code := run(t, w, args[0], args[1:]...)
		if code != ExitOK || !strings.Contains(out, "Usage:") {
			t.Errorf("hlx %s: exit %d: %s%s", strings.Join(args, " "), code, out, errOut)
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if out, errOut, code := run(t, w, "completion", shell); code != ExitOK || !strings.Contains(out, "hlx") {
			t.Errorf("completion %s: exit %d: %s", shell, code, errOut)
		}
	}
	out, _, code := run(t, w, "__complete", "get", "")
	if code != ExitOK || !strings.Contains(out, "customer\n") || !strings.Contains(out, "invoice\n") {
		t.Errorf("completing get's kind: exit %d:\n%s", code, out)
	}
}
