package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// IsCommand reports whether Run handles name: a session command or a
// data command (get, list, api).
func IsCommand(name string) bool {
	switch name {
	case "login", "logout", "status", "token", "switch":
		return true
	}
	return isDataCommand(name)
}

// Run parses args for one session command and runs it, so main.go can
// dispatch with a single call: Run(ctx, "login", os.Args[2:], base, …).
// base carries what flags cannot (Stdin, Getenv, paths); flags override
// its fields. Flag errors return an *ExitError with ExitUsage; -h prints
// the command's usage and returns nil.
func Run(ctx context.Context, cmd string, args []string, base Options, stdout, stderr io.Writer) error {
	if isDataCommand(cmd) {
		return runData(ctx, cmd, args, base, stdout, stderr)
	}
	opts := base
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	RegisterFlags(fs, &opts)
	var all, asJSON bool
	synopsis := map[string]string{
		"login":  "login [flags]\n\nLogs in with the browser and saves the session.",
		"logout": "logout [--all] [email] [flags]\n\nRevokes the refresh token and removes the account (the current one by default).",
		"status": "status [--json] [flags]\n\nShows the settings and, per environment and account, the chosen company and token expiry.",
		"token":  "token [flags]\n\nPrints a valid access token, refreshing it first if needed.",
		"switch": "switch [email] [flags]\n\nMakes another logged-in account of the environment the current one.",
	}[cmd]
	if synopsis == "" {
		return usageError(fmt.Errorf("unknown session command %q", cmd))
	}
	switch cmd {
	case "logout":
		fs.BoolVar(&all, "all", false, "log out every account of the environment")
	case "status":
		fs.BoolVar(&asJSON, "json", false, "print machine-readable JSON")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: hlx %s\n\nflags:\n", synopsis)
		fs.PrintDefaults()
	}
	// Flags may come after the email too (hlx logout a@b.c --sandbox).
	rest, err := parseAnywhere(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return usageError(err)
	}
	maxArgs := 0
	if cmd == "logout" || cmd == "switch" {
		maxArgs = 1
	}
	if len(rest) > maxArgs {
		fs.Usage()
		return usageError(fmt.Errorf("%s: unexpected argument %q", cmd, rest[maxArgs]))
	}
	email := ""
	if len(rest) == 1 {
		email = rest[0]
	}
	switch cmd {
	case "login":
		return Login(ctx, opts, stdout, stderr)
	case "logout":
		return Logout(ctx, opts, all, email, stdout, stderr)
	case "status":
		return Status(ctx, opts, asJSON, stdout, stderr)
	case "token":
		return Token(ctx, opts, stdout, stderr)
	default:
		return Switch(ctx, opts, email, stdout, stderr)
	}
}

// parseAnywhere parses fs's flags wherever they stand among the arguments
// (hlx logout a@b.c --sandbox) and returns the arguments in order.
func parseAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
