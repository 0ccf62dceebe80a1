package ui

import (
	"strings"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// walletField is the customer's wallet balances, one per currency, with
// the projected balance when pending usage will take some.
func walletField(f formatter, ws []hyperline.Wallet, err error) field {
	fd := field{label: "Wallet"}
	switch {
	case err != nil:
		fd.value, fd.tone = "unavailable: "+plainError(err), table.ToneMuted
	case len(ws) == 0:
		fd.value = "none"
	default:
		parts := make([]string, len(ws))
		for i, w := range ws {
			parts[i] = f.money(w.Balance.Amount, w.Currency)
			if w.ProjectedBalance.Amount != w.Balance.Amount {
				parts[i] += " (projected " + f.money(w.ProjectedBalance.Amount, w.Currency) + ")"
			}
			if w.State != "active" {
				parts[i] += " · " + w.State
			}
		}
		fd.value = strings.Join(parts, ", ")
	}
	return fd
}
