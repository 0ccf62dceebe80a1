package ui

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/worklist"
)

// worklistSession is the fake session of several accounts whose other
// logged-in account (production's ada) reaches a simulator of its own.
type worklistSession struct {
	switchingSession
	other *simData
	err   error
}

func (s worklistSession) WorklistAccount(_ context.Context, apiURL, email string) (worklist.Account, error) {
	if s.err != nil {
		return worklist.Account{}, s.err
	}
	if apiURL != "https://api.hyperline.co" || email != "ada@example.com" {
		return worklist.Account{}, fmt.Errorf("%s of %s: %w", email, apiURL, ErrLoginRequired)
	}
	return worklist.Account{APIURL: apiURL, Email: email, Companies: s.other.companies, Source: s.other}, nil
}

// TestWorklistsEveryAccount: A adds the companies of the session's other
// logged-in accounts, each counted with its own account's source and
// labelled with it; a row of another account says how to get there
// rather than switching; A again is this account only.
func TestWorklistsEveryAccount(t *testing.T) {
	t.Parallel()
	var other *simData
	h := newHarness(t, 120, 40, withSimulator(simulator.Config{}), func(d *Deps, h *harness) {
		other = newSimData(h.t, simulator.Config{Seed: 2, Scale: 0.2}, h.data)
		d.Session = worklistSession{switchingSession: switchingSession{h.session}, other: other}
	}).start()
	h.key("w")
	h.requireView("15/15 counted", "A every account")
	h.key("A")
	lists := len(worklist.Builtins())
	if got := other.requests(); got != worklist.Requests(lists, len(other.companies)) {
		t.Fatalf("%d requests to the other account, want %d", got, worklist.Requests(lists, len(other.companies)))
	}
	m := h.app.top().(*worklistsModel)
	if len(m.companies) != 6 || m.opening != 0 || len(m.accountErrs) != 0 {
		t.Fatalf("%d companies, %d opening, errors %v", len(m.companies), m.opening, m.accountErrs)
	}
	h.requireView("every account · 6 companies", "30/30 counted", other.companies[0].Name+" (ada@example.com)")
	h.key("enter")
	rows := h.app.top().(*worklistRowsModel)
	company := h.app.scope.company.ID
	for i := range rows.rows {
		r, _ := h.app.top().(*worklistRowsModel).selectedRow()
		if rows.accountOf[r.Company.ID] != "" {
			h.key("enter")
			if h.app.scope.company.ID != company || !h.app.topIs(screenWorklistRows) {
				t.Fatal("a row of another account switched company")
			}
			h.requireView("is a company of ada@example.com: switch to that account (a)")
			break
		}
		if i == len(rows.rows)-1 {
			t.Fatal("no row of the other account")
		}
		h.key("down")
	}
	h.key("esc")
	h.key("A")
	h.requireView("ada@example.com · 3 companies", "15/15 counted")
}

// TestWorklistsEveryAccountFailure: an account that cannot be opened is
// named with the reason; the open account's counts stand.
func TestWorklistsEveryAccountFailure(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 120, 40, withSimulator(simulator.Config{}), func(d *Deps, h *harness) {
		d.Session = worklistSession{switchingSession: switchingSession{h.session},
			err: fmt.Errorf("no tokens: %w", errors.New("log in again"))}
	}).start()
	h.key("w")
	h.key("A")
	h.requireView("✗ ada@example.com: ", "15/15 counted")
}
