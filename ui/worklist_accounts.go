package ui

import (
	"context"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/hyperline/termsafe"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// The worklists' every-account toggle (A): the companies of every other
// logged-in account of the session join the counts, each read with its
// own account's token, without switching to it.

// worklistAccountOpener is a Session that lists the session's accounts
// and opens one for reading (the real backend is one); without it the
// toggle is off.
type worklistAccountOpener interface {
	AccountSwitcher
	WorklistAccount(ctx context.Context, apiURL, email string) (worklist.Account, error)
}

// wlCompany is a company the worklists count in: of the open account
// (account "") or of another one (its email, of the environment at
// apiURL), read through src.
type wlCompany struct {
	hyperline.Company
	account, apiURL string
	src             worklist.Source
}

// label is the company's name, with its account when it is another's.
func (w wlCompany) label() string {
	if w.account == "" {
		return companyLabel(w.Company)
	}
	return companyLabel(w.Company) + " (" + termsafe.Line(w.account) + ")"
}

// ownCompanies are the open account's companies, read through data.
func ownCompanies(c *common) []wlCompany {
	out := make([]wlCompany, len(c.account.Companies))
	for i, co := range c.account.Companies {
		out[i] = wlCompany{Company: co, src: c.data}
	}
	return out
}

// Messages of the toggle, for round gen.
type (
	worklistAccountsMsg struct {
		gen      uint64
		accounts []SessionAccount
		err      error
	}
	worklistAccountMsg struct {
		gen     uint64
		email   string
		account worklist.Account
		err     error
	}
)

// listAccounts asks for the session's accounts.
func listAccounts(ctx context.Context, c *common, o worklistAccountOpener, gen uint64) tea.Cmd {
	return request(ctx, c.timeout, o.Accounts, func(as []SessionAccount, err error) tea.Msg {
		return worklistAccountsMsg{gen: gen, accounts: as, err: err}
	})
}

// openAccounts opens every other logged-in account for reading.
func (m worklistsModel) openAccounts(msg worklistAccountsMsg) (worklistsModel, tea.Cmd) {
	if msg.err != nil {
		m.accountErrs = append(m.accountErrs, "the accounts: "+plainError(msg.err))
		return m, nil
	}
	o, _ := m.c.session.(worklistAccountOpener)
	var cmds []tea.Cmd
	for _, a := range msg.accounts {
		if a.Open || !a.LoggedIn {
			continue
		}
		gen, email, apiURL := m.gen, a.Email, a.APIURL
		m.opening++
		cmds = append(cmds, request(m.ctx, m.c.timeout, func(ctx context.Context) (worklist.Account, error) {
			return o.WorklistAccount(ctx, apiURL, email)
		}, func(acct worklist.Account, err error) tea.Msg {
			return worklistAccountMsg{gen: gen, email: email, account: acct, err: err}
		}))
	}
	return m, tea.Batch(cmds...)
}

// addAccount counts the worklists in another account's companies.
func (m worklistsModel) addAccount(msg worklistAccountMsg) (worklistsModel, tea.Cmd) {
	m.opening--
	if msg.err != nil {
		m.accountErrs = append(m.accountErrs, termsafe.Line(msg.email)+": "+plainError(msg.err))
		return m, nil
	}
	var cmds []tea.Cmd
	for _, co := range msg.account.Companies {
		// A company two accounts reach holds the same objects: it is
		// counted once, with the first account that reaches it.
		if slices.ContainsFunc(m.companies, func(c wlCompany) bool { return c.ID == co.ID }) {
			continue
		}
		cmds = append(cmds, m.addCompany(wlCompany{Company: co, account: msg.account.Email,
			apiURL: msg.account.APIURL, src: msg.account.Source}))
	}
	return m, tea.Batch(cmds...)
}
