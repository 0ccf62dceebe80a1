package simulator

import (
	"net/http"
)

// listTransactions answers GET /v1/transactions (take/skip; the spec gives
// it no filter): every payment, refund and chargeback of the company's
// invoices, failed attempts included. Not documented: the order; by
// customer creation, then invoice slot, then attempt.
func (s *Server) listTransactions(w http.ResponseWriter, r *http.Request, c *apiCall) {
	p, msg := parsePage(r.URL.Query())
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	co := c.company
	pg := newPager[transactionJSON](p)
	build := s.invoiceBuilder(co, baseURL(r))
	for i := range co.customers {
		n := s.data.invCount(co, i)
		if n == 0 {
			continue
		}
		cc := s.data.core(co, i)
		pay := s.data.payment(co, i, cc.loc)
		for slot := range n {
			plans := s.data.planTransactions(co, s.data.invFacts(co, cc, pay, slot), pay)
			if len(plans) == 0 {
				continue
			}
			var txs []txRecord
			pg.offerN(len(plans), func(k int) transactionJSON {
				if txs == nil {
					ir := build(i, slot)
					for _, t := range ir.common.Transactions {
						txs = append(txs, txRecord(t))
					}
				}
				return transactionJSON(txs[k])
			})
		}
	}
	pg.write(w)
}

// getTransaction answers GET /v1/transactions/{id}: a Payment, Refund or
// Chargeback with its allocations.
func (s *Server) getTransaction(w http.ResponseWriter, r *http.Request, c *apiCall) {
	i, slot, k, ok := s.data.transactionByID(c.company, c.args[0])
	if ok {
		ir := s.invoiceBuilder(c.company, baseURL(r))(i, slot)
		if k < len(ir.common.Transactions) {
			writeJSON(w, http.StatusOK, transactionJSON(ir.common.Transactions[k]))
			return
		}
	}
	writeError(w, http.StatusNotFound, "Transaction not found")
}
