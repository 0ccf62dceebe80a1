package apps

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

func newCmdCreate(f *cmdutil.Factory) *cobra.Command {
	var (
		in   AppInput
		save bool
	)
	cmd := &cobra.Command{
		Use:   "create --name NAME [--callback URI]…",
		Short: "Create an OAuth app and show (or save) its client id and secret",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if in.Name == "" {
				return cmdutil.UsageErrorf("--name is required")
			}
			c, base, err := client(f)
			if err != nil {
				return err
			}
			app, err := c.CreateApp(cmd.Context(), in.body())
			if err != nil {
				return fmt.Errorf("create app: %w", err)
			}
			printApps(f.IO.Out, []hyperline.App{*app})
			if !save {
				f.IO.Printf("\nHYPERLINE_CLIENT_ID=%s\nHYPERLINE_CLIENT_SECRET=%s\n", app.ClientID, app.ClientSecret)
				f.IO.Errorf("The client secret is shown only once: keep it now, or run create again with --save.\n")
				return nil
			}
			creds := config.AppCredentials{ClientID: app.ClientID, ClientSecret: app.ClientSecret, RedirectURI: in.body().Callbacks[0]}
			if err := config.SaveAppCredentials(f.SettingsFile(), base, creds); err != nil {
				return fmt.Errorf("save app credentials: %w", err)
			}
			f.IO.Errorf("Saved the client id and secret for %s in the hlx config file.\n", base)
			return nil
		},
	}
	addInputFlags(cmd, &in)
	cmd.Flags().BoolVar(&save, "save", false, "store the new app's client id and secret in the hlx config file")
	return cmd
}
