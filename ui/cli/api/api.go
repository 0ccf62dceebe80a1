// Package api is `hlx api PATH`: a read-only, authenticated GET of any API
// path, printed as terminal-safe JSON, optionally every page and through a
// jq filter.
package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// Options are what `hlx api` needs.
type Options struct {
	F *cmdutil.Factory
	// Method must be GET: hlx is read-only.
	Method string
	// Path is the API path with its query ("/v2/customers?limit=2").
	Path string
	// Company names the company ("": the chosen one). Paths that belong to
	// no company ignore it.
	Company string
	// Paginate follows next_cursor or skip until the list ends and prints
	// one JSON array of every page's data.
	Paginate bool
	// JQ filters the answer with a jq expression.
	JQ string
}

// NewCmdAPI is `hlx api PATH`.
func NewCmdAPI(f *cmdutil.Factory, run func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "api PATH",
		Short: "GET any API path with the session's token and print the JSON",
		Long: "GETs PATH (e.g. /v2/customers?limit=2) with the session's token and company\n" +
			"(Hyperline-CompanyId), through the same rate limit and retries as every other call,\n" +
			"and prints the JSON, every control character escaped. Paths that belong to no company\n" +
			"(/v1/companies, /oauth/userinfo) need none. Only GET is allowed: hlx is read-only.",
		Example: "  hlx api /v1/companies\n" +
			"  hlx api '/v2/invoices?status=late' --paginate --jq '.[].number'\n" +
			"  hlx api /v2/customers --paginate --jq 'map(select(.currency == \"EUR\")) | length'",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if !strings.EqualFold(opts.Method, http.MethodGet) {
				return cmdutil.UsageErrorf("only GET is allowed (hlx is a read-only explorer), not %s", opts.Method)
			}
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return apiRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&opts.Method, "method", "X", http.MethodGet, "HTTP `method`; only GET is allowed")
	fl.BoolVar(&opts.Paginate, "paginate", false, "follow the list's pages and print one JSON array of every item")
	fl.StringVarP(&opts.JQ, "jq", "q", "", "filter the answer with a jq `expression` (strings print raw)")
	cmdutil.AddCompanyFlag(cmd, f, &opts.Company)
	return cmd
}

func apiRun(ctx context.Context, opts *Options) error {
	f := opts.F
	rel, err := apiPath(opts.Path)
	if err != nil {
		return err
	}
	filter, err := compileJQ(opts.JQ)
	if err != nil {
		return err
	}
	acct, err := f.OpenAccount()
	if err != nil {
		return err
	}
	companyID := ""
	if !companyless(rel.Path) {
		co, err := acct.Company(ctx, opts.Company)
		if err != nil {
			return err
		}
		companyID = co.ID
	}
	get := func(q url.Values) ([]byte, error) {
		return acct.Client.GetJSON(ctx, rel.EscapedPath(), q, companyID)
	}
	var body []byte
	if opts.Paginate {
		body, err = allPages(get, rel.Query())
	} else {
		body, err = get(rel.Query())
	}
	if err != nil {
		return err
	}
	if filter != nil {
		return filter.print(f.IO.Out, body)
	}
	out, err := termsafe.JSON(body)
	if err != nil {
		return fmt.Errorf("GET %s: the answer is not JSON: %w", rel.Path, err)
	}
	_, err = fmt.Fprintf(f.IO.Out, "%s\n", out)
	return err
}

// companyless reports whether path belongs to no company: the list of
// companies and the OAuth user. Not documented: which paths ignore
// Hyperline-CompanyId; these two list or describe what the token reaches.
func companyless(path string) bool {
	path = strings.TrimSuffix(path, "/")
	switch path {
	case "/v1/companies", "/oauth/userinfo", "/v1/oauth/userinfo":
		return true
	}
	return false
}

// apiPath checks that path is a path on the API ("/v2/customers?limit=2"
// or "v2/customers"), never a URL that would send the token elsewhere.
func apiPath(path string) (*url.URL, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return nil, cmdutil.UsageErrorf("name the path to GET, e.g. /v2/customers")
	}
	bad := cmdutil.UsageErrorf("%q is not a path on the API such as /v2/customers", path)
	u, err := url.Parse(path)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || strings.HasPrefix(path, "//") {
		return nil, bad
	}
	if !strings.HasPrefix(path, "/") {
		// Parsed again rather than patched, so an escaped path
		// (a%2Fb) keeps its escapes.
		if u, err = url.Parse("/" + path); err != nil || u.Host != "" {
			return nil, bad
		}
	}
	u.Fragment = ""
	return u, nil
}
