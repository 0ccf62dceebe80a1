package simulator

import (
	"net/http"
	"strconv"
)

// listWallets answers GET /v2/wallets (take/skip, customer_id): the
// company's wallets, or one customer's. Not documented: the order; by
// customer creation.
func (s *Server) listWallets(w http.ResponseWriter, r *http.Request, c *apiCall) {
	q := r.URL.Query()
	p, msg := parsePage(q)
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	co := c.company
	var only []int
	if q.Has("customer_id") {
		only = s.data.customerIndexesOf(co, []string{q.Get("customer_id")})
	}
	pg := newPager[walletJSON](p)
	eachCustomer(co, only, func(i int) {
		if s.data.hasWallet(co, i) {
			pg.offer(func() walletJSON {
				wl, _ := s.data.wallet(co, i)
				return wl
			})
		}
	})
	pg.write(w)
}

// getWallet answers GET /v1/wallets/{id}.
func (s *Server) getWallet(w http.ResponseWriter, _ *http.Request, c *apiCall) {
	i, ok := s.data.walletByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Wallet not found")
		return
	}
	wl, _ := s.data.wallet(c.company, i)
	writeJSON(w, http.StatusOK, wl)
}

// listWalletTransactions answers GET /v1/wallets/{id}/transactions
// (take/skip; type, amount, invoice_id and comment filters), newest
// first. Not documented: the order, and that an unknown wallet answers
// 404 {message}.
func (s *Server) listWalletTransactions(w http.ResponseWriter, r *http.Request, c *apiCall) {
	q := r.URL.Query()
	p, msg := parsePage(q)
	var kind enumFilter
	if msg == "" {
		kind, msg = parseEnumFilter(q, "type", literalEnum([]string{"credit_free", "credit_paid", "debit"}))
	}
	var amount *int64
	if msg == "" && q.Has("amount") {
		v, err := strconv.ParseInt(q.Get("amount"), 10, 64)
		if err != nil {
			msg = "amount must be a number"
		}
		amount = &v
	}
	if msg != "" {
		writeError(w, http.StatusBadRequest, msg)
		return
	}
	i, ok := s.data.walletByID(c.company, c.args[0])
	if !ok {
		writeError(w, http.StatusNotFound, "Wallet not found")
		return
	}
	_, txs := s.data.wallet(c.company, i)
	pg := newPager[walletTransactionJSON](p)
	for _, t := range txs {
		if !kind.match(t.Type) || amount != nil && t.Amount != *amount ||
			q.Has("invoice_id") && (t.InvoiceID == nil || *t.InvoiceID != q.Get("invoice_id")) ||
			q.Has("comment") && (t.Comment == nil || *t.Comment != q.Get("comment")) {
			continue
		}
		pg.offer(func() walletTransactionJSON { return t })
	}
	pg.write(w)
}
