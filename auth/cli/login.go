package cli

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/hyperline-tui/hlx/auth"
	"github.com/hyperline-tui/hlx/config"
)

// Login runs `hlx login`: the browser flow, then prints who is logged in,
// the companies they reach and when the access token expires. Progress and
// the URL to open go to stderr; the result goes to stdout.
func Login(ctx context.Context, opts Options, stdout, stderr io.Writer) error {
	opts = opts.withDefaults()
	s, err := opts.settings()
	if err != nil {
		return err
	}
	p := &loginPrinter{w: stderr, now: opts.Now}
	res, err := auth.Login(ctx, auth.LoginOptions{
		Settings:    s,
		Store:       opts.store(),
		HTTPClient:  opts.HTTPClient,
		OpenBrowser: opts.OpenBrowser,
		NoBrowser:   opts.NoBrowser,
		Stdin:       opts.Stdin,
		Timeout:     opts.LoginTimeout,
		Progress:    p.print,
		Now:         opts.Now,
		Getenv:      opts.Getenv,
	})
	if err != nil {
		return coded(fmt.Errorf("login: %w", err))
	}
	for _, w := range res.Warnings {
		warn(stderr, w)
	}
	printLoggedIn(stdout, res, opts.Now())
	return nil
}

// loginPrinter turns auth events into terminal lines.
type loginPrinter struct {
	w      io.Writer
	now    func() time.Time
	opened bool
}

func (p *loginPrinter) print(ev auth.Event) {
	switch ev := ev.(type) {
	case auth.EventURL:
		p.opened = ev.BrowserOpened
		if ev.BrowserOpened {
			fmt.Fprintf(p.w, "Opened the Hyperline login page in your browser. If nothing appeared, open:\n\n  %s\n\n", ev.URL)
		} else {
			fmt.Fprintf(p.w, "Open this URL in a browser to log in (%s):\n\n  %s\n\n", ev.Reason, ev.URL)
		}
	case auth.EventWaiting:
		if !p.opened {
			p.printRemoteHint(ev)
		}
		fmt.Fprintf(p.w, "Waiting for the browser until %s (Ctrl-C to cancel)…\n", ev.Deadline.Local().Format("15:04:05"))
	case auth.EventPasteRejected:
		fmt.Fprintf(p.w, "That is not the redirected URL (%v). Paste the whole address from the browser's address bar.\n", ev.Err)
	case auth.EventCallbackRejected:
		fmt.Fprintln(p.w, "Ignored a callback that does not belong to this login (state mismatch); still waiting.")
	case auth.EventCodeReceived:
		fmt.Fprintln(p.w, "Authorization received.")
	case auth.EventExchanging:
		fmt.Fprintln(p.w, "Exchanging the code for tokens…")
	case auth.EventLoadingAccount:
		fmt.Fprintln(p.w, "Fetching your profile and companies…")
	}
}

// printRemoteHint explains the two ways to finish from another machine.
func (p *loginPrinter) printRemoteHint(ev auth.EventWaiting) {
	u, err := url.Parse(ev.RedirectURI)
	if err != nil {
		return
	}
	fmt.Fprintf(p.w, "If that browser runs on another machine, either forward the callback port first:\n\n"+
		"  ssh -L %[1]s:%[2]s:%[1]s <this host>\n\n", u.Port(), u.Hostname())
	if ev.AcceptsPaste {
		fmt.Fprintf(p.w, "or, after approving, paste here the address the browser ends up on\n(it starts with %s?code=…) and press Enter.\n\n", ev.RedirectURI)
	}
}

// printLoggedIn prints the result of a login.
func printLoggedIn(w io.Writer, res *auth.LoginResult, now time.Time) {
	a := res.Account
	who := a.Email
	if a.Name != "" && a.Name != a.Email {
		who = fmt.Sprintf("%s <%s>", a.Name, a.Email)
	}
	fmt.Fprintf(w, "Logged in to %s as %s.\n", envLabel(res.APIURL), who)
	printCompanies(w, a)
	fmt.Fprintf(w, "Access token %s.\n", describeExpiry(a.Token, now))
}

// printCompanies lists the account's companies and marks the chosen one.
func printCompanies(w io.Writer, a *config.Account) {
	switch len(a.Companies) {
	case 0:
		fmt.Fprintln(w, "No companies reachable (or the list could not be fetched).")
		return
	case 1:
		fmt.Fprintln(w, "Company:")
	default:
		fmt.Fprintf(w, "Companies (%d):\n", len(a.Companies))
	}
	for _, c := range a.Companies {
		mark := " "
		if c.ID == a.CompanyID {
			mark = "*"
		}
		fmt.Fprintf(w, "  %s %s (%s)\n", mark, c.Name, c.ID)
	}
	if a.CompanyID == "" && len(a.Companies) > 1 {
		fmt.Fprintln(w, "No company chosen yet: pick one in hlx.")
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
