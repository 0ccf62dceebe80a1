package list

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/hyperline/filter"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// filterList is the filter language's list of kind k.
func filterList(k cmdutil.Kind) filter.List {
	return [...]filter.List{filter.Customers, filter.Subscriptions, filter.Invoices}[k]
}

// readQuery reads --filter, --status and --search into one query of the
// filter language, before any request: a key or value the list does not
// take, or text the API cannot search, is a usage error that lists what
// is allowed, and nothing is sent.
func (f *Options) readQuery() error {
	list := filterList(f.Kind)
	keys := filter.Keys(list)
	// Dates are read in the local time zone, as the explorer shows them.
	loc, now := time.Local, f.F.Clock()
	q, err := filter.Parse(f.Filter, keys, now, loc)
	if err != nil {
		return cmdutil.UsageErrorf("--filter: %v", err)
	}
	if f.Status != "" {
		if err := q.Add(keys, "status", f.Status, now, loc); err != nil {
			return cmdutil.UsageErrorf("--status: %v", err)
		}
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		q.Text = strings.TrimSpace(q.Text + " " + s)
	}
	if err := filter.TextError(list, q); err != nil {
		return cmdutil.UsageErrorf("%v", err)
	}
	f.query = q
	return nil
}

// completeStatus completes --status with the list's status values, each
// described by its label where that differs; after a comma, the next
// value.
func completeStatus(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) == 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	k, err := cmdutil.ParseKind(args[0])
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	key := filter.Keys(filterList(k))[0]
	done := toComplete[:strings.LastIndexByte(toComplete, ',')+1]
	typed := strings.ToLower(toComplete[len(done):])
	var out []string
	for _, v := range key.Values {
		if !strings.HasPrefix(v, typed) {
			continue
		}
		if l := key.Label(v); l != v {
			out = append(out, done+v+"\t"+l)
		} else {
			out = append(out, done+v)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
