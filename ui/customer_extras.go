package ui

import (
	"context"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// customerExtrasMsg brings the summary fields of a customer that take
// requests of their own: the wallet balance and the portal link.
type customerExtrasMsg struct {
	resultTag
	fields []field
}

// loadCustomerExtras asks for the customer's wallets and portal link, both
// at once; a part that fails says so in its field instead of failing the
// detail.
func loadCustomerExtras(ctx context.Context, c *common, companyID, customerID string, reqID uint64) tea.Cmd {
	data, timeout, f := c.data, c.timeout, c.fmt
	return func() tea.Msg {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		walletsDone := make(chan field, 1)
		go func() {
			ws, err := data.Wallets(rctx, companyID, customerID)
			walletsDone <- walletField(f, ws, err)
		}()
		portal := field{label: "Portal"}
		if url, err := data.CustomerPortalURL(rctx, companyID, customerID); err != nil {
			portal.value, portal.tone = "unavailable: "+plainError(err), table.ToneMuted
		} else {
			if portal = webField("Portal", url); portal.value == url {
				portal.tone = table.ToneInfo
			}
		}
		return customerExtrasMsg{resultTag: resultTag{reqID: reqID, company: companyID},
			fields: []field{<-walletsDone, portal}}
	}
}

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
