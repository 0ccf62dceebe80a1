package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/config/recent"
	"github.com/hyperline-tui/hlx/ui/cli/explorer/backend"
)

func withRecent(store RecentJumps) harnessOption {
	return func(d *Deps, _ *harness) { d.Recent = store }
}

// TestGotoOpensAnObjectInAnotherCompany: an id from a ticket opens its
// detail even when it belongs to another company, which becomes current.
func TestGotoOpensAnObjectInAnotherCompany(t *testing.T) {
	t.Parallel()
	store := recent.Open(t.TempDir())
	h := newHarness(t, 100, 30, withRecent(backend.Recent(store))).start()
	h.key(":")
	h.requireView("Go to", "No recent jumps yet.")
	h.typeText("cus_globex00003")
	h.key("enter")
	d, ok := h.app.top().(*detailModel)
	if !ok || d.id != "cus_globex00003" || h.app.scope.company.ID != "cmp_globex" {
		t.Fatalf("top %T, company %q", h.app.top(), h.app.scope.company.ID)
	}
	h.requireView("Globex client 3", "Switched to Globex")
	if got := h.session.chosen; !slices.Contains(got, "cmp_globex") {
		t.Fatalf("the switch was not saved: %v", got)
	}
	jumps, err := store.List("ada@example.com")
	if err != nil || len(jumps) != 1 || jumps[0].ObjectID != "cus_globex00003" || jumps[0].CompanyID != "cmp_globex" {
		t.Fatalf("recent jumps = %+v, %v", jumps, err)
	}
	// The recent jump is offered next time; enter on it goes there again.
	h.key("esc")
	h.key(":")
	h.requireView("Recent jumps", "cus_globex00003", "Globex")
	h.key("enter")
	if d, ok := h.app.top().(*detailModel); !ok || d.id != "cus_globex00003" {
		t.Fatalf("enter on a recent jump: top %T", h.app.top())
	}
}

// TestGotoByEmailNumberAndNotFound: a billing email and an invoice number
// open their objects; what matches nothing says so and stays open.
func TestGotoByEmailNumberAndNotFound(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 30).start()
	h.key("ctrl+k")
	h.typeText("INV-1005")
	h.key("enter")
	if d, ok := h.app.top().(*detailModel); !ok || d.id != "inv_acme00005" {
		t.Fatalf("invoice number: top %T", h.app.top())
	}
	h.key("esc")
	h.key(":")
	h.typeText("nothing-like-this")
	h.key("enter")
	h.requireView("Go to", "nothing-like-this")
	if _, ok := h.app.top().(*gotoModel); !ok {
		t.Fatalf("not found closed the prompt: top %T", h.app.top())
	}
	if !strings.Contains(strings.Join(h.data.Calls(), " "), "find:nothing-like-this") {
		t.Fatalf("calls: %v", h.data.Calls())
	}
}

// TestGotoOffersCandidates: an email several customers share lists them;
// enter opens the one chosen.
func TestGotoOffersCandidates(t *testing.T) {
	t.Parallel()
	h := newHarness(t, 100, 30).start()
	h.key(":")
	h.typeText("billing@cobalt.example") // Cobalt Labs 2, 12, 22, …
	h.key("enter")
	h.requireView("Matches", "objects match", "Cobalt Labs 2", "Cobalt Labs 12")
	h.key("down")
	h.key("enter")
	if d, ok := h.app.top().(*detailModel); !ok || d.id != "cus_acme00012" {
		t.Fatalf("candidate: top %T", h.app.top())
	}
}
