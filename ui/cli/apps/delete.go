package apps

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

func newCmdDelete(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID",
		Short: "Delete an OAuth app",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := client(f)
			if err != nil {
				return err
			}
			if err := c.DeleteApp(cmd.Context(), args[0]); err != nil {
				return fmt.Errorf("delete app %s: %w", args[0], err)
			}
			f.IO.Printf("deleted %s\n", args[0])
			return nil
		},
	}
}
