package cli

import (
	"errors"

	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/auth"
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
	io.Errorf("hlx: %s\n", cause(err))
	var choices interface{ Choices() []config.Company }
	var details interface{ Details() []string }
	switch {
	case errors.As(err, &choices) && len(choices.Choices()) > 0:
		io.Errorf("Companies this login reaches:\n")
		width := 0
		for _, c := range choices.Choices() {
			width = max(width, ansi.StringWidth(io.Safe(c.Name)))
		}
		for _, c := range choices.Choices() {
			io.Errorf("  %s  %s\n", cmdutil.PadRight(io.Safe(c.Name), width), c.ID)
		}
	case errors.As(err, &details):
		for _, d := range details.Details() {
			io.Errorf("  %s\n", d)
		}
	}
	return cmdutil.ExitCode(err)
}

// sessionCauses are the errors whose own message says what happened and
// what to do; the layers that wrapped them on the way up (the request, the
// token source) only repeat it.
var sessionCauses = []error{auth.ErrNotConfigured, auth.ErrLoginRequired, auth.ErrNothingPasted}

// cause is err's message, or, when err comes from one of sessionCauses,
// the message of the innermost error that still carries it: the cause,
// once.
func cause(err error) string {
	for _, sentinel := range sessionCauses {
		if !errors.Is(err, sentinel) {
			continue
		}
		inner := err
		for e := errors.Unwrap(err); e != nil && e != sentinel && errors.Is(e, sentinel); e = errors.Unwrap(e) {
			inner = e
		}
		return inner.Error()
	}
	return err.Error()
}
