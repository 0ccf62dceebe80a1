package worklist

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/hyperline-tui/hlx/auth/account"
	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
	"github.com/hyperline-tui/hlx/ui/cli/cmdutil"
)

// accountSource is an account's companies and what reads them; email is
// "" for the current account.
type accountSource struct {
	email     string
	src       worklist.Source
	companies []config.Company
}

// otherAccounts opens every other logged-in account of the session, of
// any environment, each with its own token (and rate limiter); an
// account that cannot be opened is an error beside the others.
func otherAccounts(f *cmdutil.Factory, current *cmdutil.AccountSession) ([]accountSource, []error) {
	all, err := account.List(f.Store())
	if err != nil {
		return nil, []error{fmt.Errorf("list the accounts: %w", err)}
	}
	opts, err := f.AccountOptions()
	if err != nil {
		return nil, []error{err}
	}
	var out []accountSource
	var errs []error
	for _, s := range all {
		if !s.LoggedIn || (s.APIURL == current.Settings.APIURL && s.Email == current.Email()) {
			continue
		}
		settings, err := f.SettingsFor(s.APIURL)
		if err == nil {
			var a *account.Session
			if a, err = account.Open(settings, s.Email, opts, nil); err == nil {
				out = append(out, accountSource{email: s.Email, src: worklist.ClientSource{Client: a.Client},
					companies: a.Account.Companies})
				continue
			}
		}
		errs = append(errs, fmt.Errorf("account %s (%s): %w", s.Email, s.APIURL, err))
	}
	return out, errs
}

// count counts every worklist in every company of sources, each account's
// counts fired together; a company two accounts reach is counted once.
func (g *grid) count(ctx context.Context, sources []accountSource, now time.Time) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, as := range sources {
		var cos []hyperline.Company
		index := map[string]int{}
		for _, co := range as.companies {
			if slices.ContainsFunc(g.companies, func(c hyperline.Company) bool { return c.ID == co.ID }) {
				continue
			}
			index[co.ID] = len(g.companies)
			g.companies = append(g.companies, hyperline.Company{ID: co.ID, Name: co.Name})
			g.accounts = append(g.accounts, as.email)
			cos = append(cos, hyperline.Company{ID: co.ID, Name: co.Name})
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			worklist.CountAll(ctx, as.src, cos, g.lists, now, time.Local, func(c worklist.Cell) {
				mu.Lock()
				defer mu.Unlock()
				g.cells[[2]int{c.List, index[c.Company.ID]}] = c
			})
		}()
	}
	wg.Wait()
}

// label is company ci's name, with its account when it is another's.
func (g grid) label(ci int, co hyperline.Company) string {
	if g.accounts[ci] == "" {
		return co.Name
	}
	return co.Name + " (" + g.accounts[ci] + ")"
}
