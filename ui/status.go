package ui

import (
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// How a status shows: its label from package hyperline (the one
// vocabulary the command line and the filters share) and a tone.

// customerTones covers the spec's customer status enum.
var customerTones = map[string]table.Tone{
	hyperline.CustomerActive:   table.ToneGood,
	hyperline.CustomerArchived: table.ToneMuted,
}

// subscriptionTones covers every subscription status.
var subscriptionTones = map[hyperline.SubscriptionStatus]table.Tone{
	hyperline.SubscriptionDraft:     table.ToneMuted,
	hyperline.SubscriptionPending:   table.ToneInfo,
	hyperline.SubscriptionTrialing:  table.ToneInfo,
	hyperline.SubscriptionActive:    table.ToneGood,
	hyperline.SubscriptionPaused:    table.ToneWarn,
	hyperline.SubscriptionErrored:   table.ToneBad,
	hyperline.SubscriptionCancelled: table.ToneBad,
	hyperline.SubscriptionVoided:    table.ToneMuted,
	hyperline.SubscriptionArchived:  table.ToneMuted,
}

// invoiceTones covers the spec's 18 invoice statuses.
var invoiceTones = map[hyperline.InvoiceStatus]table.Tone{
	hyperline.InvoiceDraft:                table.ToneMuted,
	hyperline.InvoicePendingApproval:      table.ToneInfo,
	hyperline.InvoiceChangesRequested:     table.ToneWarn,
	hyperline.InvoiceOpen:                 table.ToneInfo,
	hyperline.InvoiceToPay:                table.ToneInfo,
	hyperline.InvoiceGracePeriod:          table.ToneWarn,
	hyperline.InvoicePartiallyPaid:        table.ToneWarn,
	hyperline.InvoicePaid:                 table.ToneGood,
	hyperline.InvoiceVoided:               table.ToneMuted,
	hyperline.InvoiceClosed:               table.ToneMuted,
	hyperline.InvoiceError:                table.ToneBad,
	hyperline.InvoiceMissingInfo:          table.ToneWarn,
	hyperline.InvoiceArchived:             table.ToneMuted,
	hyperline.InvoiceChargedOnParent:      table.ToneMuted,
	hyperline.InvoicePendingParentConcat:  table.ToneInfo,
	hyperline.InvoicePendingConsolidation: table.ToneInfo,
	hyperline.InvoiceConsolidated:         table.ToneMuted,
	hyperline.InvoiceUncollectible:        table.ToneBad,
}

// statusCell is a status's cell: text in the tone of the status (none for
// a status this build does not know), "—" for none.
func statusCell[S comparable](tones map[S]table.Tone, status S, text string) table.Cell {
	if text == "" {
		text = "—"
	}
	return table.Cell{Text: text, Tone: tones[status]}
}

// The cells of a status: the label alone (an object's screen shows the
// API's value in its raw JSON).

func customerStatusCell(status string) table.Cell {
	return statusCell(customerTones, status, hyperline.CustomerStatusLabel(status))
}

func subscriptionStatusCell(status hyperline.SubscriptionStatus) table.Cell {
	return statusCell(subscriptionTones, status, status.Label())
}

func invoiceStatusCell(status hyperline.InvoiceStatus) table.Cell {
	return statusCell(invoiceTones, status, status.Label())
}
