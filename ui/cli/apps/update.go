package apps

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

func newCmdUpdate(f *cmdutil.Factory) *cobra.Command {
	var in AppInput
	cmd := &cobra.Command{
		Use:   "update ID --name NAME [--callback URI]…",
		Short: "Replace an OAuth app's name, description, logo and callbacks",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if in.Name == "" {
				return cmdutil.UsageErrorf("--name is required (the API replaces all four fields)")
			}
			c, _, err := client(f)
			if err != nil {
				return err
			}
			app, err := c.UpdateApp(cmd.Context(), args[0], in.body())
			if err != nil {
				return fmt.Errorf("update app %s: %w", args[0], err)
			}
			printApps(f.IO.Out, []hyperline.App{*app})
			return nil
		},
	}
	addInputFlags(cmd, &in)
	return cmd
}
