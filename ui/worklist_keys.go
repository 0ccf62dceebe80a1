package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/hyperline-tui/hlx/ui/table"
)

// worklistKeys drive the worklists screen and a worklist's rows.
type worklistKeys struct {
	table                     table.KeyMap
	Up, Down, Open, Close     key.Binding
	Reload, Sort, AllAccounts key.Binding
	// rows marks the keys of a worklist's rows, a table.
	rows bool
}

func newWorklistKeys() worklistKeys {
	return worklistKeys{
		table:  table.DefaultKeyMap(),
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Reload: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "count again")),
		Sort:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort: amount, due, company"), key.WithDisabled()),
		AllAccounts: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "every account / this one"),
			key.WithDisabled()),
	}
}

// newWorklistRowsKeys are the keys of a worklist's rows: the table's,
// enter to open the object in its company, s to sort.
func newWorklistRowsKeys() worklistKeys {
	k := newWorklistKeys()
	k.Up.SetEnabled(false)
	k.Down.SetEnabled(false)
	k.Open.SetHelp("enter", "open in its company")
	k.Reload.SetHelp("r", "reload")
	k.Sort.SetEnabled(true)
	k.AllAccounts.SetEnabled(false)
	k.rows = true
	return k
}

func (k worklistKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Sort, k.AllAccounts, k.Reload, k.Close}
}

func (k worklistKeys) FullHelp() [][]key.Binding {
	own := []key.Binding{k.Up, k.Down, k.Open, k.Sort, k.AllAccounts, k.Reload, k.Close}
	if !k.rows {
		return [][]key.Binding{own}
	}
	return append(k.table.FullHelp(), own)
}
