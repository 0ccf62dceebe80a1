package cmdutil

import (
	"strings"

	"github.com/spf13/cobra"
)

// NounRun is the RunE of a command that only groups verbs (hlx company,
// hlx apps): a missing or unknown verb is a usage error that names the
// verbs, where cobra would print the help and exit 0.
func NounRun(cmd *cobra.Command, args []string) error {
	var verbs []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			verbs = append(verbs, c.Name())
		}
	}
	if len(args) == 0 {
		return UsageErrorf("%s: name what to do: %s", cmd.Name(), strings.Join(verbs, ", "))
	}
	return UsageErrorf("%s: unknown command %q: want %s", cmd.Name(), args[0], strings.Join(verbs, ", "))
}
