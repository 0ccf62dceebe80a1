package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/hyperline-tui/hlx/hyperline"
)

func TestSavedSessionOpensOnTheSavedCompany(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	b := h.browser()
	if b.sc.company.ID != "cmp_acme" || b.active != tabCustomers {
		t.Fatalf("opened on %q tab %d, want cmp_acme customers", b.sc.company.ID, b.active)
	}
	if got := h.data.Calls(); !slices.Equal(got, []string{"cmp_acme:customers:@0"}) {
		t.Fatalf("requests at start = %v, want only the first customers page", got)
	}
	h.requireView("[1 Customers]", "100/800", "Acme Tools 0", "ada@example.com", "Acme Corp", "SANDBOX", "token 23h59m30s")
	if got := h.session.chosen; !slices.Equal(got, []string{"cmp_acme"}) {
		t.Fatalf("chosen companies = %v", got)
	}
}

func TestSwitchingCompanyDropsTheOldCompanysResults(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	old := h.browser()
	stale := loadPage(old.sc.ctx, h.app.c, "cmp_acme", customersSpec(), pageRequest{page: hyperline.ListOptions{Skip: 100}}, old.customers().base.reqID)

	h.key("c")
	h.requireView("Choose a company", "●")
	h.typeText("Globex")
	h.key("enter")
	now := h.browser()
	if now.sc.company.ID != "cmp_globex" {
		t.Fatalf("switched to %q", now.sc.company.ID)
	}
	if old.sc.ctx.Err() == nil {
		t.Fatal("the old company's requests were not cancelled")
	}
	// A result for the old company, even one with the id the new list
	// waits for, is never shown.
	h.send(pageLoadedMsg[hyperline.Customer]{resultTag: resultTag{reqID: now.customers().base.reqID, company: "cmp_acme"},
		page: &hyperline.Page[hyperline.Customer]{Items: h.data.customers["cmp_acme"][:3]}})
	h.run(stale)
	h.rejectView("Acme Tools")
	h.requireView("Globex client 0", "30/30", "Globex")
}

func TestQuitKeys(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	h.key("/")
	h.key("q")
	if h.quit {
		t.Fatal("q quit while typing a filter")
	}
	h.key("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c did not quit while typing a filter")
	}
	h2 := newHarness(t, 80, 24).start()
	h2.key("q")
	if !h2.quit {
		t.Fatal("q did not quit")
	}
}

func TestCtrlCQuitsWhileARequestIsInFlight(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	_, cmd := h.app.Update(keyMsg("3")) // the invoices request is returned, not run
	if cmd == nil {
		t.Fatal("no request for the invoices tab")
	}
	_, quit := h.app.Update(keyMsg("ctrl+c"))
	if quit == nil {
		t.Fatal("ctrl+c returned no command")
	}
	if _, ok := quit().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c does not quit while a request is in flight")
	}
}

func TestClockTickRedrawsOnlyTheStatusBar(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	before := h.app.View()
	body := h.app.body
	clock := testNow.Add(time.Second)
	h.app.c.clock = func() time.Time { return clock }
	h.fire(time.Second)
	if !h.app.bodyValid || h.app.body != body {
		t.Fatal("a clock tick invalidated the table's render")
	}
	after := h.app.View()
	if before == after || !strings.Contains(ansi.Strip(after), "token 23h59m29s") {
		t.Fatalf("the countdown did not move:\n%s", ansi.Strip(after))
	}
	if len(h.timers) != 1 {
		t.Fatalf("%d timers pending after a tick, want the next tick only", len(h.timers))
	}
}

func TestHelpShowsTheKeysOfTheScreen(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 30).start()
	h.key("?")
	h.requireView("Keys", "customers", "subscriptions", "invoices", "filter", "reload", "companies", "token", "quit")
	h.key("?")
	h.rejectView("(? or esc to close)")
}

func TestResizeReflowsEveryScreen(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	check := func(w, hh int) {
		t.Helper()
		lines := strings.Split(h.app.View(), "\n")
		if len(lines) != hh {
			t.Fatalf("%dx%d: %d lines", w, hh, len(lines))
		}
		for i, l := range lines {
			if got := ansi.StringWidth(l); got != w {
				t.Fatalf("%dx%d: line %d is %d wide: %q", w, hh, i, got, ansi.Strip(l))
			}
		}
	}
	for _, step := range []func(){
		func() {}, func() { h.key("enter") }, func() { h.key("t") }, func() { h.key("c") },
	} {
		step()
		for _, size := range [][2]int{{80, 24}, {200, 50}, {60, 15}, {80, 24}} {
			h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			check(size[0], size[1])
		}
	}
}

func TestCompanyReportsTheChoiceForMainToSaveOnExit(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 80, 24).start()
	if co, ok := h.app.Company(); !ok || co.ID != "cmp_acme" {
		t.Fatalf("Company() at start = %v %v, want cmp_acme", co, ok)
	}
	h.key("c")
	h.typeText("Globex")
	// The choice is made; the command that saves it is never run, as when
	// the user quits at once.
	h.send(keyMsg("enter"))
	if co, ok := h.app.Company(); !ok || co.ID != "cmp_globex" {
		t.Fatalf("Company() after switching = %v %v, want cmp_globex", co, ok)
	}
}
