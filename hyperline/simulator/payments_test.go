package simulator

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
)

func TestTransactions(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	resp, body := get(t, sim.URL+"/v1/transactions?take=100&skip=50", tok, medium)
	wantStatus(t, resp, body, http.StatusOK)
	checkSpec(t, responsePointer("/v1/transactions", "200"), body)
	pg := decode[listEnvelope[transactionJSON]](t, body)
	if pg.Meta.Total < 1000 || len(pg.Data) != 100 || pg.Meta.Skipped != 50 {
		t.Fatalf("meta %+v, %d items", pg.Meta, len(pg.Data))
	}
	types := map[string]int{}
	for _, tx := range pg.Data[:40] {
		types[tx.Type+"/"+tx.Status]++
		resp, body := get(t, sim.URL+"/v1/transactions/"+tx.ID, tok, medium)
		wantStatus(t, resp, body, http.StatusOK)
		checkSpec(t, responsePointer("/v1/transactions/{id}", "200"), body)
		if one := decode[transactionJSON](t, body); one.ID != tx.ID || one.Amount != tx.Amount || one.Status != tx.Status {
			t.Errorf("transaction %s alone differs from the list", tx.ID)
		}
		if tx.Status == "settled" && len(tx.Allocations) == 0 {
			t.Errorf("settled transaction %s allocates nothing", tx.ID)
		}
		// Every allocation points at a real invoice that carries it.
		for _, a := range tx.Allocations {
			resp, body := get(t, sim.URL+"/v2/invoices/"+a.InvoiceID, tok, medium)
			wantStatus(t, resp, body, http.StatusOK)
			inv := decode[invoiceJSON](t, body)
			if !slices.ContainsFunc(inv.Transactions, func(it invoiceTransactionJSON) bool { return it.ID == tx.ID }) || inv.Customer.ID != tx.CustomerID {
				t.Errorf("%s allocates to %s, which does not list it", tx.ID, inv.Number)
			}
		}
	}
	if len(types) < 2 {
		t.Errorf("transaction kinds on a page: %v", types)
	}
	for _, id := range []string{"tra_doesnotexist00", pg.Data[0].ID + "x"} {
		resp, body := get(t, sim.URL+"/v1/transactions/"+id, tok, medium)
		wantStatus(t, resp, body, http.StatusNotFound)
		checkSpec(t, responsePointer("/v1/transactions/{id}", "404"), body)
	}
	// A refund, a chargeback and a failed charge validate too.
	seen := map[string]bool{}
	for skip := 0; skip < pg.Meta.Total && len(seen) < 3; skip += 100 {
		for _, tx := range list[transactionJSON](t, sim, fmt.Sprintf("/v1/transactions?take=100&skip=%d", skip), tok, medium).Data {
			kind := tx.Type
			if tx.Status == "failed" {
				kind = "failed"
			}
			if kind == "refund" || kind == "chargeback" || kind == "failed" {
				if !seen[kind] {
					seen[kind] = true
					resp, body := get(t, sim.URL+"/v1/transactions/"+tx.ID, tok, medium)
					wantStatus(t, resp, body, http.StatusOK)
					checkSpec(t, responsePointer("/v1/transactions/{id}", "200"), body)
				}
			}
		}
	}
	if len(seen) < 3 {
		t.Errorf("kinds found: %v", seen)
	}
}

