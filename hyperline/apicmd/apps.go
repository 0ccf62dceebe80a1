package apicmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
)

// EnvAPIKey names the environment variable that holds the API key the Apps
// API is called with.
const EnvAPIKey = "HYPERLINE_API_KEY"

// AppsOptions are what `hlx apps` needs from its caller.
type AppsOptions struct {
	// Getenv reads the environment (os.Getenv in main; a map in tests).
	Getenv func(string) string
	// SettingsPath is where `apps create --save` writes credentials (""
	// means config.SettingsPath()).
	SettingsPath string
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// Apps runs `hlx apps list|create|update|delete`.
func Apps(ctx context.Context, args []string, opts AppsOptions, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("apps", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sandbox := fs.Bool("sandbox", false, "use the sandbox API")
	apiURL := fs.String("api-url", "", "API base `url` (e.g. the simulator's)")
	name := fs.String("name", "", "app name shown on the consent page (create, update)")
	description := fs.String("description", "", "app description (create, update)")
	logoURI := fs.String("logo-uri", "", "logo `uri` (create, update)")
	var callbacks stringList
	fs.Var(&callbacks, "callback", "allowed redirect `uri`, repeatable (create, update; default http://127.0.0.1:8765/callback)")
	save := fs.Bool("save", false, "create: store the new app's client id and secret in the hlx config file")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: hlx apps list|create|update ID|delete ID [flags]\n\n"+
			"Manages Hyperline OAuth apps with the API key in $"+EnvAPIKey+".\n\nflags:\n")
		fs.PrintDefaults()
	}
	if len(args) == 0 {
		fs.Usage()
		return &UsageError{errors.New("apps: missing subcommand")}
	}
	verb, rest := args[0], args[1:]
	if verb == "-h" || verb == "-help" || verb == "--help" {
		fs.Usage()
		return nil
	}
	wantArgs, known := map[string]int{"list": 0, "create": 0, "update": 1, "delete": 1}[verb]
	if !known {
		fs.Usage()
		return &UsageError{fmt.Errorf("apps: unknown subcommand %q", verb)}
	}
	// The usage line puts the id first (update ID --name …); package flag
	// stops at the first argument that is not a flag, so parse the flags
	// after each positional argument too.
	var positional []string
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return &UsageError{err}
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	switch {
	case wantArgs == 1 && len(positional) != 1:
		return &UsageError{fmt.Errorf("apps %s: give exactly one app id", verb)}
	case wantArgs == 0 && len(positional) > 0:
		return &UsageError{fmt.Errorf("apps %s: unexpected argument %q", verb, positional[0])}
	}

	key := opts.Getenv(EnvAPIKey)
	if key == "" {
		return &UsageError{fmt.Errorf("apps: set %s to an API key (Hyperline settings → API)", EnvAPIKey)}
	}
	base := hyperline.BaseURLForAPIKey(key)
	switch {
	case *sandbox && *apiURL != "":
		return &UsageError{errors.New("apps: --sandbox and --api-url exclude each other")}
	case *sandbox:
		base = hyperline.SandboxURL
	case *apiURL != "":
		base = *apiURL
	case opts.Getenv(config.EnvAPIURL) != "":
		base = opts.Getenv(config.EnvAPIURL)
	}
	client, err := hyperline.New(base, hyperline.APIKey(key), hyperline.WithHTTPClient(httpClientWithTimeout()))
	if err != nil {
		return err
	}

	input := func() hyperline.AppInput {
		in := hyperline.AppInput{Name: *name, Callbacks: callbacks}
		if *description != "" {
			in.Description = description
		}
		if *logoURI != "" {
			in.LogoURI = logoURI
		}
		if len(in.Callbacks) == 0 {
			in.Callbacks = []string{config.DefaultRedirectURI}
		}
		return in
	}

	switch verb {
	case "list":
		apps, err := client.ListApps(ctx)
		if err != nil {
			return fmt.Errorf("list apps: %w", err)
		}
		printApps(stdout, apps)
		return nil
	case "create":
		if *name == "" {
			return &UsageError{errors.New("apps create: --name is required")}
		}
		app, err := client.CreateApp(ctx, input())
		if err != nil {
			return fmt.Errorf("create app: %w", err)
		}
		printApps(stdout, []hyperline.App{*app})
		if !*save {
			fmt.Fprintf(stdout, "\nHYPERLINE_CLIENT_ID=%s\nHYPERLINE_CLIENT_SECRET=%s\n", app.ClientID, app.ClientSecret)
			fmt.Fprintln(stderr, "The client secret is shown only once: keep it now, or run create again with --save.")
			return nil
		}
		creds := config.AppCredentials{ClientID: app.ClientID, ClientSecret: app.ClientSecret, RedirectURI: input().Callbacks[0]}
		if err := config.SaveAppCredentials(opts.SettingsPath, base, creds); err != nil {
			return fmt.Errorf("save app credentials: %w", err)
		}
		fmt.Fprintf(stderr, "Saved the client id and secret for %s in the hlx config file.\n", base)
		return nil
	case "update":
		id := positional[0]
		if *name == "" {
			return &UsageError{errors.New("apps update: --name is required (the API replaces all four fields)")}
		}
		app, err := client.UpdateApp(ctx, id, input())
		if err != nil {
			return fmt.Errorf("update app %s: %w", id, err)
		}
		printApps(stdout, []hyperline.App{*app})
		return nil
	default: // "delete"
		id := positional[0]
		if err := client.DeleteApp(ctx, id); err != nil {
			return fmt.Errorf("delete app %s: %w", id, err)
		}
		fmt.Fprintf(stdout, "deleted %s\n", id)
		return nil
	}
}

// printApps writes apps as an aligned table; secrets never appear in it.
func printApps(w io.Writer, apps []hyperline.App) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tCLIENT ID\tCALLBACKS")
	for _, a := range apps {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", termsafe.Line(a.ID), termsafe.Line(a.Name), termsafe.Line(a.ClientID),
			termsafe.Line(strings.Join(a.Callbacks, " ")))
	}
	tw.Flush()
}
