// Command hlx is a keyboard-driven account explorer for Hyperline: it logs in
// as a Hyperline third-party app (OAuth 2.0 Authorization Code flow with a
// loopback redirect), lets you pick one of the companies your login can see,
// and browse its customers, subscriptions and invoices.
//
// main.go only wires the process (signals, streams, exit code) to the
// command line in ui/cli; the logic lives in hyperline/, auth/, config/ and
// ui/.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/ui/cli"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
	"github.com/hyperline-tui/hlx/ui/termquery"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	termquery.Restore()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	f := &cmdutil.Factory{IO: cmdutil.System(), Version: version, Keyring: config.SystemKeyring()}
	code := cli.Main(ctx, f, os.Args[1:])
	stop()
	os.Exit(code)
}
