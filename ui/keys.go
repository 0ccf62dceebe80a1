package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"

	"github.com/hyperline-tui/hlx/ui/table"
)

// Every key map is built by a constructor and implements help.KeyMap. A key
// that does not apply right now is disabled, which also hides it from help.

// globalKeys work on every screen unless the screen is capturing text.
type globalKeys struct {
	Quit, Help, Companies, Token, Copy, Open key.Binding
	Requests, Cancel, GoTo, Accounts         key.Binding
	Worklists                                key.Binding
	// Summary copies and shows the ticket summary of the customer (or
	// invoice) on screen.
	Summary key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Companies: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "companies")),
		Token:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "token")),
		Copy:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy id")),
		Open:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open page")),
		Requests:  key.NewBinding(key.WithKeys("!"), key.WithHelp("!", "requests (debug log)"), key.WithDisabled()),
		Cancel:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "cancel the download/export"), key.WithDisabled()),
		GoTo:      key.NewBinding(key.WithKeys(":", "ctrl+k"), key.WithHelp(":", "go to"), key.WithDisabled()),
		Accounts:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "accounts/environments"), key.WithDisabled()),
		Summary:   key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "ticket summary"), key.WithDisabled()),
		Worklists: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "worklists (every company)"), key.WithDisabled()),
	}
}

func (k globalKeys) ShortHelp() []key.Binding { return []key.Binding{k.Cancel, k.GoTo, k.Help, k.Quit} }
func (k globalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.GoTo, k.Worklists, k.Companies, k.Accounts, k.Token, k.Copy, k.Summary, k.Open, k.Requests, k.Cancel, k.Help, k.Quit}}
}

// forceQuit is ctrl+c: it quits even while a screen captures text.
func newForceQuitKey() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit"))
}

// browserKeys drive the three tabs.
type browserKeys struct {
	table                               table.KeyMap
	Customers, Subscriptions, Invoices  key.Binding
	Transactions                        key.Binding
	NextTab, PrevTab                    key.Binding
	Filter, ClearFilter, Reload, Select key.Binding
	Sort, ExportCSV, ExportJSON         key.Binding
	Download, Overview, FilterKeys      key.Binding
	// ServerExport lets Hyperline build the export file (/v1/exports).
	ServerExport key.Binding
}

func newBrowserKeys() browserKeys {
	return browserKeys{
		table:         table.DefaultKeyMap(),
		Customers:     key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "customers")),
		Subscriptions: key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "subscriptions")),
		Invoices:      key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "invoices")),
		Transactions:  key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "transactions")),
		NextTab:       key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next tab")),
		PrevTab:       key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous tab")),
		Filter:        key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Reload:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		Select:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
		Sort:          key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		ExportCSV:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export CSV")),
		ExportJSON:    key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "export JSON")),
		Download:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "download PDF")),
		Overview:      key.NewBinding(key.WithKeys("0"), key.WithHelp("0", "company overview")),
		FilterKeys:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "filter on the server")),
		ServerExport:  key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "Hyperline export")),
	}
}

func (k browserKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Select, k.Filter, k.ClearFilter, k.NextTab, k.Reload}
}
func (k browserKeys) FullHelp() [][]key.Binding {
	return append(k.table.FullHelp(),
		[]key.Binding{k.Overview, k.Customers, k.Subscriptions, k.Invoices, k.Transactions, k.NextTab, k.PrevTab},
		[]key.Binding{k.Select, k.Filter, k.FilterKeys, k.ClearFilter, k.Sort, k.Reload},
		[]key.Binding{k.ExportCSV, k.ExportJSON, k.ServerExport, k.Download})
}

// filterKeys apply while the filter line has the keyboard.
type filterKeys struct {
	Apply, Cancel key.Binding
}

func newFilterKeys() filterKeys {
	return filterKeys{
		Apply:  key.NewBinding(key.WithKeys("enter", "down", "up"), key.WithHelp("enter", "keep filter")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
	}
}

func (k filterKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Apply, k.Cancel} }
func (k filterKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// pickerKeys drive the company picker; typing filters it.
//
// The picker takes typed text for its filter, so the global keys are off
// but `?` (help). While the filter is empty, q quits, esc closes (and does
// nothing when there is nothing under the picker: only q and ctrl+c leave
// hlx) and, after a failed load, r retries; once something is typed they
// are letters of the filter again, and esc clears it.
type pickerKeys struct {
	Up, Down, Choose, Close, Reload key.Binding
	Retry, Quit, ClearFilter        key.Binding
}

func newPickerKeys() pickerKeys {
	return pickerKeys{
		Up:          key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓", "down")),
		Choose:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Close:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Reload:      key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "reload")),
		Retry:       key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "retry"), key.WithDisabled()),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"), key.WithDisabled()),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter"), key.WithDisabled()),
	}
}

