package session

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// printStatus renders the report for people.
func printStatus(streams *cmdutil.IOStreams, r *StatusReport, now time.Time) {
	w := streams.Out
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Settings (%s):\n", termsafe.Line(r.Settings.File))
	row := func(label string, v SettingValue) {
		value := v.Value
		if value == "" {
			value = "-"
		}
		fmt.Fprintf(tw, "  %s\t%s\t(%s)\n", label, termsafe.Line(value), v.Source)
	}
	row("API URL", r.Settings.APIURL)
	row("client id", r.Settings.ClientID)
	row("client secret", r.Settings.ClientSecret)
	row("redirect URI", r.Settings.RedirectURI)
	if r.Settings.Client != "" {
		fmt.Fprintf(tw, "  login client\t%s\n", termsafe.Line(r.Settings.Client))
	}
	fmt.Fprintf(tw, "Session file:\t%s\n", termsafe.Line(r.SessionFile))
	_ = tw.Flush()

	if len(r.Environments) == 0 {
		fmt.Fprintln(w, "\nNot logged in anywhere.")
		return
	}
	for _, env := range r.Environments {
		fmt.Fprintln(w)
		label := termsafe.Line(envLabel(env.APIURL))
		if env.Selected {
			label += "  [selected]"
		}
		fmt.Fprintln(w, label)
		for _, a := range env.Accounts {
			printAccount(w, a, now)
		}
	}
}

func printAccount(w io.Writer, a AccountStatus, now time.Time) {
	mark := " "
	if a.Current {
		mark = "*"
	}
	// The name and company names come from the API: shown safely.
	who := termsafe.Line(a.Email)
	if a.Name != "" && a.Name != a.Email {
		who += " (" + termsafe.Line(a.Name) + ")"
	}
	if a.Current {
		who += "  current"
	}
	fmt.Fprintf(w, "  %s %s\n", mark, who)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	company := "none chosen"
	if a.Company != nil {
		company = termsafe.Line(a.Company.ID)
		if a.Company.Name != "" {
			company = termsafe.Line(a.Company.Name) + " (" + company + ")"
		}
	}
	fmt.Fprintf(tw, "      company\t%s\n", company)
	if a.Token == nil {
		fmt.Fprintf(tw, "      access token\tnone: login required (hlx login)\n")
		_ = tw.Flush()
		return
	}
	var tok config.Token
	tok.AccessToken = a.Token.AccessToken
	if a.Token.ExpiresAt != nil {
		tok.Expiry = *a.Token.ExpiresAt
	}
	fmt.Fprintf(tw, "      access token\t%s %s\n", a.Token.AccessToken, describeExpiry(tok, now))
	refresh := "no"
	if a.Token.HasRefreshToken {
		refresh = "yes"
	}
	fmt.Fprintf(tw, "      refresh token\t%s\n", refresh)
	if a.TokensIn != "" {
		fmt.Fprintf(tw, "      tokens in\t%s\n", termsafe.Line(a.TokensIn))
	}
	if a.Client != "" {
		fmt.Fprintf(tw, "      client\t%s\n", termsafe.Line(a.Client))
	}
	_ = tw.Flush()
}
