package simulator

import (
	"slices"
	"time"
)

// hasWallet reports whether customer i has a prepaid wallet (one in six,
// drawn without building the customer).
func (d *dataset) hasWallet(c *company, i int) bool {
	return hashOf(d.seed, tagWallet, uint64(c.index), uint64(i))%6 == 0
}

// walletID is the ID of customer i's wallet. Not documented: the wallet
// ID prefix; "wal_".
func (d *dataset) walletID(c *company, i int) string {
	return d.ids.encode("wal_", idRef{kind: kindWallet, company: c.index, index: i})
}

// walletByID decodes a wallet ID of company c into its customer.
func (d *dataset) walletByID(c *company, id string) (int, bool) {
	ref, ok := d.ids.decode("wal_", id)
	if !ok || ref.kind != kindWallet || ref.company != c.index || ref.index >= c.customers || !d.hasWallet(c, ref.index) {
		return 0, false
	}
	return ref.index, true
}

// walletTransactionID is the ID of wallet transaction k of customer i's
// wallet. Not documented: the prefix; "wtr_".
func (d *dataset) walletTransactionID(c *company, i, k int) string {
	return d.ids.encode("wtr_", idRef{kind: kindWalletTransaction, company: c.index, index: i, slot: k})
}

// wallet builds customer i's wallet and its transactions, newest first.
// Credits (a free welcome credit, paid top-ups) are drawn down oldest
// first by debits, so every debit names the credits that funded it and
// the balance is what remains.
func (d *dataset) wallet(c *company, i int) (walletJSON, []walletTransactionJSON) {
	cc := d.core(c, i)
	r := newRNG(d.seed, tagWallet, uint64(c.index), uint64(i), 1)
	day := 24 * time.Hour
	currency := cc.loc.currency
	created := cc.createdAt.Add(time.Duration(r.between(1, 15))*day + time.Duration(r.intn(86_400_000))*time.Millisecond)
	created = earlierOf(created, d.epoch.Add(-10*day)).Truncate(time.Millisecond)
	w := walletJSON{
		ID: d.walletID(c, i), CustomerID: d.customerID(c, i), State: "active", Currency: currency, CreatedAt: iso(created),
	}
	if r.chance(0.1) {
		w.State = "paused"
	}
	topUp := convert(int64(r.between(5, 50))*1000, currency)
	if r.chance(0.4) {
		w.LowProjectedBalanceThreshold = ptr(topUp / 5)
	}
	if r.chance(0.25) {
		w.IsAutoLoadEnabled, w.AutoLoadType, w.AutoLoadAmount = true, pick(r, []string{"free", "paid"}), topUp
		w.AutoLoadInterval = &intervalJSON{Period: "months", Count: 1}
		w.AutoLoadReset = r.chance(0.5)
		next := created
		for !next.After(d.epoch) {
			next = next.AddDate(0, 1, 0)
		}
		w.AutoLoadNextDate = iso(next)
	}
	type credit struct {
		k      int
		typ    string
		remain int64
	}
	var (
		txs   []walletTransactionJSON
		queue []*credit
	)
	n := r.between(2, 14)
	span := d.epoch.Add(-time.Hour).Sub(created)
	for k := range n {
		at := created.Add(span * time.Duration(k) / time.Duration(n)).Add(time.Duration(r.intn(3_600_000)) * time.Millisecond)
		t := walletTransactionJSON{ID: d.walletTransactionID(c, i, k), CreatedAt: iso(at.Truncate(time.Millisecond))}
		var balance int64
		for _, cr := range queue {
			balance += cr.remain
		}
		switch {
		case k == 0 && r.chance(0.5):
			t.Type, t.Amount, t.Comment = "credit_free", topUp/2, ptr("Welcome credit")
		case k == 0 || balance < topUp/4 || r.chance(0.25):
			t.Type, t.Amount, t.Comment = "credit_paid", topUp, ptr("Top-up")
		default:
			t.Type, t.Comment = "debit", ptr("Usage charged to the wallet")
			t.Amount = min(balance, convert(int64(r.between(2, 30))*100, currency))
		}
		if t.Type == "debit" {
			t.FundingSources = []fundingSourceJSON{}
			left := t.Amount
			for _, cr := range queue {
				if left == 0 {
					break
				}
				take := min(cr.remain, left)
				if take == 0 {
					continue
				}
				cr.remain -= take
				left -= take
				t.FundingSources = append(t.FundingSources, fundingSourceJSON{
					WalletTransactionID: d.walletTransactionID(c, i, cr.k), Type: cr.typ, Amount: take,
				})
			}
		} else {
			queue = append(queue, &credit{k: k, typ: t.Type, remain: t.Amount})
		}
		txs = append(txs, t)
	}
	for _, cr := range queue {
		txs[cr.k].RemainingAmount = ptr(cr.remain)
		w.Balance.Amount += cr.remain
	}
	w.ProjectedBalance = w.Balance
	slices.Reverse(txs)
	return w, txs
}
