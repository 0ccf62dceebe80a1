package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/hyperline-tui/hlx/hyperline/simulator"
	"github.com/hyperline-tui/hlx/hyperline/simulator/faults"
)

// forbidden are sequences the hostile names carry that must never reach
// the terminal: Bubble Tea's own drawing uses none of them.
var forbidden = []struct{ name, seq string }{
	{"OSC 52 clipboard write", "\x1b]52;"},
	{"OSC 8 hyperlink", "\x1b]8;"},
	{"OSC 0 window title", "\x1b]0;"},
	{"BEL", "\x07"},
	{"C1 CSI", "\u009b"},
	{"any C1 control", "\xc2\x80"},
	{"right-to-left override", "\u202e"},
	{"pop directional formatting", "\u202c"},
	{"zero-width space", "\u200b"},
	{"word joiner", "\u2060"},
	{"byte order mark", "\ufeff"},
	{"screen clear from a name", "\x1b[2J\x1b[H Corp"},
	{"cursor up from a name", "\x1b[10A"},
	{"colour from a name", "\x1b[31m赤"},
}

// TestHostileDataNeverReachesTheTerminal drives the real program against a
// simulator whose company and customers have names made of escape
// sequences, through the picker, the list, a detail with its raw JSON, the
// subscriptions and invoices tabs and the status bar, then through a proxy
// that answers with a hostile error body (escapes, bidi override,
// zero-width space in the server's message), and checks every byte the
// program wrote.
func TestHostileDataNeverReachesTheTerminal(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := newSimEnv(t, simulator.Config{Scale: 0.4, Hostile: true})
	proxy, err := faults.Start(env.url)
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	env.settings.APIURL = proxy.URL
	hostile := env.sim.Companies()[0]
	b := env.backend(ctx)
	tm := teatest.NewTestModel(t, New(env.deps(ctx, withoutEvents{b}, b)), teatest.WithInitialTermSize(120, 40))

	// wait reads the output until what it read since the last wait shows
	// every string, and keeps every byte for the final check.
	var out bytes.Buffer
	wait := func(wants ...string) {
		t.Helper()
		var read []byte
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			read = b
			for _, w := range wants {
				if !bytes.Contains(b, []byte(w)) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
		out.Write(read)
	}
	wait("Choose a company", "Holdings")
	typeRunes(tm, "Hostile")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("[1 Customers]", "/"+formatCount(hostile.Customers), "Corp", "board SA")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("Customer ·", "Raw JSON")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab}) // the JSON, where the escapes show
	for range 3 {
		tm.Send(tea.KeyMsg{Type: tea.KeyPgDown})
	}
	wait("% ")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	wait("enter details")
	tm.Type("2")
	wait("[2 Subscriptions]")
	tm.Type("3")
	wait("[3 Invoices]")
	proxy.Set(faults.Rule{Kind: faults.HostileError})
	tm.Type("r")
	wait("Could not load invoices", "node 7")
	proxy.Set(faults.Rule{})
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	all := append(out.Bytes(), readAll(t, tm)...)

	for _, f := range forbidden {
		if i := bytes.Index(all, []byte(f.seq)); i >= 0 {
			t.Errorf("the terminal received %s: …%q…", f.name, all[max(0, i-20):min(len(all), i+20)])
		}
	}
	// The names are shown, their controls made visible.
	for _, want := range []string{"Evil␛[2J␛[H Corp", "Hostile␛[2J␛]0;pwned␇ Holdings"} {
		if !strings.Contains(string(all), want) {
			t.Errorf("the screen never showed %q", want)
		}
	}
}

// readAll is what the program wrote after the last wait.
func readAll(t *testing.T, tm *teatest.TestModel) []byte {
	t.Helper()
	var b bytes.Buffer
	_, _ = b.ReadFrom(tm.FinalOutput(t, teatest.WithFinalTimeout(10*time.Second)))
	return b.Bytes()
}
