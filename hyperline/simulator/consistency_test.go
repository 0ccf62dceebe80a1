package simulator

import (
	"fmt"
	"testing"
	"time"
)

// walk GETs path page by page (100 a page) and hands every item to keep
// until keep returns false or the list ends.
func walk[T any](t *testing.T, sim *Running, path, token, company string, keep func(T) bool) {
	t.Helper()
	for skip := 0; ; skip += 100 {
		pg := list[T](t, sim, fmt.Sprintf("%s&take=100&skip=%d", path, skip), token, company)
		for _, item := range pg.Data {
			if !keep(item) {
				return
			}
		}
		if len(pg.Data) < 100 {
			return
		}
	}
}

// stamp parses a timestamp the simulator sent; the zero time stands for null.
func stamp(t *testing.T, s *string) time.Time {
	t.Helper()
	if s == nil {
		return time.Time{}
	}
	at, err := time.Parse(isoMillis, *s)
	if err != nil {
		t.Fatalf("timestamp %q: %v", *s, err)
	}
	return at
}

// TestDatesConsistentWithEpoch checks, over the first 500 customers of the
// medium company, that every status reads true against the epoch: what is
// active runs through it, what is pending starts after it, what is late or
// settled happened before it, and nothing predates its customer.
func TestDatesConsistentWithEpoch(t *testing.T) {
	t.Parallel()
	for _, epoch := range []time.Time{
		time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC),
		time.Date(2031, 2, 28, 13, 45, 12, 345_000_000, time.UTC), // not a midnight
	} {
		t.Run(epoch.Format("2006-01-02T15:04"), func(t *testing.T) {
			t.Parallel()
			sim := start(t, Config{Epoch: epoch})
			tok := login(t, sim).AccessToken
			medium := sim.Companies()[1]
			if age := epoch.Sub(medium.CreatedAt); age < 4*365*24*time.Hour {
				t.Errorf("the medium company is only %v old at the epoch", age)
			}
			created := map[string]time.Time{}
			walk(t, sim, "/v1/customers?", tok, medium.ID, func(c customerV1JSON) bool {
				at := stamp(t, &c.CreatedAt)
				if !at.After(medium.CreatedAt) || !at.Before(epoch) {
					t.Errorf("customer %s created %s: not between the company's creation and the epoch", c.ID, c.CreatedAt)
				}
				created[c.ID] = at
				return len(created) < 500
			})
			subs := map[string]int{}
			walk(t, sim, "/v2/subscriptions?status=any", tok, medium.ID, func(s subscriptionJSON) bool {
				since, ok := created[s.CustomerID]
				if ok {
					subs[s.Status]++
					checkSubscription(t, s, since, epoch)
				}
				return ok
			})
			invs := map[string]int{}
			for _, inv := range walkCursor[invoiceJSON](t, sim, "/v2/invoices?limit=100&order=asc&status=all", tok, medium.ID) {
				since, ok := created[inv.Customer.ID]
				if !ok {
					break
				}
				invs[inv.Status]++
				checkInvoice(t, inv, since, epoch)
			}
			for _, st := range subscriptionStatuses() {
				if subs[st] == 0 {
					t.Errorf("no %s subscription among the first 500 customers", st)
				}
			}
			for _, st := range invoiceStatuses() {
				if invs[st] == 0 {
					t.Errorf("no %s invoice among the first 500 customers", st)
				}
			}
		})
	}
}

