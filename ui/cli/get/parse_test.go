package get

import (
	"context"
	"testing"

	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// TestNewCmdGetParses: flags may come before or after the arguments, the
// kind takes either number and any case, and --company excludes
// --all-companies.
func TestNewCmdGetParses(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		args []string
		want Options
		code int
	}{
		{[]string{"Invoices", "INV-6395", "--company", "globex"}, Options{Kind: cmdutil.KindInvoice, Ref: "INV-6395", Company: "globex"}, 0},
		{[]string{"--json", "customer", "a@b.example", "--all-companies"}, Options{Kind: cmdutil.KindCustomer, Ref: "a@b.example", JSON: true, AllCompanies: true}, 0},
		{[]string{"customer", "x", "--company", "a", "--all-companies"}, Options{}, cmdutil.ExitUsage},
		{[]string{"planet", "x"}, Options{}, cmdutil.ExitUsage},
	} {
		io, _, _ := cmdutil.Test()
		var got *Options
		cmd := NewCmdGet(&cmdutil.Factory{IO: io}, func(_ context.Context, o *Options) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(io.Out)
		cmd.SetErr(io.ErrOut)
		err := cmd.Execute()
		if code := cmdutil.ExitCode(err); code != tt.code {
			t.Errorf("%q: exit %d, want %d (%v)", tt.args, code, tt.code, err)
			continue
		}
		if tt.code != 0 {
			continue
		}
		got.F = nil
		if *got != tt.want {
			t.Errorf("%q parsed as %+v, want %+v", tt.args, *got, tt.want)
		}
	}
}
