package ui

import (
	"github.com/hyperline-tui/hlx/hyperline"
	"github.com/hyperline-tui/hlx/ui/table"
)

// statusLook is how a status shows: a plain word and a tone.
type statusLook struct {
	word string
	tone table.Tone
}

// customerLooks covers the spec's customer status enum.
var customerLooks = map[string]statusLook{
	hyperline.CustomerActive:   {"active", table.ToneGood},
	hyperline.CustomerArchived: {"archived", table.ToneMuted},
}

// subscriptionLooks covers every subscription status.
var subscriptionLooks = map[hyperline.SubscriptionStatus]statusLook{
	hyperline.SubscriptionDraft:     {"draft", table.ToneMuted},
	hyperline.SubscriptionPending:   {"pending", table.ToneInfo},
	hyperline.SubscriptionTrialing:  {"trial", table.ToneInfo},
	hyperline.SubscriptionActive:    {"active", table.ToneGood},
	hyperline.SubscriptionPaused:    {"paused", table.ToneWarn},
	hyperline.SubscriptionErrored:   {"errored", table.ToneBad},
	hyperline.SubscriptionCancelled: {"cancelled", table.ToneBad},
	hyperline.SubscriptionVoided:    {"voided", table.ToneMuted},
	hyperline.SubscriptionArchived:  {"archived", table.ToneMuted},
}

// invoiceLooks covers the spec's 18 invoice statuses.
var invoiceLooks = map[hyperline.InvoiceStatus]statusLook{
	hyperline.InvoiceDraft:                {"draft", table.ToneMuted},
	hyperline.InvoicePendingApproval:      {"awaiting approval", table.ToneInfo},
	hyperline.InvoiceChangesRequested:     {"changes requested", table.ToneWarn},
	hyperline.InvoiceOpen:                 {"open", table.ToneInfo},
	hyperline.InvoiceToPay:                {"to pay", table.ToneInfo},
	hyperline.InvoiceGracePeriod:          {"grace period", table.ToneWarn},
	hyperline.InvoicePartiallyPaid:        {"partly paid", table.ToneWarn},
	hyperline.InvoicePaid:                 {"paid", table.ToneGood},
	hyperline.InvoiceVoided:               {"voided", table.ToneMuted},
	hyperline.InvoiceClosed:               {"closed", table.ToneMuted},
	hyperline.InvoiceError:                {"payment failed", table.ToneBad},
	hyperline.InvoiceMissingInfo:          {"missing info", table.ToneWarn},
	hyperline.InvoiceArchived:             {"archived", table.ToneMuted},
	hyperline.InvoiceChargedOnParent:      {"on parent", table.ToneMuted},
	hyperline.InvoicePendingParentConcat:  {"awaiting parent", table.ToneInfo},
	hyperline.InvoicePendingConsolidation: {"consolidating", table.ToneInfo},
	hyperline.InvoiceConsolidated:         {"consolidated", table.ToneMuted},
	hyperline.InvoiceUncollectible:        {"uncollectible", table.ToneBad},
}

// lookCell is the cell of a status, or of its raw word when the API sends
// one this build does not know.
func lookCell[S ~string](looks map[S]statusLook, status S) table.Cell {
	if l, ok := looks[status]; ok {
		return table.Cell{Text: l.word, Tone: l.tone}
	}
	return table.Cell{Text: statusWord(string(status))}
}

func customerStatusCell(status string) table.Cell { return lookCell(customerLooks, status) }

func subscriptionStatusCell(status hyperline.SubscriptionStatus) table.Cell {
	return lookCell(subscriptionLooks, status)
}

func invoiceStatusCell(status hyperline.InvoiceStatus) table.Cell {
	return lookCell(invoiceLooks, status)
}
