package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
)

// TestLargeExportSaysItsCostFirst: exporting a list of more than twenty
// pages first says how many requests and how long it will take at
// Hyperline's rate limit, sending nothing; the same key again starts it.
// A short list exports at once.
func TestLargeExportSaysItsCostFirst(t *testing.T) {
	t.Parallel()
	h, env := simHarness(t, simulator.Config{LargeCustomers: 2_500}, 2, 120, 40)
	h.app.c.saveDir = t.TempDir()
	env.sim.ResetRequests()
	h.key("e")
	h.requireView("Exporting 2,500 customers reads ≈25 requests, ≈1 s at Hyperline's rate limit")
	if n := len(env.sim.Requests()); n != 0 {
		t.Fatalf("the estimate sent %d requests", n)
	}
	h.key("e")
	if n := len(listQueries(env, "/v2/customers")); n < 25 {
		t.Fatalf("the confirmed export read %d pages", n)
	}
	files, _ := os.ReadDir(h.app.c.saveDir)
	if len(files) != 1 || !strings.HasSuffix(files[0].Name(), ".csv") {
		t.Fatalf("export files %v", files)
	}
}
