// Package apps is `hlx apps list|create|update|delete`: Hyperline OAuth
// apps, managed with an API key rather than a login.
package apps

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// EnvAPIKey names the environment variable that holds the API key the Apps
// API is called with.
const EnvAPIKey = "HYPERLINE_API_KEY"

// AppInput is the app fields create and update send.
type AppInput struct {
	Name, Description, LogoURI string
	Callbacks                  []string
}

// NewCmdApps is `hlx apps`.
func NewCmdApps(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "apps",
		Short: "Manage Hyperline OAuth apps with an API key",
		Long:  "Manages Hyperline OAuth apps with the API key in $" + EnvAPIKey + " (Hyperline settings → API).",
		RunE:  cmdutil.NounRun,
	}
	cmd.AddCommand(newCmdList(f), newCmdCreate(f), newCmdUpdate(f), newCmdDelete(f))
	return cmd
}

// addInputFlags adds the fields create and update send.
func addInputFlags(cmd *cobra.Command, in *AppInput) {
	fl := cmd.Flags()
	fl.StringVar(&in.Name, "name", "", "app name shown on the consent page (required)")
	fl.StringVar(&in.Description, "description", "", "app description")
	fl.StringVar(&in.LogoURI, "logo-uri", "", "logo `uri`")
	fl.StringArrayVar(&in.Callbacks, "callback", nil, "allowed redirect `uri`, repeatable (default "+config.DefaultRedirectURI+")")
}

// body is in as the API takes it.
func (in AppInput) body() hyperline.AppInput {
	out := hyperline.AppInput{Name: in.Name, Callbacks: in.Callbacks}
	if in.Description != "" {
		out.Description = &in.Description
	}
	if in.LogoURI != "" {
		out.LogoURI = &in.LogoURI
	}
	if len(out.Callbacks) == 0 {
		out.Callbacks = []string{config.DefaultRedirectURI}
	}
	return out
}

// client is an API client authenticated with the API key, on the API the
// key belongs to unless --sandbox or --api-url say otherwise.
func client(f *cmdutil.Factory) (*hyperline.Client, string, error) {
	key := f.Env(EnvAPIKey)
	if key == "" {
		return nil, "", cmdutil.Coded(cmdutil.ExitConfig, fmt.Errorf("set %s to an API key (Hyperline settings → API)", EnvAPIKey))
	}
	base := hyperline.BaseURLForAPIKey(key)
	switch g := f.Flags; {
	case g.Sandbox && g.APIURL != "":
		return nil, "", cmdutil.UsageErrorf("--sandbox and --api-url exclude each other")
	case g.Sandbox:
		base = hyperline.SandboxURL
	case g.APIURL != "":
		base = g.APIURL
	case f.Env(config.EnvAPIURL) != "":
		base = f.Env(config.EnvAPIURL)
	}
	hc, err := f.HTTPClient()
	if err != nil {
		return nil, "", err
	}
	c, err := hyperline.New(base, hyperline.APIKey(key), hyperline.WithHTTPClient(hc), hyperline.WithUserAgent(f.UserAgent()))
	if err != nil {
		return nil, "", err
	}
	return c, base, nil
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
