package cli

import (
	"errors"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// Report prints err as one "hlx: " line on stderr, then the lines that
// help choose (the companies a name could mean, the objects a reference
// matches), and returns the exit code. Every line passes through termsafe:
// errors quote servers, files and what was typed.
func Report(io *cmdutil.IOStreams, err error) int {
	if err == nil {
		return cmdutil.ExitOK
	}
	io.Errorf("hlx: %s\n", err)
	var choices interface{ Choices() []config.Company }
	var details interface{ Details() []string }
	switch {
	case errors.As(err, &choices) && len(choices.Choices()) > 0:
		io.Errorf("Companies this login reaches:\n")
		for _, c := range choices.Choices() {
			io.Errorf("  %s  (%s)\n", c.Name, c.ID)
		}
	case errors.As(err, &details):
		for _, d := range details.Details() {
			io.Errorf("  %s\n", d)
		}
	}
	return cmdutil.ExitCode(err)
}
