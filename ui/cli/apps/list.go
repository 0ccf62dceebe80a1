package apps

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

func newCmdList(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the OAuth apps",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, _, err := client(f)
			if err != nil {
				return err
			}
			apps, err := c.ListApps(cmd.Context())
			if err != nil {
				return fmt.Errorf("list apps: %w", err)
			}
			printApps(f.IO.Out, apps)
			return nil
		},
	}
}
