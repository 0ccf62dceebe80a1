package ui

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/hyperline-tui/hlx/config"
	"github.com/hyperline-tui/hlx/ui/deps"
)

func TestLoginWithoutSessionThenPickerOpensByItself(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24)
	h.session.saved = false
	h.session.account.CompanyID = "" // first login, two companies
	h.start()
	if _, ok := h.app.top().(*pickerModel); !ok {
		t.Fatalf("after a first login with two companies the top screen is %T, want the picker", h.app.top())
	}
	h.requireView("Choose a company", "Acme Corp", "Globex")
	h.typeText("glob")
	h.requireView("Globex", "1 of 2")
	h.rejectView("Acme Corp  ")
	h.key("enter")
	if b := h.browser(); b.sc.company.ID != "cmp_globex" {
		t.Fatalf("opened %q, want cmp_globex", b.sc.company.ID)
	}
	h.requireView("Globex client 0", "30/30")
}

func TestTheLoginNoteShowsAfterLogin(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 24)
	h.session.saved = false
	h.session.loginNote = "Demo: no browser here, so hlx approves the consent on your behalf."
	h.start()
	h.requireView("[1 Customers]", "approves the consent on your behalf")
}

func TestLoginFailureIsExplainedAndRetried(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24)
	h.session.saved = false
	h.session.loginErr = errors.New("boom")
	h.start()
	h.requireView("Login failed", "boom", "enter to try again")
	h.session.loginErr = nil
	h.key("enter")
	if b := h.browser(); b.sc.company.ID != "cmp_acme" {
		t.Fatalf("after retrying, opened %q", b.sc.company.ID)
	}
}

func TestLoginScreenCopiesTheURL(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24)
	h.session.saved = false
	h.session.loginErr = errors.New("boom")
	h.start()
	// While waiting the URL is shown; drive a running login by hand.
	l, _ := newLogin(h.app.c, loginRunning, "").start()
	l, _ = l.update(loginProgressMsg{attempt: l.attempt, progress: LoginProgress{Stage: LoginWaiting, URL: "https://x.example/authorize?state=1"}})
	h.app.replace(&l)
	h.app.bodyValid = false
	h.requireView("Login address (open it in any browser)", "https://x.example/authorize?state=1", "y to copy it")
	h.key("y")
	if got := h.copiedTexts(); !slices.Equal(got, []string{"https://x.example/authorize?state=1"}) {
		t.Fatalf("copied %v", got)
	}
}

func TestTokenPanelRefreshesAndLogsOut(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("t")
	h.requireView("Access token", "23h59m30s", "Refresh token", "held", "ada@example.com", "Acme Corp (cmp_acme)")
	h.key("r")
	if h.session.refreshes != 1 {
		t.Fatalf("refreshes = %d", h.session.refreshes)
	}
	h.requireView("Access token refreshed", "24h00m00s")
	h.key("L")
	h.requireView("Log out of ada@example.com?")
	h.key("q") // the confirmation captures keys: q does not quit
	if h.quit {
		t.Fatal("q quit during the confirmation")
	}
	h.key("y")
	if h.session.logouts != 1 {
		t.Fatalf("logouts = %d", h.session.logouts)
	}
	h.requireView("Logged out", "enter to log in", "not logged in")
}

func TestLogoutWarnsWhenRevocationFails(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.session.logoutErr = errors.New("connection refused")
	h.key("t")
	h.key("L")
	h.key("y")
	h.requireView("Logged out locally", "may still be valid")
}

func TestLoginRequiredMidSessionComesBackToTheSameCompany(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("c")
	h.typeText("glob")
	h.key("enter")
	h.session.account.CompanyID = "cmp_acme" // what a stale store would say
	h.send(sessionEventMsg{Kind: LoginRequiredEvent, Err: ErrLoginRequired})
	h.requireView("session has ended", "enter to log in")
	h.key("enter")
	if b := h.browser(); b.sc.company.ID != "cmp_globex" {
		t.Fatalf("after logging in again, opened %q, want cmp_globex", b.sc.company.ID)
	}
}

func TestDataErrorRequiringLoginGoesToLogin(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.data.failNext = ErrLoginRequired
	h.key("r")
	if _, ok := h.app.top().(*loginModel); !ok {
		t.Fatalf("top = %T, want the login screen", h.app.top())
	}
}

func TestCountdownWarnsAndRefreshesAutomatically(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.session.token.ExpiresAt = testNow.Add(4 * time.Minute)
	h.session.token.IssuedAt = h.session.token.ExpiresAt.Add(-24 * time.Hour)
	h.fire(time.Second)
	h.requireView("token ! 4m00s")
	if h.session.refreshes != 0 {
		t.Fatal("refreshed too early")
	}
	h.session.token.ExpiresAt = testNow.Add(59 * time.Second)
	_, cmd := h.app.Update(tickMsg(testNow))
	h.requireView("token refreshing…")
	h.run(cmd)
	if h.session.refreshes != 1 {
		t.Fatalf("refreshes = %d, want an automatic one", h.session.refreshes)
	}
	h.requireView("token 24h00m00s")
}

func TestCorruptSessionFileIsReportedWithWhereItWent(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 24)
	// As the backend hands it over: the store's error, with where the file went.
	corrupt := &config.CorruptError{Path: "/cfg/hlx/session.json", MovedTo: "/cfg/hlx/session.json.corrupt-1", Err: errors.New("unexpected end of JSON input")}
	h.session.resumeErr = fmt.Errorf("%w: %w", ErrLoginRequired, &deps.CorruptSessionError{MovedTo: corrupt.MovedTo, Err: corrupt})
	h.start()
	h.requireView("Could not read the saved session: it was moved to /cfg/hlx/session.json.corrupt-1; log in again")
}
