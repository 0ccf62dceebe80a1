package cli

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/cli/apps"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// Options are what a test sets of the process around a command line: the
// flags every test would pass, the files, the environment and the seams.
type Options struct {
	APIURL, RedirectURI     string
	StorePath, SettingsPath string
	StateDir                string
	Getenv                  func(string) string
	OpenBrowser             func(string) error
	Now                     func() time.Time
	HTTPClient              *http.Client // only its Transport is used
	UserAgent               string
	Stdin                   io.Reader
	LoginTimeout            time.Duration
	StoreOptions            []config.StoreOption
	RequestTimeout          time.Duration
	ClientOptions           []hyperline.Option
}

// The exit codes and kinds, by the names the tests use.
const (
	ExitOK            = cmdutil.ExitOK
	ExitFailure       = cmdutil.ExitFailure
	ExitUsage         = cmdutil.ExitUsage
	ExitConfig        = cmdutil.ExitConfig
	ExitLoginRequired = cmdutil.ExitLoginRequired
	ExitNotFound      = cmdutil.ExitNotFound
	ExitAmbiguous     = cmdutil.ExitAmbiguous
	ExitInterrupted   = cmdutil.ExitInterrupted

	kindCustomer     = cmdutil.KindCustomer
	kindSubscription = cmdutil.KindSubscription
	kindInvoice      = cmdutil.KindInvoice
)

type objectKind = cmdutil.Kind

// factory builds the Factory a command line runs with in a test.
func (o Options) factory(stdout, stderr io.Writer) *cmdutil.Factory {
	in := o.Stdin
	if in == nil {
		in = strings.NewReader("")
	}
	f := &cmdutil.Factory{
		IO:           &cmdutil.IOStreams{In: in, Out: stdout, ErrOut: stderr, NoColor: true},
		Version:      "test",
		Getenv:       o.Getenv,
		Now:          o.Now,
		StorePath:    o.StorePath,
		SettingsPath: o.SettingsPath,
		StateDir:     o.StateDir,
		OpenBrowser:  o.OpenBrowser,
		LoginTimeout: o.LoginTimeout,
		StoreOptions: o.StoreOptions,

		RequestTimeout: o.RequestTimeout,
		ClientOptions:  o.ClientOptions,
	}
	if f.Getenv == nil {
		f.Getenv = func(string) string { return "" }
	}
	if o.HTTPClient != nil {
		f.Transport = o.HTTPClient.Transport
	}
	return f
}

// Run runs `hlx cmd args…` with the world's API URL and redirect URI and
// returns an error with the exit code, as the process would end.
func Run(ctx context.Context, cmd string, args []string, o Options, stdout, stderr io.Writer) error {
	var flags []string
	if o.APIURL != "" && !slices.Contains(args, "--api-url") && !slices.Contains(args, "--sandbox") {
		flags = append(flags, "--api-url", o.APIURL)
	}
	if o.RedirectURI != "" {
		flags = append(flags, "--redirect-uri", o.RedirectURI)
	}
	full := append(append([]string{cmd}, args...), flags...)
	if cmd == "__complete" {
		// Completion completes the last word: the flags go first.
		full = append(append([]string{cmd}, flags...), args...)
	}
	var errOut strings.Builder
	code := Main(ctx, o.factory(stdout, io.MultiWriter(stderr, &errOut)), full)
	if code == ExitOK {
		return nil
	}
	return &cmdutil.ExitError{Code: code, Err: errors.New(strings.TrimSpace(errOut.String()))}
}

// ExitCode is the code of an error Run returned.
func ExitCode(err error) int { return cmdutil.ExitCode(err) }

// EnvAPIKey is the apps commands' API key variable.
const EnvAPIKey = apps.EnvAPIKey

// AppsOptions are what the apps tests set.
type AppsOptions struct {
	Getenv       func(string) string
	SettingsPath string
}

// Apps runs `hlx apps args…`.
func Apps(ctx context.Context, args []string, o AppsOptions, stdout, stderr io.Writer) error {
	return Run(ctx, "apps", args, Options{Getenv: o.Getenv, SettingsPath: o.SettingsPath}, stdout, stderr)
}

// Simulator runs `hlx simulator args…`.
func Simulator(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return Run(ctx, "simulator", args, Options{}, stdout, stderr)
}

// UsageError is an error that ends with exit 2.
type UsageError = cmdutil.ExitError
