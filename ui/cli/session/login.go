// Package session holds the commands that manage the session: login,
// logout, status, token and switch.
package session

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/spf13/cobra"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// LoginOptions are what `hlx login` needs.
type LoginOptions struct {
	F *cmdutil.Factory
	// NoBrowser prints the login URL instead of opening a browser.
	NoBrowser bool
	// InsecureStorage keeps the tokens in the session file (0600) even
	// where an OS keyring answers.
	InsecureStorage bool
}

// NewCmdLogin is `hlx login`.
func NewCmdLogin(f *cmdutil.Factory, run func(context.Context, *LoginOptions) error) *cobra.Command {
	opts := &LoginOptions{F: f}
	cmd := &cobra.Command{
		Use:   "login",
		Short: "Log in with the browser and save the session",
		Long: "Opens Hyperline's consent page in the browser (OAuth 2.0 Authorization Code with PKCE),\n" +
			"waits for the redirect on a loopback port, and saves the tokens and companies.\n" +
			"With no app configured, hlx first registers itself as a public client (no secret; once\n" +
			"per environment, reused afterwards); a configured app (hlx apps create --save) wins.\n" +
			"With --no-browser, or where no browser can open, it prints the URL; after approving\n" +
			"elsewhere, paste the address the browser ends on.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if run != nil {
				return run(cmd.Context(), opts)
			}
			return loginRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.NoBrowser, "no-browser", false, "print the login URL instead of opening a browser")
	cmd.Flags().BoolVar(&opts.InsecureStorage, "insecure-storage", false, "keep the tokens in the session file (mode 0600) even where an OS keyring answers")
	return cmd
}

// loginRun runs the browser flow, then prints who is logged in, the
// companies they reach and when the access token expires. Progress and the
// URL to open go to stderr; the result goes to stdout.
func loginRun(ctx context.Context, opts *LoginOptions) error {
	f := opts.F
	f.InsecureStorage = f.InsecureStorage || opts.InsecureStorage
	s, hc, err := f.OAuth()
	if err != nil {
		return err
	}
	p := &loginPrinter{io: f.IO}
	res, err := auth.Login(ctx, auth.LoginOptions{
		Settings:    s,
		Store:       f.Store(),
		HTTPClient:  hc,
		OpenBrowser: f.OpenBrowser,
		NoBrowser:   opts.NoBrowser,
		Stdin:       f.IO.In,
		Timeout:     f.LoginTimeout,
		Progress:    p.print,
		Now:         f.NowFunc(),
		Getenv:      f.Env,

		InsecureStorage: opts.InsecureStorage,
	})
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		f.IO.Warn(w)
	}
	if res.StorageNotice != "" {
		f.IO.Errorf("%s\n", res.StorageNotice)
	}
	printLoggedIn(f.IO, res, f.Clock())
	return nil
}

// loginPrinter turns auth events into terminal lines.
type loginPrinter struct {
	io     *cmdutil.IOStreams
	opened bool
}

func (p *loginPrinter) print(ev auth.Event) {
	switch ev := ev.(type) {
	case auth.EventURL:
		p.opened = ev.BrowserOpened
		if ev.BrowserOpened {
			p.io.Errorf("Opened the Hyperline login page in your browser. If nothing appeared, open:\n\n  %s\n\n", ev.URL)
		} else {
			p.io.Errorf("Open this URL in a browser to log in (%s):\n\n  %s\n\n", ev.Reason, ev.URL)
		}
	case auth.EventWaiting:
		if !p.opened {
			p.printRemoteHint(ev)
		}
		p.io.Errorf("Waiting for the browser until %s (Ctrl-C to cancel)…\n", ev.Deadline.Local().Format("15:04:05"))
	case auth.EventPasteRejected:
		p.io.Errorf("That is not the redirected URL (%v). Paste the whole address from the browser's address bar.\n", ev.Err)
	case auth.EventRegistering:
		p.io.Errorf("No app configured: registering hlx with Hyperline as a public client (no secret)…\n")
	case auth.EventRegistered:
		p.io.Errorf("Registered: hlx is public client %s here; later logins reuse it.\n", auth.Mask(ev.ClientID))
	case auth.EventCallbackRejected:
		p.io.Errorf("Ignored a callback that does not belong to this login (state mismatch); still waiting.\n")
	case auth.EventCodeReceived:
		p.io.Errorf("Authorization received.\n")
	case auth.EventExchanging:
		p.io.Errorf("Exchanging the code for tokens…\n")
	case auth.EventLoadingAccount:
		p.io.Errorf("Fetching your profile and companies…\n")
	}
}

// printRemoteHint explains the two ways to finish from another machine.
func (p *loginPrinter) printRemoteHint(ev auth.EventWaiting) {
	u, err := url.Parse(ev.RedirectURI)
	if err != nil {
		return
	}
	p.io.Errorf("If that browser runs on another machine, either forward the callback port first:\n\n"+
		"  ssh -L %[1]s:%[2]s:%[1]s <this host>\n\n", u.Port(), u.Hostname())
	if ev.AcceptsPaste {
		p.io.Errorf("or, after approving, paste here the address the browser ends up on\n(it starts with %s?code=…) and press Enter.\n\n", ev.RedirectURI)
	}
}

// printLoggedIn prints the result of a login.
func printLoggedIn(w *cmdutil.IOStreams, res *auth.LoginResult, now time.Time) {
	a := res.Account
	who := a.Email
	if a.Name != "" && a.Name != a.Email {
		who = fmt.Sprintf("%s <%s>", a.Name, a.Email)
	}
	w.Printf("Logged in to %s as %s.\n", envLabel(res.APIURL), who)
	printCompanies(w, a)
	w.Printf("Access token %s.\n", describeExpiry(a.Token, now))
	if res.Client != "" {
		w.Printf("Client: %s.\n", res.Client)
	}
	if res.TokenLocation != "" {
		w.Printf("Tokens: %s.\n", res.TokenLocation)
	}
}

// printCompanies lists the account's companies and marks the chosen one.
func printCompanies(w *cmdutil.IOStreams, a *config.Account) {
	switch len(a.Companies) {
	case 0:
		w.Printf("No companies reachable (or the list could not be fetched).\n")
		return
	case 1:
		w.Printf("Company:\n")
	default:
		w.Printf("Companies (%d):\n", len(a.Companies))
	}
	for _, c := range a.Companies {
		mark := " "
		if c.ID == a.CompanyID {
			mark = "*"
		}
		w.Printf("  %s %s (%s)\n", mark, c.Name, c.ID)
	}
	if a.CompanyID == "" && len(a.Companies) > 1 {
		w.Printf("No company chosen yet: run hlx company use NAME, or pick one in hlx.\n")
	}
}

// describeExpiry is "expires 2025-03-02 09:00 CET (in 23h59m)", "expired
// … (5m ago)", or "has no known expiry".
func describeExpiry(tok config.Token, now time.Time) string {
	if tok.AccessToken == "" {
		return "missing (login required)"
	}
	if tok.Expiry.IsZero() {
		return "has no known expiry"
	}
	at := tok.Expiry.Local().Format("2006-01-02 15:04 MST")
	left := tok.Expiry.Sub(now)
	if left <= 0 {
		return fmt.Sprintf("expired %s (%s ago; refreshed on next use)", at, roundDuration(-left))
	}
	return fmt.Sprintf("expires %s (in %s)", at, roundDuration(left))
}

// roundDuration drops needless precision: "23h59m", "4m30s", "12s".
func roundDuration(d time.Duration) string {
	if d >= time.Hour {
		d = d.Round(time.Minute)
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	}
	return d.Round(time.Second).String()
}