func TestWallets(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	medium := sim.Companies()[1].ID
	resp, body := get(t, sim.URL+"/v2/wallets?take=100", tok, medium)
	wantStatus(t, resp, body, http.StatusOK)
	checkSpec(t, responsePointer("/v2/wallets", "200"), body)
	wallets := decode[listEnvelope[walletJSON]](t, body)
	if wallets.Meta.Total < 50 || len(wallets.Data) != 100 {
		t.Fatalf("wallets meta %+v", wallets.Meta)
	}
	autoLoad := 0
	for _, w := range wallets.Data[:30] {
		if w.IsAutoLoadEnabled {
			autoLoad++
		}
		mine := list[walletJSON](t, sim, "/v2/wallets?customer_id="+w.CustomerID, tok, medium)
		if mine.Meta.Total != 1 || mine.Data[0].ID != w.ID {
			t.Errorf("customer_id=%s: %+v", w.CustomerID, mine.Meta)
		}
		resp, body := get(t, sim.URL+"/v1/wallets/"+w.ID, tok, medium)
		wantStatus(t, resp, body, http.StatusOK)
		checkSpec(t, responsePointer("/v1/wallets/{id}", "200"), body)
		resp, body = get(t, sim.URL+"/v1/wallets/"+w.ID+"/transactions?take=100", tok, medium)
		wantStatus(t, resp, body, http.StatusOK)
		checkSpec(t, responsePointer("/v1/wallets/{id}/transactions", "200"), body)
		txs := decode[listEnvelope[walletTransactionJSON]](t, body).Data
		var credits, debits, remaining int64
		for _, tx := range txs {
			switch tx.Type {
			case "debit":
				debits += tx.Amount
				var funded int64
				for _, f := range tx.FundingSources {
					funded += f.Amount
				}
				if funded != tx.Amount {
					t.Errorf("%s: debit %d funded by %d", tx.ID, tx.Amount, funded)
				}
			default:
				credits += tx.Amount
				remaining += *tx.RemainingAmount
			}
		}
		if w.Balance.Amount != credits-debits || w.Balance.Amount != remaining || w.Balance.Amount < 0 {
			t.Errorf("%s: balance %d, credits %d - debits %d, remaining %d", w.ID, w.Balance.Amount, credits, debits, remaining)
		}
		debitsOnly := list[walletTransactionJSON](t, sim, "/v1/wallets/"+w.ID+"/transactions?type=debit", tok, medium)
		for _, tx := range debitsOnly.Data {
			if tx.Type != "debit" {
				t.Errorf("type=debit returned %s", tx.Type)
			}
		}
	}
	if autoLoad == 0 {
		t.Errorf("no wallet with auto-load among 30")
	}
	for _, tt := range []struct {
		path   string
		status int
	}{
		{"/v1/wallets/wal_doesnotexist00", http.StatusNotFound},
		{"/v1/wallets/wal_doesnotexist00/transactions", http.StatusNotFound},
		{"/v1/wallets/" + wallets.Data[0].ID + "/transactions?type=refund", http.StatusBadRequest},
		{"/v1/wallets/" + wallets.Data[0].ID + "/transactions?amount=lots", http.StatusBadRequest},
		{"/v2/wallets?take=101", http.StatusBadRequest},
	} {
		resp, body := get(t, sim.URL+tt.path, tok, medium)
		wantStatus(t, resp, body, tt.status)
	}
	if n := list[walletJSON](t, sim, "/v2/wallets?customer_id=cus_doesnotexist00", tok, medium).Meta.Total; n != 0 {
		t.Errorf("unknown customer has %d wallets", n)
	}
}

func TestAnalytics(t *testing.T) {
	t.Parallel()
	sim := start(t, Config{})
	tok := login(t, sim).AccessToken
	for _, co := range sim.Companies()[:2] {
		resp, body := get(t, sim.URL+"/v1/analytics", tok, co.ID)
		wantStatus(t, resp, body, http.StatusOK)
		checkSpec(t, responsePointer("/v1/analytics", "200"), body)
		a := decode[analyticsJSON](t, body)
		if a.MRR <= 0 || a.ARR != 12*a.MRR || a.ActiveARR != a.ARR || a.ActiveCustomers <= 0 || a.ActiveCustomers > int64(co.Customers) ||
			a.ARPA != a.MRR/a.ActiveCustomers || a.FixedARR > a.ARR || a.RevenueLast30Days <= 0 || a.Churn30Days < 0 || a.Churn30Days > 100 {
			t.Errorf("%s: %+v", co.Name, a)
		}
		_, again := get(t, sim.URL+"/v1/analytics", tok, co.ID)
		if string(again) != string(body) {
			t.Errorf("analytics changed between calls")
		}
	}
	pg := decode[analyticsJSON](t, func() []byte {
		_, b := get(t, sim.URL+"/v1/analytics?invoicing_entity_id=ive_other", tok, "")
		return b
	}())
	if pg != (analyticsJSON{}) {
		t.Errorf("another invoicing entity: %+v", pg)
	}
}