// checkSubscription asserts the date rules of one subscription whose
// customer was created at since.
func checkSubscription(t *testing.T, s subscriptionJSON, since, epoch time.Time) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s subscription %s: "+format, append([]any{s.Status, s.ID}, args...)...)
	}
	created, updated := stamp(t, &s.CreatedAt), stamp(t, &s.UpdatedAt)
	starts, next := stamp(t, s.StartsAt), stamp(t, s.NextPaymentAt)
	from, to := stamp(t, s.CurrentPeriodStartedAt), stamp(t, s.CurrentPeriodEndsAt)
	cancel := stamp(t, s.CancelAt)
	if created.Before(since) || created.After(epoch) {
		fail("created %s, customer created %s, epoch %s", s.CreatedAt, since, epoch)
	}
	if updated.Before(created) || updated.After(epoch) {
		fail("updated %s, created %s", s.UpdatedAt, s.CreatedAt)
	}
	switch s.Status {
	case "active":
		if from.IsZero() || from.After(epoch) || !to.After(epoch) {
			fail("period %v–%v does not contain the epoch", s.CurrentPeriodStartedAt, s.CurrentPeriodEndsAt)
		}
		if starts.IsZero() || starts.After(epoch) {
			fail("starts %v, after the epoch", s.StartsAt)
		}
		if !next.After(epoch) || next.After(to) {
			fail("next payment %v, not after the epoch within the period", s.NextPaymentAt)
		}
		if renews := stamp(t, s.RenewsAt); !renews.IsZero() && !renews.After(epoch) {
			fail("renews %v, before the epoch", *s.RenewsAt)
		}
	case "pending":
		if !starts.After(epoch) || next.Before(starts) {
			fail("starts %v, next payment %v: should be after the epoch, in that order", s.StartsAt, s.NextPaymentAt)
		}
	default:
		if next.After(epoch) {
			fail("next payment %s, in the future", *s.NextPaymentAt)
		}
	}
	switch s.Status {
	case "cancelled", "voided":
		if cancel.IsZero() || !cancel.Before(epoch) || cancel.Before(created) {
			fail("cancel_at %v, want between creation %s and the epoch", s.CancelAt, s.CreatedAt)
		}
	case "paused":
		if paused := stamp(t, s.PausedAt); paused.IsZero() || paused.After(epoch) || paused.Before(from) {
			fail("paused %v, want in the current period before the epoch", s.PausedAt)
		}
		if back := stamp(t, s.ReactivateAt); !back.IsZero() && !back.After(epoch) {
			fail("reactivates %s, in the past", *s.ReactivateAt)
		}
	case "draft":
		if s.StartsAt != nil {
			fail("starts %s", *s.StartsAt)
		}
	}
}

// checkInvoice asserts the date rules of one invoice whose customer was
// created at since.
func checkInvoice(t *testing.T, inv invoiceJSON, since, epoch time.Time) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s invoice %s: "+format, append([]any{inv.Status, inv.Number}, args...)...)
	}
	issued, due, settled := stamp(t, &inv.IssuedAt), stamp(t, &inv.DueAt), stamp(t, inv.SettledAt)
	if issued.Before(since) || issued.After(epoch) || due.Before(issued) {
		fail("issued %v, due %v; customer created %s, epoch %s", inv.IssuedAt, inv.DueAt, since, epoch)
	}
	switch inv.Status {
	case "grace_period", "error", "uncollectible":
		if !due.Before(epoch) {
			fail("due %v, not in the past", inv.DueAt)
		}
	case "open", "partially_paid", "draft":
		if !due.After(epoch) {
			fail("due %v, already past", inv.DueAt)
		}
	case "paid", "closed", "charged_on_parent":
		if settled.Before(issued) || settled.After(epoch) {
			fail("settled %v, issued %v", inv.SettledAt, inv.IssuedAt)
		}
	}
	if ended := stamp(t, inv.GracePeriodEndedAt); inv.GracePeriodEndedAt != nil && !ended.Before(epoch) {
		fail("grace period ends %v, not in the past", inv.GracePeriodEndedAt)
	}
	for _, at := range []*string{inv.RefundedAt, inv.UpdatedAt} {
		if stamp(t, at).After(epoch) {
			fail("refunded or updated %s, after the epoch", *at)
		}
	}
	if inv.RefundedAt != nil && (settled.IsZero() || !stamp(t, inv.RefundedAt).After(settled)) {
		fail("refunded %s, settled %v", *inv.RefundedAt, inv.SettledAt)
	}
	for _, tx := range inv.Transactions {
		at := stamp(t, &tx.ProcessAt)
		if tx.Status != "scheduled" && tx.Status != "to_process" && tx.Status != "pending" && at.After(epoch) {
			fail("%s transaction at %s, after the epoch", tx.Status, tx.ProcessAt)
		}
		if at.Before(issued) {
			fail("%s transaction at %s, before the invoice", tx.Status, tx.ProcessAt)
		}
		for _, ts := range []*string{tx.SettledAt, tx.ReversedAt, tx.RefundedAt} {
			if stamp(t, ts).After(epoch) {
				fail("transaction %s: %s after the epoch", tx.ID, *ts)
			}
		}
	}
}
