package cmdutil

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// IOStreams is the one place that decides how text reaches the terminal:
// the streams, whether they are terminals, and whether colour is wanted,
// all from the environment and the file descriptors, never by asking the
// terminal (a terminal that never answers would stall every command).
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// InTTY, OutTTY and ErrTTY say which streams are terminals.
	InTTY, OutTTY, ErrTTY bool
	// NoColor is set by NO_COLOR (any value) or a dumb terminal. Commands
	// print plain text today; this is what any colour must obey.
	NoColor bool
}

// System is the process's own streams.
func System() *IOStreams {
	isTTY := func(f *os.File) bool { return term.IsTerminal(f.Fd()) }
	_, noColor := os.LookupEnv("NO_COLOR")
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		InTTY: isTTY(os.Stdin), OutTTY: isTTY(os.Stdout), ErrTTY: isTTY(os.Stderr),
		NoColor: noColor || os.Getenv("TERM") == "dumb",
	}
}

// Test is streams on buffers, for tests: no terminal, no colour, stdin
// empty.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut, NoColor: true}, &out, &errOut
}

// Safe makes text from a stranger (the API, a file, an error that quotes
// either) fit to print on one line: no control character, escape sequence
// or bidi override gets through (termsafe.Line).
func (s *IOStreams) Safe(text string) string { return termsafe.Line(text) }

// Printf prints a line of hlx's own words to stdout; every argument is
// passed through Safe, since most come from the API.
func (s *IOStreams) Printf(format string, args ...any) {
	fmt.Fprintf(s.Out, format, safeArgs(args)...)
}

// Errorf prints like Printf on stderr: progress, notices, warnings.
func (s *IOStreams) Errorf(format string, args ...any) {
	fmt.Fprintf(s.ErrOut, format, safeArgs(args)...)
}

// Warn prints a one-line warning on stderr.
func (s *IOStreams) Warn(err error) {
	s.Errorf("warning: %s\n", err)
}

// safeArgs passes every string and error argument through termsafe.Line.
func safeArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			out[i] = termsafe.Line(v)
		case error:
			out[i] = termsafe.Line(v.Error())
		case fmt.Stringer:
			out[i] = termsafe.Line(v.String())
		default:
			out[i] = a
		}
	}
	return out
}
