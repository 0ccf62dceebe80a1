package ui

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	// Golden files are plain text: no colours, no bold.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// pendingTimer is a timed command (clock tick, debounce) held by the harness
// until the test fires it, so nothing waits on the wall clock.
type pendingTimer struct {
	d  time.Duration
	fn func(time.Time) tea.Msg
}

// harness drives an App synchronously: it runs every command the app
// returns, feeds the messages back, and stops when no command is left.
type harness struct {
	t       testing.TB
	app     *App
	session *fakeSession
	data    *fakeData
	quit    bool
	timers  []pendingTimer

	mu     sync.Mutex
	copied []string
	opened []string
}

type harnessOption func(*Deps, *harness)

func withEnv(e Environment) harnessOption { return func(d *Deps, _ *harness) { d.Env = e } }

// withCustomers sets how many customers (and so invoices) Acme has.
func withCustomers(n int) harnessOption {
	return func(d *Deps, h *harness) {
		h.data = newFakeData(map[string]int{"cmp_acme": n, "cmp_globex": 30})
		d.Data = h.data
	}
}

func newHarness(t testing.TB, width, height int, opts ...harnessOption) *harness {
	h := &harness{t: t, session: newFakeSession(), data: newFakeData(map[string]int{"cmp_acme": 800, "cmp_globex": 30})}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	deps := Deps{
		Context:  ctx,
		Session:  h.session,
		Data:     h.data,
		Now:      func() time.Time { return testNow },
		Location: time.UTC,
		Env:      EnvironmentFor("https://sandbox.api.hyperline.co", false),
		Version:  "test",
		Clipboard: func(s string) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.copied = append(h.copied, s)
			return nil
		},
		OpenURL: func(u string) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.opened = append(h.opened, u)
			return nil
		},
	}
	for _, o := range opts {
		o(&deps, h)
	}
	return h.mount(deps, width, height)
}

// newHarnessWithDeps drives an app built on the given dependencies (the
// real backend in the end-to-end tests and the benchmark).
func newHarnessWithDeps(t testing.TB, deps Deps, width, height int) *harness {
	return (&harness{t: t}).mount(deps, width, height)
}

// mount builds the app with timers held for the test and sizes it.
func (h *harness) mount(deps Deps, width, height int) *harness {
	h.app = New(deps)
	h.app.c.animate = false
	h.app.c.sched = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		return func() tea.Msg { return pendingTimer{d: d, fn: fn} }
	}
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	return h
}

// start runs Init and everything it leads to.
func (h *harness) start() *harness {
	h.run(h.app.Init())
	return h
}

func (h *harness) send(msg tea.Msg) {
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

func (h *harness) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			h.t.Fatal("the app keeps returning commands")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			h.quit = true
		case pendingTimer:
			h.timers = append(h.timers, msg)
		default:
			_, next := h.app.Update(msg)
			queue = append(queue, next)
		}
	}
}

// fire delivers the pending timers of duration d (all of them when d is 0).
func (h *harness) fire(d time.Duration) {
	var due, keep []pendingTimer
	for _, tm := range h.timers {
		if d == 0 || tm.d == d {
			due = append(due, tm)
		} else {
			keep = append(keep, tm)
		}
	}
	h.timers = keep
	for _, tm := range due {
		h.send(tm.fn(testNow))
	}
}

// key presses one key: "a", "enter", "esc", "ctrl+c", "shift+tab", ...
func (h *harness) key(k string) {
	h.send(keyMsg(k))
}

// typeText presses each rune of s.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func keyMsg(k string) tea.KeyMsg {
	special := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"ctrl+c": tea.KeyCtrlC, "ctrl+k": tea.KeyCtrlK, "backspace": tea.KeyBackspace, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if t, ok := special[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// view is the frame as plain text.
func (h *harness) view() string { return ansi.Strip(h.app.View()) }

// requireView fails unless the frame contains every string.
func (h *harness) requireView(wants ...string) {
	h.t.Helper()
	v := h.view()
	for _, w := range wants {
		if !strings.Contains(v, w) {
			h.t.Fatalf("the screen lacks %q:\n%s", w, v)
		}
	}
}

// rejectView fails if the frame contains any of the strings.
func (h *harness) rejectView(nots ...string) {
	h.t.Helper()
	v := h.view()
	for _, n := range nots {
		if strings.Contains(v, n) {
			h.t.Fatalf("the screen shows %q:\n%s", n, v)
		}
	}
}

func (h *harness) browser() browserModel {
	h.t.Helper()
	for i := len(h.app.stack) - 1; i >= 0; i-- {
		if b, ok := h.app.stack[i].(*browserModel); ok {
			return *b
		}
	}
	h.t.Fatalf("no browser on the stack (%T on top)", h.app.top())
	return browserModel{}
}

func (h *harness) copiedTexts() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.copied...)
}

func (h *harness) openedURLs() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.opened...)
}
