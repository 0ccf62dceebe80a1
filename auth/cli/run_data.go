package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// dataSynopsis is the usage line and description of a data command, ""
// for any other command.
func dataSynopsis(cmd string) string {
	switch cmd {
	case "get":
		return "get customer|subscription|invoice ID [--json] [--company ID] [flags]\n\n" +
			"Prints one object: a summary, or with --json the API's JSON."
	case "list":
		return "list customers|subscriptions|invoices [--search TEXT] [--status S[,S…]] [--json | --csv] [-o FILE] [--company ID] [flags]\n\n" +
			"Prints every page of a list: a table, a JSON array of the API's objects, or CSV.\n" +
			"--search is the customers' search or an invoice number; subscriptions have none.\n" +
			"Without --status nothing is hidden (subscriptions: any, invoices: all)."
	case "api":
		return "api [-X GET] PATH [--company ID] [flags]\n\n" +
			"GETs PATH (e.g. /v2/customers?limit=2) with the session's token and company, and prints the JSON."
	}
	return ""
}

// isDataCommand reports whether cmd reads the API (get, list, api).
func isDataCommand(cmd string) bool { return dataSynopsis(cmd) != "" }

// runData parses the flags and arguments of get, list and api and runs
// the command. Flags may come before or after the arguments.
func runData(ctx context.Context, cmd string, args []string, base Options, stdout, stderr io.Writer) error {
	opts := base
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	RegisterFlags(fs, &opts)
	fs.StringVar(&opts.Company, "company", opts.Company, "company `id` to read (default: the one chosen in hlx)")
	var (
		asJSON, asCSV bool
		lf            ListFlags
		method        string
	)
	switch cmd {
	case "get":
		fs.BoolVar(&asJSON, "json", false, "print the object's JSON as the API sent it")
	case "list":
		fs.BoolVar(&asJSON, "json", false, "print one JSON array of the objects as the API sent them")
		fs.BoolVar(&asCSV, "csv", false, "print CSV (a header, then one row per object)")
		fs.StringVar(&lf.Search, "search", "", "customers: free-text `search`; invoices: invoice number")
		fs.StringVar(&lf.Status, "status", "", "status filter, several separated by commas (default: nothing hidden)")
		fs.StringVar(&lf.Output, "output", "", "write to `file` (atomically, mode 0600, the API's exact text) instead of stdout")
		fs.StringVar(&lf.Output, "o", "", "shorthand for --output")
	case "api":
		fs.StringVar(&method, "X", "GET", "HTTP `method`; only GET is allowed")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: hlx %s\n\nflags:\n", dataSynopsis(cmd))
		fs.PrintDefaults()
	}
	rest, err := parseAnywhere(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return usageError(err)
	}
	want, what := 1, "what to list: customers, subscriptions or invoices"
	switch cmd {
	case "get":
		want, what = 2, "the kind and ID of the object, e.g. customer cus_123"
	case "api":
		what = "the path to GET, e.g. /v2/customers"
	}
	if len(rest) != want {
		fs.Usage()
		if len(rest) > want {
			return usageError(fmt.Errorf("%s: unexpected argument %q", cmd, rest[want]))
		}
		return usageError(fmt.Errorf("%s: name %s", cmd, what))
	}
	switch cmd {
	case "get":
		return Get(ctx, opts, rest[0], rest[1], asJSON, stdout, stderr)
	case "list":
		if asJSON && asCSV {
			return usageError(errors.New("list: --json and --csv exclude each other"))
		}
		if asJSON {
			lf.Format = FormatJSON
		} else if asCSV {
			lf.Format = FormatCSV
		}
		return List(ctx, opts, rest[0], lf, stdout, stderr)
	default:
		return API(ctx, opts, method, rest[0], stdout, stderr)
	}
}