func (k pickerKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Retry, k.Choose, k.Up, k.Down, k.ClearFilter, k.Close, k.Quit}
}
func (k pickerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Choose, k.ClearFilter, k.Close, k.Reload, k.Retry, k.Quit}}
}

// detailKeys drive an object's detail.
type detailKeys struct {
	related                          table.KeyMap
	Up, Down, PageUp, PageDown       key.Binding
	Top, Bottom, Focus, Select, Back key.Binding
	Reload, Download                 key.Binding
	// More loads the next page of a customer's recent activity; RawJSON
	// scrolls past a customer's sections to the raw JSON.
	More, RawJSON key.Binding
	// Link opens the customer's next linked record (Stripe, …) in the
	// browser.
	Link key.Binding
}

func newDetailKeys() detailKeys {
	return detailKeys{
		related:  table.DefaultKeyMap(),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", " "), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		Focus:    key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "related/JSON")),
		Select:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:     key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		Download: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "download PDF"), key.WithDisabled()),
		More:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "more activity"), key.WithDisabled()),
		RawJSON:  key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "raw JSON"), key.WithDisabled()),
		Link:     key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "open linked record"), key.WithDisabled()),
	}
}

func (k detailKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Back, k.Select, k.Download, k.More, k.Focus}
}
func (k detailKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Focus, k.Select, k.Reload, k.Download, k.More, k.RawJSON, k.Link, k.Back},
	}
}

// tokenKeys drive the token panel.
type tokenKeys struct {
	Refresh, Logout, Close, Confirm, Cancel key.Binding
}

func newTokenKeys() tokenKeys {
	return tokenKeys{
		Refresh: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh now")),
		Logout:  key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "log out")),
		Close:   key.NewBinding(key.WithKeys("esc", "t"), key.WithHelp("esc", "close")),
		Confirm: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes, log out"), key.WithDisabled()),
		Cancel:  key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "no"), key.WithDisabled()),
	}
}

func (k tokenKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Refresh, k.Logout, k.Close, k.Confirm, k.Cancel}
}
func (k tokenKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// loginKeys drive the login screen.
type loginKeys struct {
	Retry, CopyURL, OpenBrowser key.Binding
}

func newLoginKeys() loginKeys {
	return loginKeys{
		Retry:       key.NewBinding(key.WithKeys("enter", "r"), key.WithHelp("enter", "log in"), key.WithDisabled()),
		CopyURL:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy URL"), key.WithDisabled()),
		OpenBrowser: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open browser"), key.WithDisabled()),
	}
}

func (k loginKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Retry, k.CopyURL, k.OpenBrowser}
}
func (k loginKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// combinedKeys shows a screen's keys followed by the global ones.
type combinedKeys struct {
	screen, global help.KeyMap
}

func (k combinedKeys) ShortHelp() []key.Binding {
	return append(append([]key.Binding(nil), k.screen.ShortHelp()...), k.global.ShortHelp()...)
}
func (k combinedKeys) FullHelp() [][]key.Binding {
	return append(append([][]key.Binding(nil), k.screen.FullHelp()...), k.global.FullHelp()...)
}

// singleKey is a key map of one key.
type singleKey struct{ key.Binding }

func (k singleKey) ShortHelp() []key.Binding  { return []key.Binding{k.Binding} }
func (k singleKey) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Binding}} }

// someKeys is a key map of a few keys.
type someKeys []key.Binding

func (k someKeys) ShortHelp() []key.Binding  { return k }
func (k someKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k} }

// spelt is a key press spelt once ("down", "ctrl+c") for key.Matches,
// which otherwise spells a tea.KeyMsg again, allocating, for every binding
// it is asked about: a dozen times for one cursor key.
type spelt string

func (s spelt) String() string { return string(s) }
